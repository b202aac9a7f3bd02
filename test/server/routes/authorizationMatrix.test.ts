import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hsdsExport } from '../../../server/socialMap/hsds/export.js';
import { peerRunTerm } from '../../../server/socialMap/hsds/vocabulary.js';
import { hsdsSource } from '../../../server/socialMap/hsdsSource.js';
import { organisationUuid } from '../../../server/socialMap/service.js';
import { statementIds } from '../../../shared/collaborationHealthStatements.js';
import { createGoal, readBoard } from '../../../shared/doc/board.js';
import { addNote, readNotes } from '../../../shared/doc/compartment.js';
import { addAction, addDecision, readMeetingCase } from '../../../shared/doc/meetingCase.js';
import {
  caseDocumentName,
  documentParts,
  meetingCaseDocumentName,
  meetingDocumentName,
  parseDocumentName,
} from '../../../shared/protocol.js';
import type { DocumentName, closeCodes } from '../../../shared/protocol.js';
import { addMember, addProfessional, signIn } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { openRawSocket, serverHasRead, syncMessage } from '../../utils/rawSocket.js';
import { declaredRoutes } from '../../utils/routes.js';
import { insertCase, startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Who may do what: every REST route and every document kind, for every kind of person, on their
 * own case and on someone else's. One row per route or document, one column per person.
 */
const actors = [
  'anonymous',
  'admin',
  'coordinator', // of this case, social domain
  'socialWorker', // member, social, write
  'gp', // member, medical, write
  'pharmacist', // member, medical, read-only
  'teamMate', // same team, not on the case
  'formerMember', // was a member; the membership was revoked
  'client', // the client of this case
  'otherClient', // the client of someone else's case
] as const;
type Actor = (typeof actors)[number];

let server: TestServer;
let t: CaseTeam;
const visibleGoal = 'goal-visible';
/** Questions of this case's client: one to take back, one for the team to mark discussed. */
const questions = { open: '', toDiscuss: '' };
beforeAll(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
  await server.sync.registry.use(caseDocumentName(t.caseId), (doc) =>
    createGoal(doc, {
      id: visibleGoal,
      title: 'Zelf boodschappen doen',
      domain: 'care',
      phase: 'rebuilding',
      visibleToClient: true,
    }),
  );
  await planMeetings();
  // A kept version on each case, so the version route is asked for one that exists.
  for (const caseId of [t.caseId, t.otherCaseId])
    await server.sync.registry.use(caseDocumentName(caseId), (doc) =>
      server.services.meetings.versions.keep(caseId, null, '', doc, new Date().toISOString(), 'auto'),
    );
  const voice = server.services.clientVoice;
  const client = { userId: t.client.userId, role: 'client' };
  questions.open = await voice.askQuestion(t.caseId, client, 'Mag ik weer autorijden?');
  questions.toDiscuss = await voice.askQuestion(t.caseId, client, 'Wie betaalt de taxi?');
  const organisationId = await server.services.teams.createOrganisation('Buurtvereniging', 'volunteer');
  mapService.body = { ...mapServiceFields(organisationId), districtId: 'd1' };
  mapService.id = await server.services.socialMap.create('d1', mapServiceFields(organisationId));
});

/** A service on the social map of the case team's district, and what a form sends for one (SPEC SM1). */
const mapService = { id: '', body: {} as Record<string, unknown> };
const mapServiceFields = (organisationId: string) => ({
  organisationId,
  name: 'Taalcafé',
  description: 'Samen Nederlands praten.',
  lifeDomains: ['work' as const],
  perspectives: ['refugee' as const],
  neighbourhoodIds: ['n1'],
  forWhom: 'Iedereen',
  access: 'walk-in' as const,
  howToGetIn: 'Loop binnen.',
  free: true,
  costDescription: '',
  languages: ['nl' as const],
  openingHours: [],
  openingNote: '',
  location: null,
  contact: { name: 'Els', role: 'Vrijwilliger', phone: '06-12345678', email: 'els@buurt.example' },
  peerRun: false,
  status: 'active' as const,
});
/** A referral of this case's client by the GP to the bystander (SPEC RF1), made as the route would. */
const freshReferral = async (caseId = t.caseId) => {
  const facts = (await server.services.access.facts(caseId))!;
  const referrer = caseId === t.caseId ? t.gp : t.otherCoordinator;
  return server.services.referrals.create(
    {
      userId: referrer.userId,
      role: 'professional',
      professionalId: referrer.professionalId!,
      domain: 'medical',
      clientCaseId: null,
    },
    facts,
    {
      toProfessionalId: t.bystander.professionalId!,
      serviceId: null,
      goalId: null,
      goalTitle: null,
      reason: 'Schulden',
      question: 'Overzicht maken?',
      urgency: 'routine',
      carries: null,
      letter: null,
      letterTemplateId: null,
    },
  );
};
const acceptedReferral = async () => {
  const made = await freshReferral();
  return server.services.referrals.step(
    made,
    'receiver',
    t.bystander.professionalId!,
    { to: 'accepted' },
    t.coordinator.professionalId,
  );
};
/** A standard letter of the case team's district (SPEC LT1), what the admin's form sends for one. */
const letterFields = {
  title: 'Brief',
  purpose: 'Om iets te vragen',
  fromSide: 'any' as const,
  toSide: 'any' as const,
  body: 'Beste {{ontvanger.naam}}, {{vraag}}',
  legalBasis: 'Toestemming',
};
const freshTemplate = () => server.services.letters.create('d1', letterFields);
/** A decision tree of the case team's district (SPEC DT1), as the editor saves one. */
const treeContent = {
  title: 'Boom',
  description: '',
  rootId: 'q',
  nodes: [
    {
      id: 'q',
      kind: 'question' as const,
      text: 'Vraag?',
      help: '',
      answers: [
        { id: 'ja', label: 'Ja', next: 'a' },
        { id: 'nee', label: 'Nee', next: 'a' },
      ],
    },
    {
      id: 'a',
      kind: 'advice' as const,
      text: 'Advies',
      area: 'social' as const,
      teamKind: 'other' as const,
      serviceId: null,
    },
  ],
};
const freshTree = () => server.services.decisionTrees.create('d1', treeContent, t.admin.userId);
/** A shared term of the case team's district, its words unique to this attempt (SPEC GL1, GL2). */
const glossaryTerm = () => ({
  term: `Begrip ${unique()}`,
  variants: [],
  medicalMeaning: 'Medisch',
  socialMeaning: 'Sociaal',
  sharedMeaning: 'Samen',
  related: [],
});
const mapLink = async () => (await server.services.socialMap.issueLink(mapService.id, t.admin.userId)).token;
/** An open collaboration-health round of the case team's district (SPEC CH1). */
const freshRound = () => {
  const id = randomUUID();
  server.db
    .prepare(
      `INSERT INTO health_rounds (id, district_id, neighbourhood_id, title, opened_at, opened_by, closes_on, status)
       VALUES (?, 'd1', NULL, 'Ronde', '2026-01-01T00:00:00Z', 'admin', '2099-12-31', 'open')`,
    )
    .run(id);
  return id;
};
const roundAnswers = () => ({ scores: Object.fromEntries(statementIds.map((id) => [id, 3])) });
afterAll(async () => {
  await server?.close();
});

/**
 * Meetings chaired by the coordinator; the social worker, GP, pharmacist (read-only on the case) and
 * team mate (not on the case) attend; the former member does not. `planned` has the case on its
 * agenda and an action owned by the GP; `closed` was closed with the case on it.
 */
