import type { ConsentRecord } from '../../shared/api.js';
import { ours } from './codeSystems.js';
import type { FhirResource } from './goals.js';
import { fhirId, fullUrl } from './ids.js';
import { roleReference } from './people.js';

const sideNames = { medical: 'Medisch domein', social: 'Sociaal domein' } as const;

/**
 * A consent of the client as a FHIR Consent (SPEC A7): an opt-in to share one compartment with
 * a side or with one professional, from the day it was given to its last day. Withdrawn and
 * ended consents are inactive; who it is shared with is their role in the bundle when they are
 * on the team, else named.
 */
export function consentResource(
  publicUrl: string,
  caseId: string,
  consent: ConsentRecord,
  inTeam: ReadonlySet<string>,
): FhirResource {
  const to = consent.sharedWithProfessionalId;
  const actor = to
    ? inTeam.has(to)
      ? {
          reference: roleReference(to),
          ...(consent.sharedWithName ? { display: consent.sharedWithName } : {}),
        }
      : { display: consent.sharedWithName ?? '—' }
    : { display: sideNames[consent.sharedWithDomain ?? 'social'] };
  return {
    resourceType: 'Consent',
    id: fhirId('consent', `${caseId}/${consent.id}`),
    identifier: [{ system: `${publicUrl}/api/fhir/consent`, value: consent.id }],
    status: consent.state === 'in-force' ? 'active' : 'inactive',
    scope: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }],
    },
    category: [
      { coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] },
      ours(publicUrl, 'compartment', consent.compartment),
    ],
    patient: { reference: fullUrl(fhirId('patient', caseId)) },
    dateTime: consent.recordedAt,
    policyRule: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }],
    },
    provision: {
      type: 'permit',
      period: {
        start: consent.givenOn,
        end: consent.withdrawnAt ? consent.withdrawnAt.slice(0, 10) : consent.validUntil,
      },
      actor: [
        {
          role: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }],
          },
          reference: actor,
        },
      ],
    },
  };
}
