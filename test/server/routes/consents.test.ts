import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentsAnswer, MyConsentsAnswer } from '../../../shared/api.js';
import { addMonths, consentToday } from '../../../shared/consent.js';
import { caseDocumentName, closeCodes } from '../../../shared/protocol.js';
import { addMember, addProfessional, signIn } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { eventually } from '../../utils/eventually.js';
import { openEventStream } from '../../utils/eventStream.js';
import type { OpenStream } from '../../utils/eventStream.js';
import { api, errorOf } from '../../utils/http.js';
import { openRawSocket } from '../../utils/rawSocket.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Consent belongs to the client (SPEC A7), tried as each person who would like a compartment
 * they do not have: over HTTP, then over a real socket to see whether the compartment opened.
 */
let server: TestServer;
let t: CaseTeam;
/** A second social member of the case: someone of the side that would receive, not the recipient. */
let colleague: Person;
beforeAll(async () => {
  server = await startTestServer({ accessRecheckMs: 200 });
  t = await caseTeam(server);
  colleague = addProfessional(server, { domain: 'social', name: 'Collega' });
  addMember(server.db, t.caseId, colleague.professionalId!);
});
afterAll(async () => {
  await server?.close();
});
const streams: OpenStream[] = [];
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
  // Every test starts without consent: what one recorded never opens the next one's compartment.
  server.db
    .prepare("UPDATE consents SET withdrawn_at = '2000-01-01T00:00:00.000Z' WHERE withdrawn_at IS NULL")
    .run();
});

const today = consentToday();
const casePath = () => `/api/cases/${t.caseId}/consents`;
const onBehalf = (body: object) => ({ how: 'spoken', givenOn: today, ...body });
const medicalFor = (who: Person) => ({
  compartment: 'medical',
  sharedWithProfessionalId: who.professionalId,
});
const medicalForSocialSide = { compartment: 'medical', sharedWithDomain: 'social' };

/** Opens the medical compartment as `who` over a real socket: 'open', or the close code. */
async function medicalSocket(who: Person): Promise<'open' | number> {
  const socket = openRawSocket(
    server.url,
    caseDocumentName(t.caseId, 'medical'),
    '',
    (await signIn(server, who.userId)).headers,
  );
  try {
    return await Promise.race([
      socket.closed.then((c) => c.code),
      eventually(() => {
        if (socket.received.length === 0) throw new Error('not greeted');
        return 'open' as const;
      }),
    ]);
  } finally {
    socket.ws.terminate();
  }
}
const consentsAs = async (who: Person) =>
  ((await api(server, who.userId, 'GET', casePath())).body as ConsentsAnswer).consents;

describe('[A7] nobody grants a compartment to themselves', () => {
  const attacks: [
    who: () => Person,
    attack: string,
    path: () => string,
    body: () => object,
    status: number,
  ][] = [
    [
      () => t.socialWorker,
      'the recipient shares the medical notes with herself (issue 11)',
      casePath,
      () => onBehalf(medicalFor(t.socialWorker)),
      403,
    ],
    [
      () => t.socialWorker,
      'the recipient shares them with her whole side',
      casePath,
      () => onBehalf(medicalForSocialSide),
      403,
    ],
    [
      () => colleague,
      'a member of the receiving side shares them with the recipient',
      casePath,
      () => onBehalf(medicalFor(t.socialWorker)),
      403,
    ],
    [
      () => t.coordinator,
      'the (social) coordinator shares them with her own side',
      casePath,
      () => onBehalf(medicalForSocialSide),
      403,
    ],
    [
      () => t.pharmacist,
      'a read-only member of the holding side records one',
      casePath,
      () => onBehalf(medicalFor(t.socialWorker)),
      403,
    ],
    [
      () => t.formerMember,
      'a former member records one',
      casePath,
      () => onBehalf(medicalFor(t.formerMember)),
      404,
    ],
    [
      () => t.teamMate,
      'a team mate not on the case records one',
      casePath,
      () => onBehalf(medicalFor(t.teamMate)),
      404,
    ],
    [
      () => t.client,
      "the client posts to the team's route",
      casePath,
      () => onBehalf(medicalFor(t.socialWorker)),
      403,
    ],
    [() => t.admin, 'the admin records one', casePath, () => onBehalf(medicalFor(t.socialWorker)), 403],
    [
      () => t.otherClient,
      "another case's client names someone of this case",
      () => '/api/my/consents',
      () => medicalFor(t.socialWorker),
      400,
    ],
    [
      () => t.socialWorker,
      'a professional posts as if she were the client',
      () => '/api/my/consents',
      () => medicalFor(t.socialWorker),
      403,
    ],
  ];
  for (const [who, attack, path, body, status] of attacks) {
    it(`${attack}: ${status}, and the compartment stays closed`, async () => {
      const answer = await api(server, who().userId, 'POST', path(), body());
      expect(answer.status, errorOf(answer)).toBe(status);
      expect((await consentsAs(t.gp)).filter((c) => c.state === 'in-force')).toEqual([]);
      expect(await medicalSocket(t.socialWorker)).toBe(closeCodes.forbidden);
      expect(await medicalSocket(colleague)).toBe(closeCodes.forbidden);
    });
  }

  it('a refused attempt is in the access log, with who tried', async () => {
    await api(server, t.socialWorker.userId, 'POST', casePath(), onBehalf(medicalFor(t.socialWorker)));
    const refused = (await server.services.audit.search({ caseId: t.caseId })).find(
      (e) => e.event === 'api-refused' && e.userId === t.socialWorker.userId,
    );
    expect(refused?.details).toMatchObject({ resource: 'consent', compartment: 'medical' });
  });

  it('on the code as it was, the consent was "given by the client" in a free-text field: now the way and day are asked', async () => {
    const answer = await api(server, t.gp.userId, 'POST', casePath(), {
      ...medicalFor(t.socialWorker),
      givenBy: 'cliënt',
    });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatch(/^how: /);
    const inApp = await api(
      server,
      t.gp.userId,
      'POST',
      casePath(),
      onBehalf({ ...medicalForSocialSide, how: 'app' }),
    );
    expect(errorOf(inApp)).toMatch(/^how: /); // "in the app" is only ever the client's own
  });
});