const meetings = { planned: '', closed: '', actionOfGp: '', stepActions: [] as string[] };
const attendees = () => [t.socialWorker, t.gp, t.pharmacist, t.teamMate].map((p) => p.professionalId!);
const freshMeeting = async (withCase = false) => {
  const { store } = server.services.meetings;
  const id = await store.create({
    neighbourhoodId: 'n1',
    title: 'Overleg',
    startsAt: '2026-12-01T12:00:00.000Z',
    chairId: t.coordinator.professionalId!,
    attendeeIds: attendees(),
    guests: [],
    createdBy: t.coordinator.userId,
  });
  if (withCase) await store.addCase(id, t.caseId, t.coordinator.userId);
  return id;
};
async function planMeetings() {
  const { service } = server.services.meetings;
  meetings.planned = await freshMeeting();
  await service.addCase(
    meetings.planned,
    t.caseId,
    { question: 'Werk?', slotMinutes: 10 },
    { userId: t.coordinator.userId, role: 'coordinator' },
  );
  await server.sync.registry.use(meetingCaseDocumentName(meetings.planned, t.caseId), (doc) => {
    meetings.actionOfGp = addAction(doc, {
      text: 'Bellen',
      ownerId: t.gp.professionalId!,
      dueDate: '2026-12-05',
    });
    meetings.stepActions = actors.map(() =>
      addAction(doc, { text: 'Stap', ownerId: t.gp.professionalId!, dueDate: '2026-12-05' }),
    );
  });
  meetings.closed = await freshMeeting();
  await service.addCase(
    meetings.closed,
    t.caseId,
    { question: 'Wonen?', slotMinutes: 10 },
    { userId: t.coordinator.userId, role: 'coordinator' },
  );
  await service.close((await server.services.meetings.store.facts(meetings.closed))!);
  await eventually(() =>
    expect(
      server.services.meetings.actions.one(meetings.planned, t.caseId, meetings.actionOfGp),
    ).not.toBeNull(),
  );
}

const person = (actor: Actor): Person | null => (actor === 'anonymous' ? null : t[actor]);

interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** Undoes what the request changed that later rows rely on. */
  after?: () => unknown;
}
const get = (path: string): Request => ({ method: 'GET', path });
const post = (path: string, body: unknown = {}): Request => ({ method: 'POST', path, body });
const put = (path: string, body: unknown): Request => ({ method: 'PUT', path, body });
const del = (path: string): Request => ({ method: 'DELETE', path });

let n = 0;
const unique = () => `${++n}-${randomUUID().slice(0, 6)}`;
/** A consent in force, shared with the bystander only (so withdrawing it changes nobody's rights here). */
const freshConsent = (caseId: string) =>
  server.services.caseAdmin.giveConsent(
    caseId,
    {
      compartment: 'medical',
      sharedWithProfessionalId: t.bystander.professionalId,
      how: 'spoken',
      givenOn: new Date().toISOString().slice(0, 10),
    },
    t.gp.userId,
  );
/** Withdraws every consent in force, so what a row recorded changes nobody's rights in later rows. */
const withdrawAllConsents = () =>
  server.db
    .prepare("UPDATE consents SET withdrawn_at = '2000-01-01T00:00:00.000Z' WHERE withdrawn_at IS NULL")
    .run();
/** A client account of its own case, for the admin to recover without touching this case's client. */
const freshClient = () =>
  server.services.accounts.create({
    username: `client-${unique()}`,
    displayName: 'Cliënt',
    role: 'client',
    clientCaseId: insertCase(server.db),
  });
const newProfessional = () => ({
  name: 'Nieuwe collega',
  roleTitle: 'Wijkverpleegkundige',
  side: 'medical',
  teamId: null,
  organisationId: null,
  phone: null,
  email: null,
  username: `collega-${unique()}`,
  role: 'professional',
});

/** Places and people of their own for the admin's rows to change (never the case team's n1 or team). */
const fresh = {
  district: () => server.services.places.createDistrict(`Wijk ${unique()}`),
  neighbourhood: () => server.services.places.createNeighbourhood('d1', `Buurt ${unique()}`),
  team: () =>
    server.services.teams.create({ name: `Team ${unique()}`, kind: 'other', neighbourhoodId: 'n1' }),
  organisation: () => server.services.teams.createOrganisation(`Organisatie ${unique()}`, 'other'),
  professional: async () =>
    (
      await server.services.professionals.create(
        { ...newProfessional(), side: 'medical', role: 'professional' },
        t.admin.userId,
      )
    ).id,
};
const place = { name: 'Nieuwe naam' };

/** The requests a case's routes get, for this case and for someone else's. */
const caseRequests: Record<string, (caseId: string) => Request | Promise<Request>> = {
  'GET /api/cases/:caseId': (id) => get(`/api/cases/${id}`),
  'PUT /api/cases/:caseId/members/:professionalId': (id) =>
    put(`/api/cases/${id}/members/${t.bystander.professionalId}`, { caseRole: 'maatje', access: 'read' }),
  'DELETE /api/cases/:caseId/members/:professionalId': (id) =>
    del(`/api/cases/${id}/members/${t.bystander.professionalId}`),
  'GET /api/cases/:caseId/consents': (id) => get(`/api/cases/${id}/consents`),
  'GET /api/cases/:caseId/consents/stream': (id) => get(`/api/cases/${id}/consents/stream`),
  'POST /api/cases/:caseId/consents': (id) =>
    post(`/api/cases/${id}/consents`, {
      compartment: 'medical',
      sharedWithProfessionalId: t.bystander.professionalId,
      how: 'spoken',
      givenOn: new Date().toISOString().slice(0, 10),
    }),
  'POST /api/cases/:caseId/consents/:consentId/withdraw': async (id) =>
    post(`/api/cases/${id}/consents/${await freshConsent(id)}/withdraw`),
  'POST /api/cases/:caseId/invitation': (id) =>
    post(`/api/cases/${id}/invitation`, { username: `client-${unique()}`, displayName: 'Cliënt' }),
  'POST /api/cases/:caseId/observations': (id) =>
    post(`/api/cases/${id}/observations`, { state: 'green', note: 'Gezien bij het spreekuur' }),
  'GET /api/cases/:caseId/actions': (id) => get(`/api/cases/${id}/actions`),
  'GET /api/cases/:caseId/actions/stream': (id) => get(`/api/cases/${id}/actions/stream`),
  'POST /api/cases/:caseId/client-questions/:questionId/discussed': (id) =>
    post(`/api/cases/${id}/client-questions/${questions.toDiscuss}/discussed`),
  'GET /api/cases/:caseId/history': (id) => get(`/api/cases/${id}/history`),
  'GET /api/cases/:caseId/history/stream': (id) => get(`/api/cases/${id}/history/stream`),
  'GET /api/cases/:caseId/versions': (id) => get(`/api/cases/${id}/versions`),
  'GET /api/cases/:caseId/versions/:versionId': async (id) =>
    get(`/api/cases/${id}/versions/${(await server.services.meetings.versions.list(id))[0]!.id}`),
  'GET /api/cases/:caseId/client-file': (id) => get(`/api/cases/${id}/client-file`),
  // [RF1] [RF3] A case's referrals: read by its members, made by who may change it.
  'GET /api/cases/:caseId/referrals': (id) => get(`/api/cases/${id}/referrals`),
  'GET /api/cases/:caseId/referral-options': (id) =>
    get(`/api/cases/${id}/referral-options?toProfessionalId=${t.bystander.professionalId}`),
  'POST /api/cases/:caseId/referrals': (id) =>
    post(`/api/cases/${id}/referrals`, {
      toProfessionalId: t.bystander.professionalId,
      reason: 'Schulden',
      question: 'Overzicht maken?',
      urgency: 'routine',
    }),
  'GET /api/cases/:caseId/decision-trees/:treeId/advice': async (id) =>
    get(`/api/cases/${id}/decision-trees/${await freshTree()}/advice?answers=ja`),
  'POST /api/cases/:caseId/letter': async (id) =>
    post(`/api/cases/${id}/letter`, {
      templateId: await freshTemplate(),
      toProfessionalId: t.bystander.professionalId,
      reason: 'Schulden',
      question: 'Overzicht maken?',
    }),
  // [SM3] Who can help with a goal: the client's neighbourhood is part of the answer.
  'GET /api/cases/:caseId/help': (id) => get(`/api/cases/${id}/help?lifeDomain=work&perspectives=refugee`),
  'GET /api/cases/:caseId/client-file.json': (id) => get(`/api/cases/${id}/client-file.json`),
  'GET /api/cases/:caseId/fhir': (id) => get(`/api/cases/${id}/fhir`),
  // An empty bundle: only its reader gets as far as the board, which holds goals already (409).
  'PUT /api/cases/:caseId/fhir': (id) =>
    put(`/api/cases/${id}/fhir`, { resourceType: 'Bundle', type: 'collection', entry: [] }),
  // [CL5]–[CL7] A case's life: each row undoes itself, so later rows see the case as it was.
  'PUT /api/cases/:caseId/coordinator': (id) => ({
    ...put(`/api/cases/${id}/coordinator`, {
      coordinatorId: t.bystander.professionalId,
      previousCoordinator: 'write',
    }),
    after: restoreCaseLife,
  }),
  'POST /api/cases/:caseId/close': (id) => ({
    ...post(`/api/cases/${id}/close`, { reason: 'other', note: 'Matrix' }),
    after: restoreCaseLife,
  }),
  // [CL9] The client's details: the BSN to who may open the case, corrections by the coordinator.
  'GET /api/cases/:caseId/client/bsn': (id) => get(`/api/cases/${id}/client/bsn`),
  'PUT /api/cases/:caseId/client': (id) =>
    put(`/api/cases/${id}/client`, { dateOfBirth: null, preferredLanguage: 'nl', readingLevel: 'plain' }),
  'POST /api/cases/:caseId/reopen (a closed case)': (id) => {
    server.db
      .prepare("UPDATE cases SET status = 'closed', closed_at = '2026-01-02T00:00:00Z' WHERE id = ?")
      .run(id);
    return { ...post(`/api/cases/${id}/reopen`, { reason: 'Terugval' }), after: restoreCaseLife };
  },
};
/** Both cases open again with their own coordinators, and the previous coordinators off the member list. */
function restoreCaseLife() {
  const { db } = server;
  for (const [caseId, coordinator] of [
    [t.caseId, t.coordinator],
    [t.otherCaseId, t.otherCoordinator],
  ] as const) {
    db.prepare(
      "UPDATE cases SET coordinator_id = ?, status = 'open', closed_at = NULL, close_reason = NULL, closing_note = NULL, closed_by = NULL WHERE id = ?",
    ).run(coordinator.professionalId, caseId);
    db.prepare('DELETE FROM case_members WHERE case_id = ? AND professional_id = ?').run(
      caseId,
      coordinator.professionalId,
    );
  }
}
/** [CL1] A registration of a client nobody else has, whose registrant then leaves it, so no case list changes. */
const newClient = (): Request => {
  const clientName = `Matrix ${unique()}`;
  return {
    ...post('/api/cases', {
      clientName,
      dateOfBirth: '1980-02-03',
      neighbourhoodId: 'n1',
      preferredLanguage: 'nl',
      readingLevel: 'plain',
      recoveryContext: 'other',
      perspectives: ['patient'],
      coordinatorId: t.bystander.professionalId,
      members: [],
    }),
    after: () =>
      server.db
        .prepare('DELETE FROM case_members WHERE case_id IN (SELECT id FROM cases WHERE client_name = ?)')
        .run(clientName),
  };
};
const elsewhere = " (someone else's case)";

