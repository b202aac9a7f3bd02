import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IntakeRequest } from '../../../shared/intakeApi.js';
import type { RetentionAnswer } from '../../../shared/rightsApi.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { api } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';
import { closeCase, markers, startRetentionFixture } from '../retention/fixture.js';
import type { RetentionFixture } from '../retention/fixture.js';

/**
 * Issue 12's routes attacked from outside: intake, the case's life, retention and the client's
 * copy, each asked "who could grant this to themselves", through the real server.
 */

const bsn = '111222333';
const correctedBsn = '123456782';

describe('intake', () => {
  let server: TestServer;
  let t: CaseTeam;
  const log: string[] = [];
  beforeEach(async () => {
    log.length = 0;
    server = await startTestServer({
      logLevel: 'debug',
      logDestination: { write: (line: string) => void log.push(line) },
    });
    t = await caseTeam(server);
  });
  afterEach(async () => {
    await server.close();
  });

  const intake = (overrides: Partial<IntakeRequest> = {}): IntakeRequest => ({
    clientName: 'Fatma Yılmaz',
    dateOfBirth: '1961-04-12',
    neighbourhoodId: 'n1',
    address: 'Kerkstraat 1',
    phone: '06 1234 5678',
    preferredLanguage: 'tr',
    readingLevel: 'low',
    recoveryContext: 'stroke',
    perspectives: ['patient'],
    coordinatorId: t.coordinator.professionalId!,
    members: [{ professionalId: t.gp.professionalId!, access: 'write' }],
    ...overrides,
  });
  const register = (who: Person, body: unknown) => api(server, who.userId, 'POST', '/api/cases', body);
  const existing = async () => {
    const answer = await register(t.coordinator, intake({ bsn }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return (answer.body as { id: string }).id;
  };
  const ask = (who: Person) =>
    api(server, who.userId, 'POST', '/api/cases/access-requests', {
      clientName: 'Fatma Yılmaz',
      dateOfBirth: '1961-04-12',
      coordinatorId: t.coordinator.professionalId,
      message: 'Mag ik erbij?',
    });
  const accessRequests = () =>
    (
      server.db
        .prepare(`SELECT count(*) AS n FROM notifications WHERE kind = 'access-request' AND user_id = ?`)
        .get(t.coordinator.userId) as { n: number }
    ).n;
  const logged = (event: string) =>
    (server.db.prepare('SELECT count(*) AS n FROM access_log WHERE event = ?').get(event) as { n: number }).n;

  it('[CL3] attack: a request that could never be stored gets its 400, not the duplicate warning (no free oracle)', async () => {
    await existing();
    // Probing "is Fatma born on this day a client here, and who coordinates her?" without registering anyone.
    const probe = await register(
      t.otherCoordinator,
      intake({ neighbourhoodId: 'nowhere', coordinatorId: t.otherCoordinator.professionalId!, members: [] }),
    );
    expect(probe.status, JSON.stringify(probe.body)).toBe(400);
    expect((probe.body as { error: string }).error).toMatch(/^neighbourhoodId:/);
    expect(JSON.stringify(probe.body)).not.toContain(t.coordinator.professionalId!);
    const badMember = await register(
      t.otherCoordinator,
      intake({
        coordinatorId: t.otherCoordinator.professionalId!,
        members: [{ professionalId: 'nobody', access: 'read' }],
      }),
    );
    expect(badMember.status).toBe(400);
    expect(logged('possible-duplicate')).toBe(0);
  });

  it('[CL3] invisible and full-width characters in a name do not hide a possible duplicate', async () => {
    await existing();
    for (const clientName of [
      'Fat\u200Bma Yılmaz',
      'Fatma\u00A0Yılmaz',
      'Ｆａｔｍａ Yılmaz',
      'Fatma\u2060 Yılmaz\u200D',
    ])
      expect(
        (await register(t.otherCoordinator, intake({ clientName, members: [] }))).status,
        clientName,
      ).toBe(409);
  });

  it('[CL3] attack: asking again and again puts one notice before the coordinator until they read it', async () => {
    await existing();
    for (let i = 0; i < 20; i++) expect((await ask(t.otherCoordinator)).status).toBe(202);
    expect(accessRequests()).toBe(1);
    // Read, a new request is a new notice; another colleague's request is theirs.
    server.db
      .prepare("UPDATE notifications SET read_at = '2026-01-01' WHERE user_id = ?")
      .run(t.coordinator.userId);
    await ask(t.otherCoordinator);
    await ask(t.teamMate);
    expect(accessRequests()).toBe(3);
  });

  it('[CL1][CL5][CL6] attack: fields the server decides (status, ids, closing) are refused in every body', async () => {
    const id = await existing();
    const before = server.db.prepare('SELECT * FROM cases WHERE id = ?').get(id);
    const path = `/api/cases/${id}`;
    for (const [method, suffix, body] of [
      ['POST', '', { ...intake({ clientName: 'Piet Puk', dateOfBirth: '1970-01-01' }), status: 'closed' }],
      ['POST', '', { ...intake({ clientName: 'Piet Puk', dateOfBirth: '1970-01-01' }), id: 'chosen-id' }],
      [
        'POST',
        '',
        { ...intake({ clientName: 'Piet Puk', dateOfBirth: '1970-01-01' }), registeredBy: t.admin.userId },
      ],
      [
        'PUT',
        '/coordinator',
        { coordinatorId: t.gp.professionalId, previousCoordinator: 'write', status: 'closed' },
      ],
      ['POST', '/close', { reason: 'other', note: 'x', closedAt: '2000-01-01T00:00:00Z' }],
      ['POST', '/close', { reason: 'other', note: 'x', coordinatorId: t.gp.professionalId }],
      [
        'PUT',
        '/client',
        { dateOfBirth: null, preferredLanguage: 'nl', readingLevel: 'fluent', clientName: 'X' },
      ],
    ] as const) {
      const answer = await api(
        server,
        t.coordinator.userId,
        method,
        `${method === 'POST' && !suffix ? '/api/cases' : path}${suffix}`,
        body,
      );
      expect(answer.status, `${method} ${suffix} ${JSON.stringify(answer.body)}`).toBe(400);
    }
    expect(server.db.prepare('SELECT * FROM cases WHERE id = ?').get(id)).toEqual(before);
    expect(server.db.prepare("SELECT count(*) AS n FROM cases WHERE client_name = 'Piet Puk'").get()).toEqual(
      { n: 0 },
    );
  });

  it('[CL5] attack: the case never goes to a client, an admin, a leaver or someone without an account', async () => {
    const id = await existing();
    const leaver = t.otherCoordinator;
    server.db.prepare("UPDATE users SET disabled_at = '2026-01-01' WHERE id = ?").run(leaver.userId);
    const noAccount = `p-${Date.now()}`;
    server.db
      .prepare(
        "INSERT INTO professionals (id, name, role_title, domain) VALUES (?, 'Contact', 'POH', 'medical')",
      )
      .run(noAccount);
    for (const coordinatorId of [
      t.client.userId,
      t.admin.userId,
      leaver.professionalId!,
      noAccount,
      'nobody',
    ]) {
      const answer = await api(server, t.coordinator.userId, 'PUT', `/api/cases/${id}/coordinator`, {
        coordinatorId,
        previousCoordinator: 'leave',
      });
      expect(answer.status, coordinatorId).toBe(400);
      expect((answer.body as { error: string }).error).toMatch(/^coordinatorId:/);
    }
    expect(server.db.prepare('SELECT coordinator_id AS c FROM cases WHERE id = ?').get(id)).toEqual({
      c: t.coordinator.professionalId,
    });
  });

  it('[A3] attack: someone not on the case gets the same 404 for a foreign case as for one that does not exist', async () => {
    const id = await existing();
    const routes: [string, string, unknown][] = [
      ['PUT', '/coordinator', { coordinatorId: t.teamMate.professionalId, previousCoordinator: 'leave' }],
      ['POST', '/close', { reason: 'other', note: 'x' }],
      ['POST', '/reopen', { reason: 'x' }],
      ['PUT', '/client', { dateOfBirth: null, preferredLanguage: 'nl', readingLevel: 'fluent' }],
      ['GET', '/client/bsn', undefined],
      ['GET', '/client-file', undefined],
      ['GET', '/client-file.json', undefined],
    ];
    const unknown = 'no-such-case-0000';
    for (const [method, suffix, body] of routes) {
      const foreign = await api(server, t.teamMate.userId, method, `/api/cases/${id}${suffix}`, body);
      const none = await api(server, t.teamMate.userId, method, `/api/cases/${unknown}${suffix}`, body);
      expect(foreign.status, suffix).toBe(404);
      expect(none.status, suffix).toBe(404);
      expect(JSON.stringify(foreign.body).replaceAll(id, '?')).toBe(
        JSON.stringify(none.body).replaceAll(unknown, '?'),
      );
    }
  });

  it('[CL2][CL9][RT10] attack: the BSN reaches no list, no notice, no access-log entry and no log line', async () => {
    const id = await existing();
    const coordinator = t.coordinator.userId;
    expect((await api(server, coordinator, 'GET', `/api/cases/${id}/client/bsn`)).body).toEqual({ bsn });
    const corrected = await api(server, coordinator, 'PUT', `/api/cases/${id}/client`, {
      dateOfBirth: '1961-04-12',
      preferredLanguage: 'tr',
      readingLevel: 'low',
      bsn: correctedBsn,
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(204);
    const file = await api(server, coordinator, 'GET', `/api/cases/${id}/client-file.json`);
    expect(JSON.stringify(file.body)).toContain(correctedBsn); // the copy holds it (RT10)
    await ask(t.otherCoordinator);
    await api(server, coordinator, 'PUT', `/api/cases/${id}/coordinator`, {
      coordinatorId: t.gp.professionalId,
      previousCoordinator: 'write',
    });
    const lists = [
      await api(server, t.gp.userId, 'GET', '/api/cases'),
      await api(server, t.gp.userId, 'GET', '/api/caseload'),
      await api(server, t.gp.userId, 'GET', `/api/cases/${id}`),
      await api(server, coordinator, 'GET', '/api/notifications'),
      await api(server, t.gp.userId, 'GET', '/api/notifications'),
      await api(server, t.admin.userId, 'GET', '/api/admin/users?limit=100'),
      await api(server, t.admin.userId, 'GET', '/api/admin/orphaned-cases'),
      await api(server, t.admin.userId, 'GET', '/api/admin/access-log?limit=1000'),
    ];
    for (const answer of lists) {
      expect(answer.status).toBe(200);
      for (const number of [bsn, correctedBsn]) expect(JSON.stringify(answer.body)).not.toContain(number);
    }
    const accessLog = JSON.stringify(server.db.prepare('SELECT * FROM access_log').all());
    const lines = log.join('');
    expect(lines.length).toBeGreaterThan(0);
    for (const number of [bsn, correctedBsn]) {
      expect(accessLog).not.toContain(number);
      expect(lines).not.toContain(number);
    }
    expect(lines).not.toContain('Fatma');
    expect(lines).not.toContain('Kerkstraat');
  });
});

describe('retention against the case’s life', () => {
  let f: RetentionFixture;
  let closedAt: string;
  beforeAll(async () => {
    f = await startRetentionFixture();
    closedAt = await closeCase(f.server, f.t);
  });
  afterAll(async () => {
    await f?.server.close();
  });
  const reopen = () =>
    api(f.server, f.t.coordinator.userId, 'POST', `/api/cases/${f.t.caseId}/reopen`, { reason: 'Terug' });
  const status = () =>
    (f.server.db.prepare('SELECT status FROM cases WHERE id = ?').get(f.t.caseId) as { status: string })
      .status;

  it('[RT4] the admin’s lists name a client by alias only: never the name, the BSN, the address or a note', async () => {
    f.clock.after(closedAt, 7, 1);
    const due = await api(f.server, f.t.admin.userId, 'POST', '/api/retention/check');
    expect((due.body as RetentionAnswer).due.map((d) => d.part)).toEqual(['social']);
    const orphans = await api(f.server, f.t.admin.userId, 'GET', '/api/admin/orphaned-cases');
    for (const answer of [due, orphans]) {
      const text = JSON.stringify(answer.body);
      for (const marker of [
        markers.name,
        'Ahmet',
        'Yılmaz',
        markers.bsn,
        markers.address,
        markers.socialNote,
      ])
        expect(text).not.toContain(marker);
    }
    for (const route of [`/api/cases/${f.t.caseId}`, `/api/cases/${f.t.caseId}/client/bsn`, '/api/my/file'])
      expect((await api(f.server, f.t.admin.userId, 'GET', route)).status, route).toBe(403);
  });

  it('[RT5][RT8] attack: a reopen racing the erasure of a part is refused, whichever comes first', async () => {
    const erasing = f.server.services.retention.erase(f.t.caseId, 'social', { userId: f.t.admin.userId });
    const racing = await reopen();
    expect(racing.status, JSON.stringify(racing.body)).toBe(409);
    expect(await erasing).toMatchObject({ part: 'social', caseRemoved: false });
    expect(status()).toBe('closed');
  });

  it('[RT8] attack: a partly erased case stays closed: reopening it would restart the medical period and open its notes to writing', async () => {
    const answer = await reopen();
    expect(answer.status).toBe(409);
    expect(status()).toBe('closed');
    // Nor can it be closed again to restart its period.
    const again = await api(f.server, f.t.coordinator.userId, 'POST', `/api/cases/${f.t.caseId}/close`, {
      reason: 'other',
      note: 'opnieuw',
    });
    expect(again.status).toBe(409);
    expect(
      (
        f.server.db.prepare('SELECT closed_at AS at FROM cases WHERE id = ?').get(f.t.caseId) as {
          at: string;
        }
      ).at,
    ).toBe(closedAt);
  });

  it('[RT4] attack: erasing a part twice answers 409 and writes no second case-erased entry', async () => {
    const erased = () =>
      (
        f.server.db.prepare("SELECT count(*) AS n FROM access_log WHERE event = 'case-erased'").get() as {
          n: number;
        }
      ).n;
    const before = erased();
    const twice = await api(f.server, f.t.admin.userId, 'POST', `/api/retention/${f.t.caseId}/erase`, {
      part: 'social',
    });
    expect(twice.status).toBe(409);
    expect(erased()).toBe(before);
    // The medical part is not due for another 13 years.
    const early = await api(f.server, f.t.admin.userId, 'POST', `/api/retention/${f.t.caseId}/erase`, {
      part: 'medical',
    });
    expect(early.status).toBe(409);
  });
});