describe('[A7] the consent the client gives opens the compartment, and only for whom it names', () => {
  it('the medical side records it on the client’s behalf, with how, when and until when', async () => {
    const until = addMonths(today, 3);
    const answer = await api(server, t.gp.userId, 'POST', casePath(), {
      ...onBehalf(medicalFor(t.socialWorker)),
      how: 'written',
      validUntil: until,
    });
    expect(answer.status, errorOf(answer)).toBe(201);
    expect(await medicalSocket(t.socialWorker)).toBe('open');
    expect(await medicalSocket(colleague)).toBe(closeCodes.forbidden);
    const [consent] = await consentsAs(t.socialWorker);
    expect(consent).toMatchObject({
      how: 'written',
      givenOn: today,
      validUntil: until,
      recordedByClient: false,
      state: 'in-force',
      sharedWithProfessionalId: t.socialWorker.professionalId,
    });
  });

  it('without an end date it lasts CONSENT_DEFAULT_MONTHS; past CONSENT_MAX_MONTHS it is refused', async () => {
    const { defaultMonths, maxMonths } = server.config.consent;
    const recorded = await api(
      server,
      t.coordinator.userId,
      'POST',
      casePath(),
      onBehalf({ compartment: 'social', sharedWithDomain: 'medical' }),
    );
    expect(recorded.status, errorOf(recorded)).toBe(201);
    expect((await consentsAs(t.gp))[0]!.validUntil).toBe(addMonths(today, defaultMonths));
    const tooLong = await api(server, t.coordinator.userId, 'POST', casePath(), {
      ...onBehalf({ compartment: 'social', sharedWithDomain: 'medical' }),
      validUntil: addMonths(today, maxMonths + 1),
    });
    expect(tooLong.status).toBe(400);
    expect(errorOf(tooLong)).toMatch(/^validUntil: /);
    const future = await api(
      server,
      t.coordinator.userId,
      'POST',
      casePath(),
      onBehalf({ compartment: 'social', sharedWithDomain: 'medical', givenOn: addMonths(today, 1) }),
    );
    expect(errorOf(future)).toMatch(/^givenOn: /);
  });

  it('the client gives it in their plan: in the app, today, recorded as the client', async () => {
    const answer = await api(server, t.client.userId, 'POST', '/api/my/consents', medicalForSocialSide);
    expect(answer.status, errorOf(answer)).toBe(201);
    expect(await medicalSocket(t.socialWorker)).toBe('open');
    expect(await medicalSocket(colleague)).toBe('open');
    const mine = (await api(server, t.client.userId, 'GET', '/api/my/consents')).body as MyConsentsAnswer;
    expect(mine.consents[0]).toMatchObject({
      how: 'app',
      givenOn: today,
      recordedByClient: true,
      state: 'in-force',
    });
    expect(mine.people.map((p) => p.id)).toContain(t.socialWorker.professionalId);
    expect(mine.limits).toEqual(server.config.consent);
  });
});