/** One request per row of the matrix, as the browser would send it. */
const requests: Record<string, () => Request | Promise<Request>> = {
  'POST /api/session (wrong password)': () =>
    post('/api/session', { username: `nobody-${unique()}`, password: 'wrong' }),
  'GET /api/session': () => get('/api/session'),
  'DELETE /api/session': () => del('/api/session'),
  'POST /api/session/password (wrong current password)': () =>
    post('/api/session/password', { currentPassword: 'not-mine', newPassword: 'a-new-long-password' }),
  'PUT /api/session/language': () => put('/api/session/language', { language: 'en' }),
  'POST /api/session/code (an unknown challenge)': () =>
    post('/api/session/code', { challenge: 'c'.repeat(43), code: '123456' }),
  'DELETE /api/session/others': () => del('/api/session/others'),
  'GET /api/session/two-factor': () => get('/api/session/two-factor'),
  'POST /api/session/two-factor/setup': () => post('/api/session/two-factor/setup'),
  'POST /api/session/two-factor (a wrong code)': () => post('/api/session/two-factor', { code: '000000' }),
  'POST /api/session/two-factor/recovery-codes (not set up)': () =>
    post('/api/session/two-factor/recovery-codes', { currentPassword: 'not-mine' }),
  'POST /api/session/two-factor/disable (wrong password)': () =>
    post('/api/session/two-factor/disable', { currentPassword: 'not-mine' }),
  'GET /api/invitations/:token (a valid link)': async () =>
    get(
      `/api/invitations/${(await server.services.accounts.invite(t.client.userId, t.coordinator.userId)).token}`,
    ),
  'POST /api/invitations/:token (an unknown link)': () =>
    post(`/api/invitations/${'x'.repeat(43)}`, { password: 'a-long-new-password' }),
  'GET /api/cases': () => get('/api/cases'),
  'GET /api/cases/intake': () => get('/api/cases/intake'),
  'POST /api/cases (a new client)': newClient,
  'POST /api/cases/access-requests': () =>
    post('/api/cases/access-requests', {
      clientName: 'Test Cliënt',
      dateOfBirth: '1980-02-03',
      coordinatorId: t.coordinator.professionalId,
    }),
  ...Object.fromEntries(
    Object.entries(caseRequests).flatMap(([route, request]) => [
      [route, () => request(t.caseId)],
      [`${route}${elsewhere}`, () => request(t.otherCaseId)],
    ]),
  ),
  'GET /api/professionals': () => get('/api/professionals'),
  'GET /api/my/plan': () => get('/api/my/plan'),
  'GET /api/my/plan/events': () => get('/api/my/plan/events'),
  'PUT /api/my/goals/:goalId/words (a goal of this case)': () =>
    put(`/api/my/goals/${visibleGoal}/words`, { words: 'Ik wil het zelf doen' }),
  'GET /api/my/access-log': () => get('/api/my/access-log'),
  'GET /api/my/file': () => get('/api/my/file'),
  'GET /api/my/file.json': () => get('/api/my/file.json'),
  'GET /api/my/fhir': () => get('/api/my/fhir'),
  'GET /api/retention': () => get('/api/retention'),
  'POST /api/retention/check': () => post('/api/retention/check'),
  'POST /api/retention/:caseId/erase (an open case: never due)': () =>
    post(`/api/retention/${t.caseId}/erase`, { part: 'social' }),
  'POST /api/my/questions': () => post('/api/my/questions', { text: 'Kan mijn zoon mee?' }),
  'DELETE /api/my/questions/:questionId (an open question of this case)': () =>
    del(`/api/my/questions/${questions.open}`),
  'PUT /api/my/ratings/:domain': () => put('/api/my/ratings/care', { score: 3, sentence: 'Gaat wel' }),
  'GET /api/my/consents': () => get('/api/my/consents'),
  'GET /api/my/consents/stream': () => get('/api/my/consents/stream'),
  'POST /api/my/consents': () => ({
    ...post('/api/my/consents', { compartment: 'medical', sharedWithDomain: 'social' }),
    after: withdrawAllConsents,
  }),
  'POST /api/my/consents/:consentId/withdraw (a consent of this case)': async () =>
    post(`/api/my/consents/${await freshConsent(t.caseId)}/withdraw`),
  'GET /api/meetings': () => get('/api/meetings'),
  'GET /api/meetings/neighbourhoods': () => get('/api/meetings/neighbourhoods'),
  'POST /api/meetings': () =>
    post('/api/meetings', {
      neighbourhoodId: 'n1',
      title: 'Overleg',
      startsAt: '2026-12-02T10:00:00Z',
      attendeeIds: [],
    }),
  'GET /api/meetings/:meetingId': () => get(`/api/meetings/${meetings.planned}`),
  'PUT /api/meetings/:meetingId (a fresh meeting)': async () =>
    put(`/api/meetings/${await freshMeeting()}`, {
      chairId: t.coordinator.professionalId,
      title: 'Verplaatst',
      startsAt: '2026-12-03T10:00:00Z',
      attendeeIds: attendees(),
    }),
  'POST /api/meetings/:meetingId/agenda (a fresh meeting)': async () =>
    post(`/api/meetings/${await freshMeeting()}/agenda`, { caseId: t.caseId, question: 'Werk?' }),
  'DELETE /api/meetings/:meetingId/agenda/:caseId (a fresh meeting)': async () =>
    del(`/api/meetings/${await freshMeeting(true)}/agenda/${t.caseId}`),
  'GET /api/meetings/:meetingId/cases/:caseId/changes': () =>
    get(`/api/meetings/${meetings.planned}/cases/${t.caseId}/changes`),
  'POST /api/meetings/:meetingId/cases/:caseId/actions/:actionId/step (a fresh action)': () =>
    post(`/api/meetings/${meetings.planned}/cases/${t.caseId}/actions/${meetings.stepActions.pop()}/step`, {
      goalId: visibleGoal,
    }),
  'POST /api/meetings/:meetingId/cases/:caseId/client-questions/:questionId/discussed': () =>
    post(
      `/api/meetings/${meetings.planned}/cases/${t.caseId}/client-questions/${questions.toDiscuss}/discussed`,
    ),
  'POST /api/meetings/:meetingId/close (a fresh meeting)': async () =>
    post(`/api/meetings/${await freshMeeting()}/close`),
  'GET /api/meetings/:meetingId/minutes': () => get(`/api/meetings/${meetings.closed}/minutes`),
  'GET /api/meetings/:meetingId/minutes.md': () => get(`/api/meetings/${meetings.closed}/minutes.md`),
  'GET /api/meetings/:meetingId/attention': () => get(`/api/meetings/${meetings.planned}/attention`),
  'GET /api/actions/mine': () => get('/api/actions/mine'),
  'GET /api/actions/mine/stream': () => get('/api/actions/mine/stream'),
  'PUT /api/actions/:meetingId/:caseId/:actionId (the GP owns it)': () =>
    put(`/api/actions/${meetings.planned}/${t.caseId}/${meetings.actionOfGp}`, { done: true }),
  'GET /api/admin/places': () => get('/api/admin/places'),
  'POST /api/admin/districts': () => post('/api/admin/districts', { name: `Wijk ${unique()}` }),
  'PUT /api/admin/districts/:districtId': async () =>
    put(`/api/admin/districts/${await fresh.district()}`, place),
  'PUT /api/admin/districts/:districtId/archived': async () =>
    put(`/api/admin/districts/${await fresh.district()}/archived`, { archived: true }),
  'POST /api/admin/neighbourhoods': () =>
    post('/api/admin/neighbourhoods', { districtId: 'd1', name: `Buurt ${unique()}` }),
  'PUT /api/admin/neighbourhoods/:neighbourhoodId': async () =>
    put(`/api/admin/neighbourhoods/${await fresh.neighbourhood()}`, place),
  'PUT /api/admin/neighbourhoods/:neighbourhoodId/archived': async () =>
    put(`/api/admin/neighbourhoods/${await fresh.neighbourhood()}/archived`, { archived: true }),
  'PUT /api/admin/teams/:teamId': async () =>
    put(`/api/admin/teams/${await fresh.team()}`, {
      name: `Team ${unique()}`,
      kind: 'primary-care',
      neighbourhoodId: 'n1',
    }),
  'PUT /api/admin/teams/:teamId/archived': async () =>
    put(`/api/admin/teams/${await fresh.team()}/archived`, { archived: true }),
  'POST /api/admin/organisations': () =>
    post('/api/admin/organisations', { name: `Organisatie ${unique()}`, kind: 'volunteer' }),
  'PUT /api/admin/organisations/:organisationId': async () =>
    put(`/api/admin/organisations/${await fresh.organisation()}`, {
      name: `Organisatie ${unique()}`,
      kind: 'other',
    }),
  'PUT /api/admin/organisations/:organisationId/archived': async () =>
    put(`/api/admin/organisations/${await fresh.organisation()}/archived`, { archived: true }),
  'GET /api/admin/professionals': () => get('/api/admin/professionals?q=collega'),
  'PUT /api/admin/professionals/:professionalId': async () => {
    const { username: _u, ...details } = newProfessional();
    return put(`/api/admin/professionals/${await fresh.professional()}`, { ...details, name: 'Andere naam' });
  },
  'POST /api/admin/professionals/:professionalId/disable': async () =>
    post(`/api/admin/professionals/${await fresh.professional()}/disable`),
  'POST /api/admin/professionals/:professionalId/enable': async () =>
    post(`/api/admin/professionals/${await fresh.professional()}/enable`),
  'POST /api/admin/professionals/:professionalId/password-reset': async () =>
    post(`/api/admin/professionals/${await fresh.professional()}/password-reset`, { twoFactor: false }),
  'GET /api/admin/orphaned-cases': () => get('/api/admin/orphaned-cases'),
  'GET /api/admin/teams': () => get('/api/admin/teams'),
  'POST /api/admin/teams': () =>
    post('/api/admin/teams', { name: `Team ${unique()}`, kind: 'other', neighbourhoodId: 'n1' }),
  'GET /api/admin/users': () => get('/api/admin/users'),
  'POST /api/admin/professionals': () => post('/api/admin/professionals', newProfessional()),
  'GET /api/admin/access-log': () => get(`/api/admin/access-log?caseId=${t.caseId}`),
  'GET /api/admin/access-log/cases': () => get('/api/admin/access-log/cases?q=client'),
  'GET /api/admin/access-log/people': () => get('/api/admin/access-log/people?q=tester'),
  'POST /api/admin/users/:userId/recovery (a client)': async () =>
    post(`/api/admin/users/${await freshClient()}/recovery`),
  'POST /api/admin/users/:userId/disable (a client)': async () =>
    post(`/api/admin/users/${await freshClient()}/disable`),
  'POST /api/admin/users/:userId/enable (a disabled client)': async () => {
    const userId = await freshClient();
    await server.services.accounts.setDisabled(userId, true);
    return post(`/api/admin/users/${userId}/enable`);
  },
  'GET /api/caseload': () => get('/api/caseload'),
  'GET /api/caseload/events': () => get('/api/caseload/events'),
  'GET /api/caseload/rows/:caseId': () => get(`/api/caseload/rows/${t.caseId}`),
  'GET /api/notifications': () => get('/api/notifications'),
  'POST /api/notifications/read': () => post('/api/notifications/read'),
  'GET /api/notifications/events': () => get('/api/notifications/events'),
  'GET /api/decision-trees': () => get('/api/decision-trees?districtId=d1'),
  'GET /api/decision-trees/:treeId': async () => get(`/api/decision-trees/${await freshTree()}`),
  'GET /api/decision-trees/:treeId/versions': async () =>
    get(`/api/decision-trees/${await freshTree()}/versions`),
  'POST /api/decision-trees': () => post('/api/decision-trees', { ...treeContent, districtId: 'd1' }),
  'PUT /api/decision-trees/:treeId': async () => put(`/api/decision-trees/${await freshTree()}`, treeContent),
  'PUT /api/decision-trees/:treeId/archived': async () =>
    put(`/api/decision-trees/${await freshTree()}/archived`, { archived: true }),
  'GET /api/letter-templates': () => get('/api/letter-templates?districtId=d1'),
  'POST /api/letter-templates': () => post('/api/letter-templates', { ...letterFields, districtId: 'd1' }),
  'PUT /api/letter-templates/:templateId': async () =>
    put(`/api/letter-templates/${await freshTemplate()}`, letterFields),
  'PUT /api/letter-templates/:templateId/archived': async () =>
    put(`/api/letter-templates/${await freshTemplate()}/archived`, { archived: true }),
  'GET /api/referrals': () => get('/api/referrals'),
  'GET /api/referrals/stream': () => get('/api/referrals/stream'),
  'GET /api/referrals/:referralId': async () => get(`/api/referrals/${(await freshReferral()).id}`),
  [`GET /api/referrals/:referralId${elsewhere}`]: async () =>
    get(`/api/referrals/${(await freshReferral(t.otherCaseId)).id}`),
  'POST /api/referrals/:referralId/status (the referrer calls a fresh one off)': async () =>
    post(`/api/referrals/${(await freshReferral()).id}/status`, { to: 'cancelled', reason: 'other' }),
  'POST /api/referrals/:referralId/member (an accepted one)': async () => ({
    ...post(`/api/referrals/${(await acceptedReferral()).id}/member`),
    after: () =>
      server.db
        .prepare('DELETE FROM case_members WHERE case_id = ? AND professional_id = ?')
        .run(t.caseId, t.bystander.professionalId),
  }),
  'GET /api/social-map/options': () => get('/api/social-map/options'),
  'GET /api/social-map/services': () => get('/api/social-map/services?districtId=d1'),
  'GET /api/social-map/services/by-id': () => get(`/api/social-map/services/by-id?ids=${mapService.id}`),
  'GET /api/social-map/services/:serviceId': () => get(`/api/social-map/services/${mapService.id}`),
  'POST /api/social-map/services': () => post('/api/social-map/services', mapService.body),
  'PUT /api/social-map/services/:serviceId': () =>
    put(`/api/social-map/services/${mapService.id}`, mapService.body),
  'POST /api/social-map/services/:serviceId/confirmed': () =>
    post(`/api/social-map/services/${mapService.id}/confirmed`),
  'POST /api/social-map/services/:serviceId/link': () =>
    post(`/api/social-map/services/${mapService.id}/link`),
  'GET /api/social-map/confirm/:token (a valid link)': async () =>
    get(`/api/social-map/confirm/${await mapLink()}`),
  'POST /api/social-map/confirm/:token (a valid link)': async () =>
    post(`/api/social-map/confirm/${await mapLink()}`),
  'GET /api/social-map/export.hsds.json': () => get('/api/social-map/export.hsds.json?districtId=d1'),
  'POST /api/social-map/import (the map as exported)': async () =>
    post('/api/social-map/import', {
      districtId: 'd1',
      data: hsdsExport((await hsdsSource(server.services, 'd1'))!),
    }),
  'GET /api/glossary': () => get('/api/glossary?districtId=d1'),
  'POST /api/glossary': () => post('/api/glossary', { ...glossaryTerm(), districtId: 'd1' }),
  'PUT /api/glossary/:termId': async () =>
    put(`/api/glossary/${await server.services.glossary.create('d1', glossaryTerm())}`, glossaryTerm()),
  'DELETE /api/glossary/:termId': async () =>
    del(`/api/glossary/${await server.services.glossary.create('d1', glossaryTerm())}`),
  'GET /api/collaboration-health/rounds': () => get('/api/collaboration-health/rounds'),
  'POST /api/collaboration-health/rounds': () =>
    post('/api/collaboration-health/rounds', { title: 'Ronde', districtId: 'd1', closesOn: '2099-12-31' }),
  'POST /api/collaboration-health/rounds/:roundId/close': () =>
    post(`/api/collaboration-health/rounds/${freshRound()}/close`),
  // [CH2] The case team's team works in no neighbourhood: nobody of it takes part in d1's round.
  'GET /api/collaboration-health/rounds/:roundId/answers': () =>
    get(`/api/collaboration-health/rounds/${freshRound()}/answers`),
  'PUT /api/collaboration-health/rounds/:roundId/answers': () =>
    put(`/api/collaboration-health/rounds/${freshRound()}/answers`, roundAnswers()),
  'GET /api/collaboration-health/overview': () => get('/api/collaboration-health/overview?districtId=d1'),
  'GET /api/collaboration-health/export.csv': () => get('/api/collaboration-health/export.csv?districtId=d1'),
  'GET /api/hsds': () => get('/api/hsds?district_id=d1'),
  'GET /api/hsds/services': () => get('/api/hsds/services?district_id=d1'),
  'GET /api/hsds/services/:id': () => get(`/api/hsds/services/${mapService.id}?district_id=d1`),
  'GET /api/hsds/organizations': () => get('/api/hsds/organizations?district_id=d1'),
  'GET /api/hsds/organizations/:id': () =>
    get(`/api/hsds/organizations/${organisationUuid(String(mapService.body.organisationId))}?district_id=d1`),
  'GET /api/hsds/taxonomies': () => get('/api/hsds/taxonomies'),
  'GET /api/fhir/CodeSystem/:id': () => get('/api/fhir/CodeSystem/life-domain'),
  'GET /api/fhir/ValueSet/:id': () => get('/api/fhir/ValueSet/recovery-phase'),
  'GET /api/fhir/StructureDefinition/:id': () => get('/api/fhir/StructureDefinition/perspective'),
  'GET /api/hsds/taxonomies/:id': () => get(`/api/hsds/taxonomies/${peerRunTerm().taxonomy_id}`),
  'GET /api/hsds/taxonomy_terms': () => get('/api/hsds/taxonomy_terms'),
  'GET /api/hsds/taxonomy_terms/:id': () => get(`/api/hsds/taxonomy_terms/${peerRunTerm().id}`),
};

