import { describe, expect, it } from 'vitest';
import type { Goal } from '../../../shared/doc/board.js';
import {
  carePlanResource,
  collectionBundle,
  goalResource,
  stepResources,
} from '../../../server/fhir/goals.js';
import { fhirId } from '../../../server/fhir/ids.js';
import { fhirErrors } from '../../utils/fhirValidation.js';

const goal: Goal = {
  id: 'g1',
  title: 'Eigen woning',
  clientWords: 'Ik wil weer thuis wonen',
  domain: 'housing',
  phase: 'transition',
  order: 'a0',
  status: 'stalled',
  ownerId: 'p1',
  targetDate: '2027-03-01',
  visibleToClient: true,
  perspectives: ['ex-detainee', 'patient'],
  services: [],
  steps: [{ id: 's1', text: 'Inschrijven', ownerId: 'p1', dueDate: '2027-01-10', done: false, order: 'a0' }],
  createdAt: '2026-11-01T10:00:00.000Z',
};
const context = {
  publicUrl: 'https://veelzijdig.example',
  caseId: 'case1',
  patientId: fhirId('patient', 'case1'),
  roleOf: (id: string | null) => (id ? `urn:uuid:${fhirId('role', id)}` : null),
};

describe('a goal and its steps in FHIR R4', () => {
  it('codes life domain, phase and perspectives in our code systems and maps the status', () => {
    const resource = goalResource(goal, context);
    expect(resource).toMatchObject({
      lifecycleStatus: 'on-hold',
      achievementStatus: { coding: [{ code: 'no-progress' }] },
      target: [{ dueDate: '2027-03-01' }],
      note: [{ text: 'Ik wil weer thuis wonen' }],
    });
    expect(resource.category).toEqual(
      expect.arrayContaining([
        {
          coding: [
            {
              system: 'https://veelzijdig.example/api/fhir/CodeSystem/life-domain',
              code: 'housing',
              display: 'Wonen',
            },
          ],
        },
        {
          coding: [
            {
              system: 'https://veelzijdig.example/api/fhir/CodeSystem/perspective',
              code: 'patient',
              display: 'Patiënt',
            },
          ],
        },
      ]),
    );
  });

  it('ids are stable: the same goal gets the same id', () => {
    expect(goalResource(goal, context).id).toBe(goalResource(goal, context).id);
  });

  it('passes both validators (medplum profiles, official R4 JSON Schema) as a collection bundle', () => {
    const bundle = collectionBundle(fhirId('bundle', 'case1'), '2026-12-02T10:00:00.000Z', [
      { resourceType: 'Patient', id: context.patientId, name: [{ text: 'Test Cliënt' }] },
      goalResource(goal, context),
      ...stepResources(goal, context),
      carePlanResource([goal], context, 'Plan'),
    ]);
    expect(fhirErrors(bundle)).toEqual([]);
  });

  it('the validators do catch a wrong status and a missing description', () => {
    const wrong: Record<string, unknown> = { ...goalResource(goal, context), lifecycleStatus: 'stuck' };
    delete wrong.description;
    expect(fhirErrors(wrong as { resourceType: string }).length).toBeGreaterThanOrEqual(2);
  });
});
