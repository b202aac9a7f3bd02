import { describe, expect, it } from 'vitest';
import { caseGrant, documentGrant, mayManageCase, mayRecordConsent } from '../../shared/permissions.js';
import type { CaseFacts, Viewer } from '../../shared/permissions.js';
import type { DocumentPart } from '../../shared/protocol.js';

const professional = (
  professionalId: string,
  domain: 'medical' | 'social',
  role: Viewer['role'] = 'professional',
): Viewer => ({
  userId: `u-${professionalId}`,
  role,
  professionalId,
  domain,
  clientCaseId: null,
});
const people = {
  coordinator: professional('p-coord', 'social', 'coordinator'),
  socialWorker: professional('p-social', 'social'),
  gp: professional('p-gp', 'medical'),
  pharmacist: professional('p-pharmacist', 'medical'),
  teamMate: professional('p-team', 'social'),
  otherCoordinator: professional('p-other', 'medical', 'coordinator'),
  client: {
    userId: 'u-client',
    role: 'client',
    professionalId: null,
    domain: null,
    clientCaseId: 'c1',
  } as Viewer,
  admin: {
    userId: 'u-admin',
    role: 'admin',
    professionalId: null,
    domain: null,
    clientCaseId: null,
  } as Viewer,
};
type Who = keyof typeof people;

const facts = (consents: CaseFacts['consents'] = []): CaseFacts => ({
  caseId: 'c1',
  coordinatorId: 'p-coord',
  members: [
    { professionalId: 'p-social', access: 'write' },
    { professionalId: 'p-gp', access: 'write' },
    { professionalId: 'p-pharmacist', access: 'read' },
  ],
  consents,
});
const consent = (
  id: string,
  compartment: 'medical' | 'social',
  withDomain: 'medical' | 'social' | null,
  withProfessional: string | null,
) => ({ id, compartment, sharedWithDomain: withDomain, sharedWithProfessionalId: withProfessional });
const medicalToSocial = consent('k1', 'medical', 'social', null);
const medicalToSocialWorker = consent('k2', 'medical', null, 'p-social');
const medicalToTeamMate = consent('k3', 'medical', null, 'p-team');
const socialToMedical = consent('k4', 'social', 'medical', null);
const writes = <A extends string>(authorization: A) => ({ access: 'write' as const, authorization });
const reads = <A extends string>(authorization: A) => ({ access: 'read' as const, authorization });

describe('caseGrant: access to a case comes from membership or coordinating it', () => {
  // prettier-ignore
  const rows: [who: Who, expected: ReturnType<typeof caseGrant>, why: string][] = [
    ['coordinator',      writes('coordinator'),      'the coordinator writes'],
    ['socialWorker',     writes('membership:write'), 'a write member writes'],
    ['pharmacist',       reads('membership:read'),   'a read-only member reads'],
    ['teamMate',         null,                       'being in the same team is not enough'],
    ['otherCoordinator', null,                       'coordinating another case is not enough'],
    ['client',           null,                       'the client never gets the raw case (only the projection)'],
    ['admin',            null,                       'the admin manages accounts, not client files'],
  ];
  for (const [who, expected, why] of rows) {
    it(why, () => expect(caseGrant(people[who], facts())).toEqual(expected));
  }

  it('a coordinator who is also listed as a read-only member still writes', () => {
    const f = { ...facts(), members: [{ professionalId: 'p-coord', access: 'read' as const }] };
    expect(caseGrant(people.coordinator, f)).toEqual(writes('coordinator'));
  });

  it('a case without a coordinator opens for nobody without a professional id', () => {
    const f = { ...facts(), coordinatorId: null };
    expect(caseGrant(people.admin, f)).toBeNull();
    expect(caseGrant(people.client, f)).toBeNull();
  });
});