// prettier-ignore
const matrix: [route: string, expected: number[]][] = [
  //                                                                       anon admn coor soc  gp   phar team form cli  oth
  ['POST /api/session (wrong password)',                                  [401, 401, 401, 401, 401, 401, 401, 401, 401, 401]],
  ['GET /api/session',                                                    [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['DELETE /api/session',                                                 [204, 204, 204, 204, 204, 204, 204, 204, 204, 204]],
  ['POST /api/session/password (wrong current password)',                 [401, 400, 400, 400, 400, 400, 400, 400, 400, 400]],
  ['PUT /api/session/language',                                           [401, 204, 204, 204, 204, 204, 204, 204, 204, 204]],
  ['POST /api/session/code (an unknown challenge)',                        [410, 410, 410, 410, 410, 410, 410, 410, 410, 410]],
  ['DELETE /api/session/others',                                          [401, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/session/two-factor',                                         [401, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /api/session/two-factor/setup',                                  [401, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /api/session/two-factor (a wrong code)',                         [401, 400, 400, 400, 400, 400, 400, 400, 400, 400]],
  ['POST /api/session/two-factor/recovery-codes (not set up)',            [401, 409, 409, 409, 409, 409, 409, 409, 409, 409]],
  ['POST /api/session/two-factor/disable (wrong password)',               [401, 400, 400, 400, 400, 400, 400, 400, 400, 400]],
  ['GET /api/invitations/:token (a valid link)',                          [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /api/invitations/:token (an unknown link)',                      [410, 410, 410, 410, 410, 410, 410, 410, 410, 410]],
  ['GET /api/cases',                                                      [401, 403, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/cases/:caseId',                                              [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  // [CL4] Coordinators and professionals of a team register clients (all of these are in one team).
  ['GET /api/cases/intake',                                               [401, 403, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['POST /api/cases (a new client)',                                      [401, 403, 201, 201, 201, 201, 201, 201, 403, 403]],
  ['POST /api/cases/access-requests',                                     [401, 403, 202, 202, 202, 202, 202, 202, 403, 403]],
  // [CL5]–[CL7] The coordinator hands over, closes and reopens; the admin only a leaver's case.
  ['PUT /api/cases/:caseId/coordinator',                                  [401, 403, 204, 403, 403, 403, 404, 404, 403, 403]],
  [`PUT /api/cases/:caseId/coordinator${elsewhere}`,                      [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['POST /api/cases/:caseId/close',                                       [401, 403, 204, 403, 403, 403, 404, 404, 403, 403]],
  [`POST /api/cases/:caseId/close${elsewhere}`,                           [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['POST /api/cases/:caseId/reopen (a closed case)',                      [401, 403, 204, 403, 403, 403, 404, 404, 403, 403]],
  [`POST /api/cases/:caseId/reopen (a closed case)${elsewhere}`,          [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  // [CL9] Members see the BSN when they ask; only the coordinator corrects the client's details.
  ['GET /api/cases/:caseId/client/bsn',                                   [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/client/bsn${elsewhere}`,                       [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['PUT /api/cases/:caseId/client',                                       [401, 403, 204, 403, 403, 403, 404, 404, 403, 403]],
  [`PUT /api/cases/:caseId/client${elsewhere}`,                           [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['PUT /api/cases/:caseId/members/:professionalId',                      [401, 403, 204, 403, 403, 403, 404, 404, 403, 403]],
  ['DELETE /api/cases/:caseId/members/:professionalId',                   [401, 403, 204, 403, 403, 403, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/consents',                                     [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/consents/stream',                              [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  // [A7] The medical notes, to someone of the social side: only the medical side records it (the
  // social coordinator and social worker are of the receiving side); withdrawing, the coordinator too.
  ['POST /api/cases/:caseId/consents',                                    [401, 403, 403, 403, 201, 403, 404, 404, 403, 403]],
  ['POST /api/cases/:caseId/consents/:consentId/withdraw',                [401, 403, 204, 403, 204, 403, 404, 404, 403, 403]],
  // The client of this case has an account: an invitation never touches it (issue 11).
  ['POST /api/cases/:caseId/invitation',                                  [401, 403, 409, 403, 403, 403, 404, 404, 403, 403]],
  ['POST /api/cases/:caseId/observations',                                [401, 403, 201, 201, 201, 403, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/actions',                                      [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/actions${elsewhere}`,                          [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/actions/stream',                               [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/actions/stream${elsewhere}`,                   [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['POST /api/cases/:caseId/client-questions/:questionId/discussed',      [401, 403, 204, 204, 204, 403, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/history',                                      [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/history${elsewhere}`,                          [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/history/stream',                               [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/history/stream${elsewhere}`,                   [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/versions',                                     [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/versions${elsewhere}`,                         [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/versions/:versionId',                          [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/versions/:versionId${elsewhere}`,              [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  // [RT11] The client's copy: the coordinator only, on the client's behalf; the client through /api/my/file.
  ['GET /api/cases/:caseId/decision-trees/:treeId/advice',               [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/decision-trees/:treeId/advice${elsewhere}`,   [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['POST /api/cases/:caseId/letter',                                     [401, 403, 200, 200, 200, 403, 404, 404, 403, 403]],
  [`POST /api/cases/:caseId/letter${elsewhere}`,                         [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/referrals',                                   [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/referrals${elsewhere}`,                       [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/referral-options',                            [401, 403, 200, 200, 200, 403, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/referral-options${elsewhere}`,                [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['POST /api/cases/:caseId/referrals',                                  [401, 403, 201, 201, 201, 403, 404, 404, 403, 403]],
  [`POST /api/cases/:caseId/referrals${elsewhere}`,                      [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/help',                                        [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/help${elsewhere}`,                            [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/client-file',                                  [401, 403, 200, 403, 403, 403, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/client-file${elsewhere}`,                      [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['GET /api/cases/:caseId/client-file.json',                             [401, 403, 200, 403, 403, 403, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/client-file.json${elsewhere}`,                 [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  // [FH1] The case as FHIR: everyone on the case; the client through /api/my/fhir.
  ['GET /api/cases/:caseId/fhir',                                         [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/fhir${elsewhere}`,                             [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  // [FH6] Reading a plan into the board: the coordinator only, and only into an empty board.
  ['PUT /api/cases/:caseId/fhir',                                         [401, 403, 409, 403, 403, 403, 404, 404, 403, 403]],
  [`PUT /api/cases/:caseId/fhir${elsewhere}`,                             [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId${elsewhere}`,                                  [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  [`PUT /api/cases/:caseId/members/:professionalId${elsewhere}`,          [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  [`DELETE /api/cases/:caseId/members/:professionalId${elsewhere}`,       [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/consents${elsewhere}`,                         [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  [`GET /api/cases/:caseId/consents/stream${elsewhere}`,                  [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  [`POST /api/cases/:caseId/consents${elsewhere}`,                        [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  [`POST /api/cases/:caseId/consents/:consentId/withdraw${elsewhere}`,    [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  [`POST /api/cases/:caseId/invitation${elsewhere}`,                      [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  [`POST /api/cases/:caseId/observations${elsewhere}`,                    [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  [`POST /api/cases/:caseId/client-questions/:questionId/discussed${elsewhere}`, [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['GET /api/professionals',                                              [401, 200, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/my/plan',                                                    [401, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['GET /api/my/plan/events',                                             [401, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['PUT /api/my/goals/:goalId/words (a goal of this case)',               [401, 403, 403, 403, 403, 403, 403, 403, 204, 404]],
  ['GET /api/my/access-log',                                              [401, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['GET /api/my/file',                                                    [401, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['GET /api/my/file.json',                                               [401, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['GET /api/my/fhir',                                                    [401, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  // [RT4] Retention is the admin's: the list, a check now, the confirmation (an open case is never due).
  ['GET /api/retention',                                                  [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/retention/check',                                           [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/retention/:caseId/erase (an open case: never due)',         [401, 409, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/my/questions',                                              [401, 403, 403, 403, 403, 403, 403, 403, 201, 201]],
  ['DELETE /api/my/questions/:questionId (an open question of this case)', [401, 403, 403, 403, 403, 403, 403, 403, 204, 404]],
  ['PUT /api/my/ratings/:domain',                                         [401, 403, 403, 403, 403, 403, 403, 403, 204, 204]],
  ['GET /api/my/consents',                                                [401, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['GET /api/my/consents/stream',                                         [401, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['POST /api/my/consents',                                               [401, 403, 403, 403, 403, 403, 403, 403, 201, 201]],
  ['POST /api/my/consents/:consentId/withdraw (a consent of this case)',  [401, 403, 403, 403, 403, 403, 403, 403, 204, 404]],
  ['GET /api/meetings',                                                   [401, 403, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/meetings/neighbourhoods',                                    [401, 403, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['POST /api/meetings',                                                  [401, 403, 201, 201, 201, 201, 201, 201, 403, 403]],
  ['GET /api/meetings/:meetingId',                                        [401, 403, 200, 200, 200, 200, 200, 404, 403, 403]],
  ['PUT /api/meetings/:meetingId (a fresh meeting)',                      [401, 403, 200, 403, 403, 403, 403, 404, 403, 403]],
  ['POST /api/meetings/:meetingId/agenda (a fresh meeting)',              [401, 403, 201, 201, 201, 403, 404, 404, 403, 403]],
  ['DELETE /api/meetings/:meetingId/agenda/:caseId (a fresh meeting)',    [401, 403, 200, 200, 200, 403, 403, 404, 403, 403]],
  ['GET /api/meetings/:meetingId/cases/:caseId/changes',                  [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  ['POST /api/meetings/:meetingId/cases/:caseId/actions/:actionId/step (a fresh action)', [401, 403, 201, 201, 201, 403, 404, 404, 403, 403]],
  ['POST /api/meetings/:meetingId/cases/:caseId/client-questions/:questionId/discussed', [401, 403, 204, 204, 204, 403, 404, 404, 403, 403]],
  ['POST /api/meetings/:meetingId/close (a fresh meeting)',               [401, 403, 200, 403, 403, 403, 403, 404, 403, 403]],
  ['GET /api/meetings/:meetingId/minutes',                                [401, 403, 200, 200, 200, 200, 200, 404, 403, 403]],
  ['GET /api/meetings/:meetingId/minutes.md',                             [401, 403, 200, 200, 200, 200, 200, 404, 403, 403]],
  ['GET /api/meetings/:meetingId/attention',                              [401, 403, 200, 200, 200, 200, 200, 404, 403, 403]],
  ['GET /api/actions/mine',                                               [401, 403, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/actions/mine/stream',                                        [401, 403, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['PUT /api/actions/:meetingId/:caseId/:actionId (the GP owns it)',      [401, 403, 200, 200, 200, 404, 404, 404, 403, 403]],
  // [DT1]–[DT3] Decision trees: every professional reads and walks them, the admin keeps them.
  ['GET /api/decision-trees',                                            [401, 200, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/decision-trees/:treeId',                                    [401, 200, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/decision-trees/:treeId/versions',                           [401, 200, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['POST /api/decision-trees',                                           [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/decision-trees/:treeId',                                    [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/decision-trees/:treeId/archived',                           [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  // [LT1]–[LT3] Standard letters: every professional reads them, the admin keeps them.
  ['GET /api/letter-templates',                                          [401, 200, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['POST /api/letter-templates',                                         [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/letter-templates/:templateId',                              [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/letter-templates/:templateId/archived',                     [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  // [RF1]–[RF6] Referrals: its two people, the coordinator and the case's members see one; the
  // referrer (or coordinator) calls it off; the coordinator or a referrer who writes adds the receiver.
  ['GET /api/referrals',                                                  [401, 403, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/referrals/stream',                                           [401, 403, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/referrals/:referralId',                                      [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  [`GET /api/referrals/:referralId${elsewhere}`,                          [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['POST /api/referrals/:referralId/status (the referrer calls a fresh one off)', [401, 403, 200, 403, 200, 403, 404, 404, 403, 403]],
  ['POST /api/referrals/:referralId/member (an accepted one)',            [401, 403, 204, 403, 204, 403, 404, 404, 403, 403]],
  // [SM1]–[SM5] Every professional reads the social map; only the admin keeps it; a contact
  // person's one-time link works signed out (and for anyone who holds it).
  ['GET /api/social-map/options',                                        [401, 200, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/social-map/services',                                       [401, 200, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/social-map/services/by-id',                                 [401, 200, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/social-map/services/:serviceId',                            [401, 200, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['POST /api/social-map/services',                                      [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/social-map/services/:serviceId',                            [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/social-map/services/:serviceId/confirmed',                 [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/social-map/services/:serviceId/link',                      [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['GET /api/social-map/confirm/:token (a valid link)',                  [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /api/social-map/confirm/:token (a valid link)',                 [204, 204, 204, 204, 204, 204, 204, 204, 204, 204]],
  ['GET /api/social-map/export.hsds.json',                                [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/social-map/import (the map as exported)',                   [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  // [GL4] Every professional reads the district's shared terms; only the admin keeps them.
  ['GET /api/glossary',                                                   [401, 200, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['POST /api/glossary',                                                  [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/glossary/:termId',                                           [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['DELETE /api/glossary/:termId',                                        [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  // [CH1] [CH2] [CH8] Rounds are the admin's; answers are one's own round's; figures for admin, coordinators, own district.
  ['GET /api/collaboration-health/rounds',                                [401, 200, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['POST /api/collaboration-health/rounds',                               [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/collaboration-health/rounds/:roundId/close',                [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['GET /api/collaboration-health/rounds/:roundId/answers',               [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['PUT /api/collaboration-health/rounds/:roundId/answers',               [401, 403, 404, 404, 404, 404, 404, 404, 403, 403]],
  ['GET /api/collaboration-health/overview',                              [401, 200, 200, 403, 403, 403, 403, 403, 403, 403]],
  ['GET /api/collaboration-health/export.csv',                            [401, 200, 200, 403, 403, 403, 403, 403, 403, 403]],
  // The public Open Referral API: the map's published information, for anyone, signed in or not.
  ['GET /api/hsds',                                                       [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/hsds/services',                                              [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/hsds/services/:id',                                          [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/hsds/organizations',                                         [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/hsds/organizations/:id',                                     [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/hsds/taxonomies',                                            [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/hsds/taxonomies/:id',                                        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  // [FH3] Our FHIR code systems and value sets: published, for anyone.
  ['GET /api/fhir/CodeSystem/:id',                                        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/fhir/ValueSet/:id',                                          [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/fhir/StructureDefinition/:id',                               [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/hsds/taxonomy_terms',                                        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/hsds/taxonomy_terms/:id',                                    [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/admin/places',                                                [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/admin/districts',                                            [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/admin/districts/:districtId',                                 [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/admin/districts/:districtId/archived',                        [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/admin/neighbourhoods',                                       [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/admin/neighbourhoods/:neighbourhoodId',                       [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/admin/neighbourhoods/:neighbourhoodId/archived',              [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/admin/teams/:teamId',                                         [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/admin/teams/:teamId/archived',                                [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/admin/organisations',                                        [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/admin/organisations/:organisationId',                         [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/admin/organisations/:organisationId/archived',                [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['GET /api/admin/professionals',                                         [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['PUT /api/admin/professionals/:professionalId',                         [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/admin/professionals/:professionalId/disable',                [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/admin/professionals/:professionalId/enable',                 [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/admin/professionals/:professionalId/password-reset',         [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['GET /api/admin/orphaned-cases',                                        [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['GET /api/admin/teams',                                                [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/admin/teams',                                               [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['GET /api/admin/users',                                                [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/admin/professionals',                                       [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['GET /api/admin/access-log',                                           [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['GET /api/admin/access-log/cases',                                     [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['GET /api/admin/access-log/people',                                    [401, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/admin/users/:userId/recovery (a client)',                   [401, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/admin/users/:userId/disable (a client)',                    [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['POST /api/admin/users/:userId/enable (a disabled client)',            [401, 204, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['GET /api/caseload',                                                   [401, 403, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/caseload/events',                                            [401, 403, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['GET /api/caseload/rows/:caseId',                                      [401, 403, 200, 200, 200, 200, 404, 404, 403, 403]],
  ['GET /api/notifications',                                              [401, 403, 200, 200, 200, 200, 200, 200, 403, 403]],
  ['POST /api/notifications/read',                                        [401, 403, 204, 204, 204, 204, 204, 204, 403, 403]],
  ['GET /api/notifications/events',                                       [401, 403, 200, 200, 200, 200, 200, 200, 403, 403]],
];

describe('REST: every route answers every kind of person as the rules say', () => {
  it('has a row for every route in server/routes/** (and a request for every row)', () => {
    const covered = new Set(matrix.map(([route]) => route.replace(/ \(.*\)$/, '')));
    expect(declaredRoutes()).toEqual([...covered].sort());
    expect(Object.keys(requests).sort()).toEqual(matrix.map(([route]) => route).sort());
  });

  for (const [route, expected] of matrix) {
    describe(route, () => {
      actors.forEach((actor, column) => {
        it(`${actor} → ${expected[column]}`, async () => {
          const { method, path, body, after } = await requests[route]!();
          const answer = await api(server, person(actor)?.userId ?? null, method, path, body);
          await after?.();
          expect(answer.status, JSON.stringify(answer.body)).toBe(expected[column]);
        });
      });
    });
  }

  it('the case list shows a person only the cases they are on', async () => {
    const ids = async (who: Person) =>
      ((await api(server, who.userId, 'GET', '/api/cases')).body as { cases: { id: string }[] }).cases.map(
        (c) => c.id,
      );
    expect(await ids(t.coordinator)).toEqual([t.caseId]);
    expect(await ids(t.pharmacist)).toEqual([t.caseId]);
    expect(await ids(t.teamMate)).toEqual([]);
    expect(await ids(t.formerMember)).toEqual([]);
    expect(await ids(t.otherCoordinator)).toEqual([t.otherCaseId]);
  });

  it("the other case's client gets their own plan, never this case's", async () => {
    const plan = (await api(server, t.otherClient.userId, 'GET', '/api/my/plan')).body as {
      plan: { goals: unknown[] };
    };
    expect(plan.plan.goals).toEqual([]);
  });
});

/**
 * The history of a case names who changed which item of which document (SPEC H3). Asked as each
 * person who might try to learn more than they may: filters never widen what is visible, and a
 * compartment's or another case's changes stay out of sight.
 */
describe('[H3] history: nobody reads changes they could not open', () => {
  const notes = { medical: '', social: '' };
  /** A social worker who changed nothing but the social notes. */
  let quiet: Person;
  beforeAll(async () => {
    const added = addProfessional(server, { domain: 'social', name: 'Stille collega' });
    addMember(server.db, t.caseId, added.professionalId);
    quiet = added;
    const write = (part: 'medical' | 'social', who: Person) =>
      server.sync.registry.use(
        caseDocumentName(t.caseId, part),
        (doc) => addNote(doc, who.professionalId!, 'notitie'),
        { userId: who.userId, role: 'professional' },
      );
    notes.medical = await write('medical', t.gp);
    notes.social = await write('social', quiet);
  });
  const noteIds = async (who: Person, query = 'kind=note') => {
    const answer = await api(server, who.userId, 'GET', `/api/cases/${t.caseId}/history?${query}`);
    expect(answer.status).toBe(200);
    return (answer.body as { entries: { itemId: string }[] }).entries.map((e) => e.itemId).sort();
  };

  it('each side sees the changes of its own compartment only', async () => {
    expect(await noteIds(t.gp)).toEqual([notes.medical]);
    expect(await noteIds(t.socialWorker)).toEqual([notes.social]);
    expect(await noteIds(t.coordinator)).toEqual([notes.social]); // social domain
  });

  it('a read-only member of the other domain cannot ask for the compartment by the note’s id', async () => {
    expect(await noteIds(t.pharmacist, `kind=note&itemId=${notes.social}`)).toEqual([]);
    expect(await noteIds(t.pharmacist, `userId=${quiet.userId}`)).toEqual([]);
  });

  it('the people filter does not name who changed a compartment one may not open', async () => {
    const answer = await api(server, t.pharmacist.userId, 'GET', `/api/cases/${t.caseId}/history?kind=note`);
    const people = (answer.body as { people: { id: string }[] }).people.map((p) => p.id);
    expect(people).not.toContain(quiet.userId);
    const all = await api(server, t.coordinator.userId, 'GET', `/api/cases/${t.caseId}/history?kind=note`);
    expect((all.body as { people: { id: string }[] }).people.map((p) => p.id)).toContain(quiet.userId);
  });

  it("someone else's case answers 404 whatever the filter; a client and an admin get 403", async () => {
    const query = `?kind=note&itemId=${notes.medical}`;
    for (const who of [t.otherCoordinator, t.teamMate, t.formerMember]) {
      expect((await api(server, who.userId, 'GET', `/api/cases/${t.caseId}/history${query}`)).status).toBe(
        404,
      );
    }
    for (const who of [t.client, t.admin]) {
      expect((await api(server, who.userId, 'GET', `/api/cases/${t.caseId}/history${query}`)).status).toBe(
        403,
      );
    }
  });
});

/** A socket outcome: open for writing (W), open read-only (R), or closed with a code of SPEC C1. */
type Outcome =
  'write' | 'read' | typeof closeCodes.notSignedIn | typeof closeCodes.forbidden | typeof closeCodes.notFound;
const W = 'write';
const R = 'read';

const documentNames: Record<string, () => string> = {
  'case:<id>:shared': () => caseDocumentName(t.caseId, 'shared'),
  'case:<id>:medical': () => caseDocumentName(t.caseId, 'medical'),
  'case:<id>:social': () => caseDocumentName(t.caseId, 'social'),
  "case:<someone else's>:shared": () => caseDocumentName(t.otherCaseId, 'shared'),
  "case:<someone else's>:medical": () => caseDocumentName(t.otherCaseId, 'medical'),
  "case:<someone else's>:social": () => caseDocumentName(t.otherCaseId, 'social'),
  'case:<unknown>:shared': () => caseDocumentName('nobody', 'shared'),
  'meeting:<planned>': () => meetingDocumentName(meetings.planned),
  'meeting:<planned>:case:<id>': () => meetingCaseDocumentName(meetings.planned, t.caseId),
  'meeting:<planned>:case:<not on the agenda>': () =>
    meetingCaseDocumentName(meetings.planned, t.otherCaseId),
  'meeting:<closed>': () => meetingDocumentName(meetings.closed),
  'meeting:<closed>:case:<id>': () => meetingCaseDocumentName(meetings.closed, t.caseId),
  'meeting:<unknown>': () => meetingDocumentName('nomeeting'),
};

// prettier-ignore
const documents: [document: string, expected: Outcome[]][] = [
  //                                     anon  admn  coor  soc   gp    phar  team  form  cli   oth
  ['case:<id>:shared',                  [4401, 4403, W,    W,    W,    R,    4403, 4403, 4403, 4403]],
  ['case:<id>:medical',                 [4401, 4403, 4403, 4403, W,    R,    4403, 4403, 4403, 4403]],
  ['case:<id>:social',                  [4401, 4403, W,    W,    4403, 4403, 4403, 4403, 4403, 4403]],
  ["case:<someone else's>:shared",      [4401, 4403, 4403, 4403, 4403, 4403, 4403, 4403, 4403, 4403]],
  ["case:<someone else's>:medical",     [4401, 4403, 4403, 4403, 4403, 4403, 4403, 4403, 4403, 4403]],
  ["case:<someone else's>:social",      [4401, 4403, 4403, 4403, 4403, 4403, 4403, 4403, 4403, 4403]],
  ['case:<unknown>:shared',             [4401, 4403, 4403, 4403, 4403, 4403, 4403, 4403, 4403, 4403]],
  ['meeting:<planned>',                 [4401, 4403, W,    W,    W,    W,    W,    4403, 4403, 4403]],
  ['meeting:<planned>:case:<id>',       [4401, 4403, W,    W,    W,    R,    4403, 4403, 4403, 4403]],
  ['meeting:<planned>:case:<not on the agenda>', [4401, 4403, 4403, 4403, 4403, 4403, 4403, 4403, 4403, 4403]],
  ['meeting:<closed>',                  [4401, 4403, R,    R,    R,    R,    R,    4403, 4403, 4403]],
  ['meeting:<closed>:case:<id>',        [4401, 4403, R,    R,    R,    R,    4403, 4403, 4403, 4403]],
  ['meeting:<unknown>',                 [4401, 4403, 4403, 4403, 4403, 4403, 4403, 4403, 4403, 4403]],
];

/** An edit of the document kind, unique to this attempt, and whether the server's copy has it. */
function probeEdit(name: DocumentName) {
  const doc = new Y.Doc();
  const marker = `probe-${unique()}`;
  if (name.kind === 'meeting') {
    const line = new Y.Map<unknown>();
    line.set('question', new Y.Text(marker));
    line.set('slotMinutes', 5);
    line.set('order', 'a0');
    doc.getMap('agenda').set(marker, line);
    return {
      update: Y.encodeStateAsUpdate(doc),
      landed: (server: Y.Doc) => server.getMap('agenda').has(marker),
    };
  }
  if (name.kind === 'meeting-case') {
    addDecision(doc, marker);
    const landed = (server: Y.Doc) => readMeetingCase(server).decisions.some((d) => d.text === marker);
    return { update: Y.encodeStateAsUpdate(doc), landed };
  }
  if (name.part === 'shared')
    createGoal(doc, { id: marker, title: marker, domain: 'work', phase: 'treatment' });
  else addNote(doc, 'someone', marker);
  const landed = (server: Y.Doc) =>
    name.part === 'shared'
      ? readBoard(server).goals.some((g) => g.id === marker)
      : readNotes(server).some((n) => n.text === marker);
  return { update: Y.encodeStateAsUpdate(doc), landed };
}

describe('[A1][A2][A3] sync: every document kind opens, read-only or not, as the rules say', () => {
  it('has a row for every document kind, on this case, someone else’s and an unknown one', () => {
    const kinds = documentParts.map((part) => `case:<id>:${part}`);
    expect(documents.map(([document]) => document).filter((d) => d.startsWith('case:<id>:'))).toEqual(kinds);
    expect(documents.map(([document]) => document).sort()).toEqual(Object.keys(documentNames).sort());
  });

  for (const [document, expected] of documents) {
    describe(document, () => {
      actors.forEach((actor, column) => {
        const outcome = expected[column]!;
        it(`${actor} → ${typeof outcome === 'number' ? `closed with ${outcome}` : outcome}`, async () => {
          const who = person(actor);
          const headers = who ? (await signIn(server, who.userId)).headers : { origin: server.url };
          const name = documentNames[document]!();
          const socket = openRawSocket(server.url, name, '', headers);
          try {
            if (typeof outcome === 'number') {
              expect((await socket.closed).code).toBe(outcome);
              return;
            }
            await eventually(() => expect(socket.received.length).toBeGreaterThan(0)); // greeted: open
            const { update, landed } = probeEdit(parseDocumentName(name)!);
            socket.ws.send(syncMessage.update(update));
            await serverHasRead(socket);
            const stored = () => server.sync.registry.use(name, landed);
            if (outcome === W) await eventually(async () => expect(await stored()).toBe(true));
            else expect(await stored()).toBe(false);
            expect(socket.ws.readyState).toBe(socket.ws.OPEN); // a read-only write is dropped, not punished
          } finally {
            socket.ws.terminate();
          }
        });
      });
    });
  }
});
