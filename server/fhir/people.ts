import type { CaseMember } from '../../shared/api.js';
import type { ClientDetails } from '../../shared/intakeApi.js';
import { ours } from './codeSystems.js';
import type { FhirResource } from './goals.js';
import { fhirId, fullUrl } from './ids.js';

/** The Dutch citizen service number's naming system (nl-core). */
export const bsnSystem = 'http://fhir.nl/fhir/NamingSystem/bsn';

export interface PatientInput {
  caseId: string;
  name: string;
  birthYear: number | null;
  client: ClientDetails;
  /** The BSN, only when there is one and the reader may see it (SPEC FH2). */
  bsn: string | null;
  closed: boolean;
}

/** The reference of a professional's PractitionerRole in the bundle. */
export const roleReference = (professionalId: string): string => fullUrl(fhirId('role', professionalId));

/** The client as a Patient: our case id, the BSN only when allowed, and what intake recorded. */
export function patientResource(publicUrl: string, p: PatientInput): FhirResource {
  const birthDate = p.client.dateOfBirth ?? (p.birthYear ? String(p.birthYear) : null);
  return {
    resourceType: 'Patient',
    id: fhirId('patient', p.caseId),
    identifier: [
      { system: `${publicUrl}/api/fhir/client`, value: p.caseId },
      ...(p.bsn ? [{ system: bsnSystem, value: p.bsn }] : []),
    ],
    active: !p.closed,
    name: [{ text: p.name }],
    ...(p.client.phone ? { telecom: [{ system: 'phone', value: p.client.phone, use: 'home' }] } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(p.client.address ? { address: [{ text: p.client.address }] } : {}),
    ...(p.client.preferredLanguage
      ? {
          communication: [
            {
              language: {
                coding: [{ system: 'urn:ietf:bcp:47', code: p.client.preferredLanguage }],
              },
              preferred: true,
            },
          ],
        }
      : {}),
  };
}

const telecom = (m: Pick<CaseMember, 'phone' | 'email'>) => [
  ...(m.phone ? [{ system: 'phone', value: m.phone, use: 'work' }] : []),
  ...(m.email ? [{ system: 'email', value: m.email, use: 'work' }] : []),
];

/**
 * The case's team: per professional a Practitioner, their Organization (once per organisation)
 * and a PractitionerRole, and one CareTeam whose participants are the roles, the coordinator
 * marked as such. Only the work contact details the team sees on the board go in.
 */
export function careTeamResources(
  publicUrl: string,
  caseId: string,
  members: readonly CaseMember[],
  coordinatorId: string | null,
  closed: boolean,
): FhirResource[] {
  const organisations = new Map<string, FhirResource>();
  const people: FhirResource[] = [];
  for (const m of members) {
    const organisation = m.organisation
      ? (organisations.get(m.organisation) ??
        organisations
          .set(m.organisation, {
            resourceType: 'Organization',
            id: fhirId('organisation', m.organisation),
            name: m.organisation,
          })
          .get(m.organisation)!)
      : null;
    const practitioner: FhirResource = {
      resourceType: 'Practitioner',
      id: fhirId('practitioner', m.id),
      identifier: [{ system: `${publicUrl}/api/fhir/professional`, value: m.id }],
      name: [{ text: m.name }],
      ...(telecom(m).length ? { telecom: telecom(m) } : {}),
    };
    people.push(practitioner, {
      resourceType: 'PractitionerRole',
      id: fhirId('role', m.id),
      practitioner: { reference: fullUrl(practitioner.id), display: m.name },
      ...(organisation
        ? { organization: { reference: fullUrl(organisation.id), display: m.organisation } }
        : {}),
      ...(m.roleTitle ? { code: [{ text: m.roleTitle }] } : {}),
      ...(telecom(m).length ? { telecom: telecom(m) } : {}),
    });
  }
  const careTeam: FhirResource = {
    resourceType: 'CareTeam',
    id: fhirId('careteam', caseId),
    status: closed ? 'inactive' : 'active',
    name: 'Team rond de cliënt',
    subject: { reference: fullUrl(fhirId('patient', caseId)) },
    ...(members.length
      ? {
          participant: members.map((m) => ({
            role: [
              ours(
                publicUrl,
                'care-team-role',
                m.id === coordinatorId ? 'coordinator' : 'member',
                m.caseRole,
              ),
            ],
            member: { reference: roleReference(m.id), display: m.name },
          })),
        }
      : {}),
  };
  return [careTeam, ...people, ...organisations.values()];
}