describe('documentGrant: the shared board for every member, a compartment for its domain or by consent', () => {
  // prettier-ignore
  const rows: [who: Who, part: DocumentPart, consents: CaseFacts['consents'], expected: ReturnType<typeof documentGrant>, why: string][] = [
    ['gp',           'shared',  [],                      writes('membership:write'),           'a medical member opens the board'],
    ['socialWorker', 'shared',  [],                      writes('membership:write'),           'a social member opens the board'],
    ['pharmacist',   'shared',  [],                      reads('membership:read'),             'a read-only member reads the board'],
    ['gp',           'medical', [],                      writes('membership:write'),           'a medical member opens the medical compartment'],
    ['pharmacist',   'medical', [],                      reads('membership:read'),             'a read-only medical member only reads it'],
    ['gp',           'social',  [],                      null,                                 'a medical member does not get the social compartment'],
    ['socialWorker', 'social',  [],                      writes('membership:write'),           'a social member opens the social compartment'],
    ['socialWorker', 'medical', [],                      null,                                 'a social member does not get the medical compartment without consent'],
    ['coordinator',  'medical', [],                      null,                                 'not even the (social) coordinator, without consent'],
    ['socialWorker', 'medical', [medicalToSocial],       writes('membership:write+consent:k1'), 'consent to share medical with the social domain opens it, naming the consent'],
    ['coordinator',  'medical', [medicalToSocial],       writes('coordinator+consent:k1'),     'and for the social coordinator'],
    ['socialWorker', 'medical', [medicalToSocialWorker], writes('membership:write+consent:k2'), 'consent to share with one professional opens it for that person'],
    ['coordinator',  'medical', [medicalToSocialWorker], null,                                 'but not for other people of their domain'],
    ['teamMate',     'medical', [medicalToTeamMate],     null,                                 'consent does not make a non-member a member'],
    ['teamMate',     'shared',  [medicalToSocial],       null,                                 'nor opens the board to the same team'],
    ['socialWorker', 'medical', [socialToMedical],       null,                                 'sharing social with medical does not open medical to social'],
    ['gp',           'social',  [socialToMedical],       writes('membership:write+consent:k4'), 'it opens social to medical'],
    ['client',       'shared',  [],                      null,                                 'the client never receives the raw board'],
    ['client',       'medical', [medicalToSocial],       null,                                 'nor a compartment'],
    ['admin',        'shared',  [],                      null,                                 'the admin does not receive the board'],
  ];
  for (const [who, part, consents, expected, why] of rows) {
    it(`${why} (${who} on ${part})`, () =>
      expect(documentGrant(people[who], facts(consents), part)).toEqual(expected));
  }
});

describe('mayManageCase and mayRecordConsent: the coordinator manages, writers record consent', () => {
  const rows: { who: Who; manage: boolean; recordsConsent: boolean }[] = [
    { who: 'coordinator', manage: true, recordsConsent: true },
    { who: 'socialWorker', manage: false, recordsConsent: true },
    { who: 'gp', manage: false, recordsConsent: true },
    { who: 'pharmacist', manage: false, recordsConsent: false },
    { who: 'teamMate', manage: false, recordsConsent: false },
    { who: 'otherCoordinator', manage: false, recordsConsent: false },
    { who: 'client', manage: false, recordsConsent: false },
    { who: 'admin', manage: false, recordsConsent: false },
  ];
  for (const { who, manage, recordsConsent } of rows) {
    it(`${who}: ${manage ? 'manages' : 'does not manage'} the case, ${recordsConsent ? 'may' : 'may not'} record consent`, () => {
      expect(mayManageCase(people[who], facts())).toBe(manage);
      expect(mayRecordConsent(people[who], facts())).toBe(recordsConsent);
    });
  }

  it('nobody manages a case without a coordinator, not even someone without a professional id', () => {
    const f = { ...facts(), coordinatorId: null };
    for (const who of Object.keys(people) as Who[]) expect(mayManageCase(people[who], f)).toBe(false);
  });
});