describe('[A7][A4] withdrawing: the client, the coordinator or the holding side; an ended consent grants nothing', () => {
  const give = async () => {
    const answer = await api(server, t.gp.userId, 'POST', casePath(), onBehalf(medicalFor(t.socialWorker)));
    expect(answer.status).toBe(201);
    return (answer.body as { id: string }).id;
  };
  const withdrawAs = (who: Person, id: string, mine = false) =>
    api(
      server,
      who.userId,
      'POST',
      mine ? `/api/my/consents/${id}/withdraw` : `${casePath()}/${id}/withdraw`,
    );

  it('the recipient, her side, a read-only member, another client and the admin cannot withdraw it; the client can', async () => {
    const id = await give();
    for (const who of [t.socialWorker, colleague, t.pharmacist])
      expect((await withdrawAs(who, id)).status).toBe(403);
    expect((await withdrawAs(t.formerMember, id)).status).toBe(404);
    expect((await withdrawAs(t.admin, id)).status).toBe(403);
    expect((await withdrawAs(t.otherClient, id, true)).status).toBe(404); // not a consent of their file
    expect(await medicalSocket(t.socialWorker)).toBe('open');
    expect((await withdrawAs(t.client, id, true)).status).toBe(204);
    expect(await medicalSocket(t.socialWorker)).toBe(closeCodes.forbidden);
    const [consent] = await consentsAs(t.gp);
    expect(consent).toMatchObject({ state: 'withdrawn', withdrawnRecordedBy: 'cliënt' });
  });

  it('the coordinator and the holding side withdraw it on the client’s behalf', async () => {
    expect((await withdrawAs(t.coordinator, await give())).status).toBe(204);
    expect((await withdrawAs(t.gp, await give())).status).toBe(204);
    expect(await medicalSocket(t.socialWorker)).toBe(closeCodes.forbidden);
  });

  it('a consent past its last day closes the open compartment and never shows as valid', async () => {
    const id = await give();
    const socket = openRawSocket(
      server.url,
      caseDocumentName(t.caseId, 'medical'),
      '',
      (await signIn(server, t.socialWorker.userId)).headers,
    );
    await eventually(() => expect(socket.received.length).toBeGreaterThan(0));
    const stream = await openEventStream(server, t.socialWorker.userId, `${casePath()}/stream`);
    streams.push(stream);
    // A day passes: as time would, without any request (the periodic re-check notices it).
    server.db.prepare('UPDATE consents SET valid_until = ? WHERE id = ?').run(addMonths(today, -1), id);
    expect((await socket.closed).code).toBe(closeCodes.forbidden);
    await eventually(() => expect(stream.count('changed')).toBe(1));
    expect((await consentsAs(t.gp))[0]!.state).toBe('expired');
    expect((await api(server, t.gp.userId, 'GET', `/api/cases/${t.caseId}`)).body).toMatchObject({
      case: { myAccess: { compartments: ['medical'] } },
    });
    const social = (await api(server, t.socialWorker.userId, 'GET', `/api/cases/${t.caseId}`)).body;
    expect(social).toMatchObject({ case: { myAccess: { compartments: ['social'] } } });
  });
});

describe('[A7] the consent list is live on every open page', () => {
  it('the board of each member and the client’s plan hear of a consent given and withdrawn', async () => {
    const board = await openEventStream(server, t.socialWorker.userId, `${casePath()}/stream`);
    const reader = await openEventStream(server, t.pharmacist.userId, `${casePath()}/stream`);
    const plan = await openEventStream(server, t.client.userId, '/api/my/consents/stream');
    const elsewhere = await openEventStream(server, t.otherClient.userId, '/api/my/consents/stream');
    streams.push(board, reader, plan, elsewhere);
    const given = await api(server, t.client.userId, 'POST', '/api/my/consents', medicalForSocialSide);
    await eventually(() => {
      for (const s of [board, reader, plan]) expect(s.count('changed')).toBe(1);
    });
    const id = (given.body as { id: string }).id;
    expect((await api(server, t.coordinator.userId, 'POST', `${casePath()}/${id}/withdraw`)).status).toBe(
      204,
    );
    await eventually(() => {
      for (const s of [board, reader, plan]) expect(s.count('changed')).toBe(2);
    });
    expect(elsewhere.count('changed')).toBe(0);
  });

  it('someone taken off the case hears nothing more: the stream ends', async () => {
    const board = await openEventStream(server, colleague.userId, `${casePath()}/stream`);
    streams.push(board);
    await server.services.caseAdmin.removeMember(t.caseId, colleague.professionalId!);
    try {
      await api(server, t.client.userId, 'POST', '/api/my/consents', medicalForSocialSide);
      await board.ended;
      expect(board.count('changed')).toBe(0);
    } finally {
      addMember(server.db, t.caseId, colleague.professionalId!);
    }
  });

  it('the stream of someone else’s case or an unknown one is the same 404', async () => {
    for (const caseId of [t.otherCaseId, 'nobody']) {
      const answer = await api(server, t.socialWorker.userId, 'GET', `/api/cases/${caseId}/consents/stream`);
      expect(answer.status).toBe(404);
      expect(errorOf(answer)).toBe(`caseId: no case ${caseId} that you may open`);
    }
  });
});
