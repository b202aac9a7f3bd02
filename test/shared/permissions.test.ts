import { describe, expect, it } from 'vitest';
import {
  caseGrant,
  consentRecorder,
  consentWithdrawer,
  documentGrant,
  mayManageCase,
  recordableConsents,
} from '../../shared/permissions.js';
import type { CaseFacts, ConsentIntent, Viewer } from '../../shared/permissions.js';
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
  status: 'open',
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

describe('mayManageCase: the coordinator manages the case', () => {
  const managers: Record<Who, boolean> = {
    coordinator: true,
    socialWorker: false,
    gp: false,
    pharmacist: false,
    teamMate: false,
    otherCoordinator: false,
    client: false,
    admin: false,
  };
  for (const who of Object.keys(managers) as Who[]) {
    it(`${who}: ${managers[who] ? 'manages' : 'does not manage'} the case`, () => {
      expect(mayManageCase(people[who], facts())).toBe(managers[who]);
    });
  }

  it('nobody manages a case without a coordinator, not even someone without a professional id', () => {
    const f = { ...facts(), coordinatorId: null };
    for (const who of Object.keys(people) as Who[]) expect(mayManageCase(people[who], f)).toBe(false);
  });
});

/** More people than the table above: another case's client, a former member, a medical coordinator. */
const others = {
  otherClient: { ...people.client, userId: 'u-other-client', clientCaseId: 'c2' } as Viewer,
  formerMember: professional('p-former', 'social'),
  medicalCoordinator: professional('p-med-coord', 'medical', 'coordinator'),
};
type Anyone = Who | keyof typeof others;
const anyone = (who: Anyone): Viewer =>
  who in people ? people[who as Who] : others[who as keyof typeof others];

const intent = (
  compartment: 'medical' | 'social',
  to: { side: 'medical' | 'social' } | { person: string; domain: 'medical' | 'social' },
): ConsentIntent => ({
  compartment,
  sharedWithDomain: 'side' in to ? to.side : null,
  sharedWithProfessional: 'person' in to ? { id: to.person, domain: to.domain } : null,
});
const medicalWithSocialSide = intent('medical', { side: 'social' });
const medicalWithSocialWorker = intent('medical', { person: 'p-social', domain: 'social' });
const medicalWithTeamMate = intent('medical', { person: 'p-team', domain: 'social' });
const socialWithMedicalSide = intent('social', { side: 'medical' });
const socialWithGp = intent('social', { person: 'p-gp', domain: 'medical' });

describe('[A7] consentRecorder: who could grant a compartment to themselves? nobody', () => {
  // prettier-ignore
  const rows: [who: Anyone, consent: ConsentIntent, expected: ReturnType<typeof consentRecorder>, why: string][] = [
    ['socialWorker',       medicalWithSocialWorker, null,           'the recipient never records a consent for herself (the nadia attack)'],
    ['socialWorker',       medicalWithSocialSide,   null,           'nor one for her own side'],
    ['socialWorker',       medicalWithTeamMate,     null,           'nor one for a colleague of her side'],
    ['coordinator',        medicalWithSocialSide,   null,           'the (social) coordinator cannot give her own side the medical notes'],
    ['coordinator',        medicalWithSocialWorker, null,           'nor a member of her side'],
    ['pharmacist',         socialWithGp,            null,           'a read-only member records nothing, not even for the other side'],
    ['pharmacist',         medicalWithSocialSide,   null,           'not even of the side that holds the data'],
    ['teamMate',           medicalWithTeamMate,     null,           'someone not on the case records nothing'],
    ['formerMember',       medicalWithSocialSide,   null,           'nor does a former member'],
    ['otherCoordinator',   medicalWithSocialSide,   null,           "nor another case's coordinator"],
    ['otherClient',        medicalWithSocialSide,   null,           "nor another case's client"],
    ['admin',              medicalWithSocialSide,   null,           'nor the admin'],
    ['gp',                 medicalWithSocialSide,   'holding-side', 'the medical side, which holds the notes, records it for the client'],
    ['gp',                 medicalWithSocialWorker, 'holding-side', 'also for one person of the other side'],
    ['gp',                 socialWithMedicalSide,   null,           'but never the social notes for its own side'],
    ['coordinator',        socialWithMedicalSide,   'coordinator',  'the coordinator records it for the client'],
    ['socialWorker',       socialWithGp,            'holding-side', 'the social side shares its own notes with one GP'],
    ['medicalCoordinator', medicalWithSocialSide,   null,           'a coordinator not on this case records nothing here'],
    ['client',             medicalWithSocialSide,   'client-self',  'the client gives it themselves'],
    ['client',             socialWithGp,            'client-self',  'for either side or anyone'],
  ];
  for (const [who, consent, expected, why] of rows) {
    it(`${why} (${who})`, () => expect(consentRecorder(anyone(who), facts(), consent)).toBe(expected));
  }

  it('a coordinator of the medical side may share the medical notes with the social side', () => {
    const f = { ...facts(), coordinatorId: 'p-med-coord' };
    expect(consentRecorder(others.medicalCoordinator, f, medicalWithSocialSide)).toBe('coordinator');
    expect(consentRecorder(others.medicalCoordinator, f, socialWithMedicalSide)).toBeNull();
  });
});

describe('[A7] consentWithdrawer: the client, the coordinator or the side that holds the data', () => {
  // prettier-ignore
  const rows: [who: Anyone, compartment: 'medical' | 'social', expected: ReturnType<typeof consentWithdrawer>][] = [
    ['client',       'medical', 'client-self'],
    ['coordinator',  'medical', 'coordinator'],
    ['gp',           'medical', 'holding-side'],
    ['socialWorker', 'social',  'holding-side'],
    ['socialWorker', 'medical', null],
    ['gp',           'social',  null],
    ['pharmacist',   'medical', null],
    ['teamMate',     'medical', null],
    ['formerMember', 'social',  null],
    ['otherClient',  'medical', null],
    ['admin',        'medical', null],
  ];
  for (const [who, compartment, expected] of rows) {
    it(`${who} ${expected ? 'may' : 'may not'} withdraw a consent to share ${compartment} notes`, () =>
      expect(consentWithdrawer(anyone(who), facts(), { compartment })).toBe(expected));
  }
});

describe('[A7] recordableConsents: the board offers only what this person may record', () => {
  const team = [
    { id: 'p-coord', domain: 'social' as const },
    { id: 'p-social', domain: 'social' as const },
    { id: 'p-gp', domain: 'medical' as const },
    { id: 'p-pharmacist', domain: 'medical' as const },
  ];
  it('the social coordinator: the social notes, to the medical side or one medical member', () => {
    expect(recordableConsents(people.coordinator, facts(), team)).toEqual([
      { compartment: 'social', toSide: 'medical', toPeople: ['p-gp', 'p-pharmacist'] },
    ]);
  });
  it('the GP: the medical notes, to the social side or one social member', () => {
    expect(recordableConsents(people.gp, facts(), team)).toEqual([
      { compartment: 'medical', toSide: 'social', toPeople: ['p-coord', 'p-social'] },
    ]);
  });
  it('a read-only member, someone not on the case and the admin: nothing', () => {
    for (const who of ['pharmacist', 'teamMate', 'admin'] as const)
      expect(recordableConsents(people[who], facts(), team)).toEqual([]);
  });
});
