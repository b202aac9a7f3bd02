import type { Goal } from '../../shared/doc/board.js';
import { goalAchievementSystem, goalStatusToFhir, ours } from './codeSystems.js';
import { extensionUrl } from './extensions.js';
import { fhirId, fullUrl } from './ids.js';

/** A FHIR resource as JSON; the validators (tests) hold it to R4. */
export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;

export interface GoalContext {
  publicUrl: string;
  caseId: string;
  patientId: string;
  /** The reference of a professional's PractitionerRole on the case, or null when unknown. */
  roleOf(professionalId: string | null): string | null;
}

const coding = (system: string, code: string) => ({ coding: [{ system, code }] });

/** One goal of the board as a FHIR Goal: life domain, phase and perspectives as coded categories. */
export function goalResource(goal: Goal, c: GoalContext): FhirResource {
  const status = goalStatusToFhir[goal.status];
  const owner = c.roleOf(goal.ownerId);
  return {
    resourceType: 'Goal',
    id: fhirId('goal', `${c.caseId}/${goal.id}`),
    extension: [{ url: extensionUrl(c.publicUrl, 'visible-to-client'), valueBoolean: goal.visibleToClient }],
    identifier: [{ system: `${c.publicUrl}/api/fhir/goal`, value: goal.id }],
    lifecycleStatus: status.lifecycleStatus,
    ...(status.achievement ? { achievementStatus: coding(goalAchievementSystem, status.achievement) } : {}),
    category: [
      ours(c.publicUrl, 'life-domain', goal.domain),
      ours(c.publicUrl, 'recovery-phase', goal.phase),
      ...goal.perspectives.map((p) => ours(c.publicUrl, 'perspective', p)),
    ],
    description: { text: goal.title || '—' },
    subject: { reference: fullUrl(c.patientId) },
    ...(goal.targetDate ? { target: [{ dueDate: goal.targetDate }] } : {}),
    ...(goal.createdAt ? { startDate: goal.createdAt.slice(0, 10) } : {}),
    ...(owner ? { expressedBy: { reference: owner } } : {}),
    ...(goal.clientWords ? { note: [{ text: goal.clientWords }] } : {}),
  };
}

/** The steps of a goal as Tasks: owner, due date, done or not. */
export function stepResources(goal: Goal, c: GoalContext): FhirResource[] {
  const goalRef = fullUrl(fhirId('goal', `${c.caseId}/${goal.id}`));
  return goal.steps.map((step) => {
    const owner = c.roleOf(step.ownerId);
    return {
      resourceType: 'Task',
      id: fhirId('step', `${c.caseId}/${goal.id}/${step.id}`),
      identifier: [{ system: `${c.publicUrl}/api/fhir/step`, value: step.id }],
      status: step.done ? 'completed' : 'requested',
      intent: 'plan',
      description: step.text || '—',
      focus: { reference: goalRef },
      for: { reference: fullUrl(c.patientId) },
      ...(owner ? { owner: { reference: owner } } : {}),
      ...(step.dueDate ? { restriction: { period: { end: step.dueDate } } } : {}),
    };
  });
}

/** The board as one CarePlan whose activities refer to its goals' steps, and whose goals are the board's. */
export function carePlanResource(goals: readonly Goal[], c: GoalContext, title: string): FhirResource {
  return {
    resourceType: 'CarePlan',
    id: fhirId('careplan', c.caseId),
    status: 'active',
    intent: 'plan',
    title,
    subject: { reference: fullUrl(c.patientId) },
    ...(goals.length
      ? { goal: goals.map((g) => ({ reference: fullUrl(fhirId('goal', `${c.caseId}/${g.id}`)) })) }
      : {}),
    ...(goals.some((g) => g.steps.length)
      ? {
          activity: goals.flatMap((g) =>
            g.steps.map((s) => ({
              reference: { reference: fullUrl(fhirId('step', `${c.caseId}/${g.id}/${s.id}`)) },
            })),
          ),
        }
      : {}),
  };
}

/** A `collection` bundle of the resources, each under its `urn:uuid:` full URL. */
export function collectionBundle(id: string, timestamp: string, resources: readonly FhirResource[]) {
  return {
    resourceType: 'Bundle',
    id,
    type: 'collection',
    timestamp,
    entry: resources.map((resource) => ({ fullUrl: fullUrl(resource.id), resource })),
  };
}
