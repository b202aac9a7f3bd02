import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CaseDetails, CaseloadAnswer, ClientPlan } from '../../../shared/api.js';
import { createGoal, readBoard } from '../../../shared/doc/board.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { signIn } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { connectClient, synced } from '../../utils/clients.js';
import type { SyncClient } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/** A case's life after intake (SPEC CL5–CL8): handing over, closing (read-only for everyone), reopening. */
let server: TestServer;
let t: CaseTeam;
const clients: SyncClient[] = [];
beforeEach(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.close();
});

const path = (suffix = '') => `/api/cases/${t.caseId}${suffix}`;
const close = (who: Person, body: unknown = { reason: 'goals-reached', note: 'Alle doelen bereikt' }) =>
  api(server, who.userId, 'POST', path('/close'), body);
const details = async (who: Person) =>
  ((await api(server, who.userId, 'GET', path())).body as { case: CaseDetails }).case;
const coordinatorOf = () =>
  (server.db.prepare('SELECT coordinator_id AS c FROM cases WHERE id = ?').get(t.caseId) as { c: string }).c;
const status = () =>
  (server.db.prepare('SELECT status FROM cases WHERE id = ?').get(t.caseId) as { status: string }).status;
const connect = async (who: Person) => {
  const client = connectClient(
    server.url,
    caseDocumentName(t.caseId),
    new Y.Doc(),
    (await signIn(server, who.userId)).headers,
  );
  clients.push(client);
  return client;
};
const serverGoals = () => server.sync.registry.use(caseDocumentName(t.caseId), (doc) => readBoard(doc).goals);

describe('[CL5] handing the coordinator role over', () => {
  it('the coordinator hands over; both are told, it is logged, and the previous one stays as they chose', async () => {
    const answer = await api(server, t.coordinator.userId, 'PUT', path('/coordinator'), {
      coordinatorId: t.gp.professionalId,
      previousCoordinator: 'read',
      note: 'Ik ga met verlof',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(204);
    expect(coordinatorOf()).toBe(t.gp.professionalId);
    const c = await details(t.gp);
    expect(c.myAccess.lifecycle).toEqual({ transfer: true, close: true, reopen: false, correctClient: true });
    expect(c.members.find((m) => m.id === t.coordinator.professionalId)?.access).toBe('read');
    expect(c.events[0]).toMatchObject({ kind: 'coordinator-transferred', to: { id: t.gp.professionalId } });
    const kinds = async (who: Person) =>
      (
        (await api(server, who.userId, 'GET', '/api/notifications')).body as {
          notifications: { kind: string; state: string }[];
        }
      ).notifications.map((n) => `${n.kind}:${n.state}`);
    expect(await kinds(t.gp)).toEqual(['coordinator-transfer:new']);
    expect(await kinds(t.coordinator)).toEqual(['coordinator-transfer:previous']);
    const logged = server.db
      .prepare("SELECT case_id AS caseId FROM access_log WHERE event = 'coordinator-transferred'")
      .all();
    expect(logged).toEqual([{ caseId: t.caseId }]);
  });

  it('attack: a member who does not coordinate cannot hand the case to themselves; outsiders get 404', async () => {
    for (const who of [t.socialWorker, t.gp, t.pharmacist]) {
      const answer = await api(server, who.userId, 'PUT', path('/coordinator'), {
        coordinatorId: who.professionalId,
        previousCoordinator: 'leave',
      });
      expect(answer.status).toBe(403);
    }
    const outsider = await api(server, t.teamMate.userId, 'PUT', path('/coordinator'), {
      coordinatorId: t.teamMate.professionalId,
      previousCoordinator: 'leave',
    });
    expect(outsider.status).toBe(404);
    // The admin hands over only a leaver's case.
    const admin = await api(server, t.admin.userId, 'PUT', path('/coordinator'), {
      coordinatorId: t.gp.professionalId,
      previousCoordinator: 'leave',
    });
    expect(admin.status).toBe(403);
    expect(coordinatorOf()).toBe(t.coordinator.professionalId);
  });

  it('[CL8] a leaver’s case shows "needs a new coordinator" on the caseload, and the admin hands it over', async () => {
    server.db.prepare("UPDATE users SET disabled_at = '2026-01-01' WHERE id = ?").run(t.coordinator.userId);
    const caseload = (await api(server, t.gp.userId, 'GET', '/api/caseload')).body as CaseloadAnswer;
    expect(caseload.rows.find((r) => r.caseId === t.caseId)?.needsNewCoordinator).toBe(true);
    const admin = await api(server, t.admin.userId, 'PUT', path('/coordinator'), {
      coordinatorId: t.gp.professionalId,
      previousCoordinator: 'leave',
    });
    expect(admin.status).toBe(204);
    const after = (await api(server, t.gp.userId, 'GET', '/api/caseload')).body as CaseloadAnswer;
    expect(after.rows.find((r) => r.caseId === t.caseId)?.needsNewCoordinator).toBe(false);
  });

  it('bad input answers 400 naming the field', async () => {
    for (const [body, field] of [
      [{ coordinatorId: t.gp.professionalId, previousCoordinator: 'maybe' }, 'previousCoordinator'],
      [{ coordinatorId: 'nobody', previousCoordinator: 'leave' }, 'coordinatorId'],
      [{ coordinatorId: t.coordinator.professionalId, previousCoordinator: 'leave' }, 'coordinatorId'],
    ] as const) {
      const answer = await api(server, t.coordinator.userId, 'PUT', path('/coordinator'), body);
      expect(answer.status).toBe(400);
      expect((answer.body as { error: string }).error).toMatch(new RegExp(`^${field}:`));
    }
  });
});

describe('[CL6] closing a case', () => {
  it('attack: only the coordinator closes; a member, a client and an admin are refused', async () => {
    for (const who of [t.socialWorker, t.gp, t.pharmacist, t.client, t.admin])
      expect((await close(who)).status).toBe(403);
    expect((await close(t.teamMate)).status).toBe(404);
    expect(status()).toBe('open');
  });

  it('needs a reason from the list and a note, named when missing', async () => {
    const noReason = await close(t.coordinator, { reason: 'bored', note: 'x' });
    expect((noReason.body as { error: string }).error).toMatch(/^reason:/);
    const noNote = await close(t.coordinator, { reason: 'moved-away', note: ' ' });
    expect((noNote.body as { error: string }).error).toMatch(/^note:/);
    expect(status()).toBe('open');
  });

  it('[CL8] a closed case leaves the caseload, the closed filter shows it, and the client’s plan says whom to call', async () => {
    expect((await close(t.coordinator, { reason: 'moved-away', note: 'Verhuisd naar Zwolle' })).status).toBe(
      204,
    );
    const open = (await api(server, t.gp.userId, 'GET', '/api/caseload')).body as CaseloadAnswer;
    expect(open.rows.map((r) => r.caseId)).not.toContain(t.caseId);
    const closed = (await api(server, t.gp.userId, 'GET', '/api/caseload?status=closed'))
      .body as CaseloadAnswer;
    expect(closed.rows.map((r) => r.caseId)).toEqual([t.caseId]);
    expect(closed.rows[0]!.closedAt).not.toBeNull();
    const c = await details(t.coordinator);
    expect(c.myAccess).toMatchObject({
      access: 'read',
      manage: false,
      lifecycle: { close: false, reopen: true },
    });
    expect(c.closure).toMatchObject({ reason: 'moved-away', note: 'Verhuisd naar Zwolle' });
    const plan = ((await api(server, t.client.userId, 'GET', '/api/my/plan')).body as { plan: ClientPlan })
      .plan;
    expect(plan.supportEnded?.contact?.id).toBe(t.coordinator.professionalId);
    // The note is about the client: never in the access log.
    const log = server.db.prepare("SELECT details FROM access_log WHERE event = 'case-closed'").all();
    expect(JSON.stringify(log)).not.toContain('Zwolle');
  });

  it('REST: every write on a closed case answers 409 and changes nothing', async () => {
    expect((await close(t.coordinator)).status).toBe(204);
    const writes: [Person, string, string, unknown][] = [
      [
        t.coordinator,
        'PUT',
        path(`/members/${t.bystander.professionalId}`),
        { caseRole: 'maatje', access: 'read' },
      ],
      [t.coordinator, 'DELETE', path(`/members/${t.gp.professionalId}`), undefined],
      [t.coordinator, 'POST', path('/invitation'), { username: 'nieuw-client', displayName: 'Cliënt' }],
      [t.gp, 'POST', path('/observations'), { state: 'green', note: 'Gezien' }],
      [
        t.gp,
        'POST',
        path('/consents'),
        {
          compartment: 'medical',
          sharedWithDomain: 'social',
          how: 'spoken',
          givenOn: new Date().toISOString().slice(0, 10),
        },
      ],
      [t.gp, 'POST', path('/client-questions/q1/discussed'), {}],
      [
        t.coordinator,
        'PUT',
        path('/coordinator'),
        { coordinatorId: t.gp.professionalId, previousCoordinator: 'write' },
      ],
      [t.coordinator, 'POST', path('/close'), { reason: 'other', note: 'nog eens' }],
      [t.client, 'POST', '/api/my/questions', { text: 'Nog een vraag' }],
      [t.client, 'DELETE', '/api/my/questions/q1', undefined],
      [t.client, 'PUT', '/api/my/ratings/care', { score: 3, sentence: 'Gaat wel' }],
      [t.client, 'PUT', '/api/my/goals/g1/words', { words: 'Zelf' }],
      [t.client, 'POST', '/api/my/consents', { compartment: 'medical', sharedWithDomain: 'social' }],
    ];
    const before = server.db
      .prepare('SELECT (SELECT count(*) FROM case_members) AS m, (SELECT count(*) FROM consents) AS c')
      .get();
    for (const [who, method, url, body] of writes) {
      const answer = await api(server, who.userId, method, url, body);
      expect(answer.status, `${method} ${url}: ${JSON.stringify(answer.body)}`).toBe(409);
    }
    expect(
      server.db
        .prepare('SELECT (SELECT count(*) FROM case_members) AS m, (SELECT count(*) FROM consents) AS c')
        .get(),
    ).toEqual(before);
    expect(coordinatorOf()).toBe(t.coordinator.professionalId);
    // Reading goes on.
    expect((await api(server, t.pharmacist.userId, 'GET', path('/history'))).status).toBe(200);
  });

  it('sync: a stock provider connected while the case is closed is downgraded at once and its edits are not stored', async () => {
    const gp = await connect(t.gp);
    await synced(gp);
    createGoal(gp.doc, { id: 'before', title: 'Voor het sluiten', domain: 'work', phase: 'treatment' });
    await eventually(async () => expect((await serverGoals()).map((g) => g.id)).toEqual(['before']));
    expect((await close(t.coordinator)).status).toBe(204);
    createGoal(gp.doc, { id: 'after', title: 'Na het sluiten', domain: 'work', phase: 'treatment' });
    // A fresh connection is read-only too, and stays open.
    const coordinator = await connect(t.coordinator);
    await synced(coordinator);
    createGoal(coordinator.doc, {
      id: 'coordinator-after',
      title: 'Ook niet',
      domain: 'care',
      phase: 'treatment',
    });
    // The watcher sees the server's copy: what was written before, nothing after.
    const watcher = await connect(t.socialWorker);
    await synced(watcher);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await serverGoals()).map((g) => g.id)).toEqual(['before']);
    expect(readBoard(watcher.doc).goals.map((g) => g.id)).toEqual(['before']);
    expect(gp.closes).toEqual([]);
  });
});

describe('[CL7] reopening', () => {
  it('only the coordinator reopens, with a reason; writing works again', async () => {
    expect((await close(t.coordinator)).status).toBe(204);
    expect((await api(server, t.gp.userId, 'POST', path('/reopen'), { reason: 'Terug' })).status).toBe(403);
    const noReason = await api(server, t.coordinator.userId, 'POST', path('/reopen'), { reason: '' });
    expect((noReason.body as { error: string }).error).toMatch(/^reason:/);
    expect(
      (await api(server, t.coordinator.userId, 'POST', path('/reopen'), { reason: 'Terugval' })).status,
    ).toBe(204);
    expect(status()).toBe('open');
    const c = await details(t.gp);
    expect(c.closure).toBeNull();
    expect(c.events.map((e) => e.kind)).toEqual(['reopened', 'closed']);
    expect(
      (await api(server, t.gp.userId, 'POST', path('/observations'), { state: 'amber', note: 'Onrustig' }))
        .status,
    ).toBe(201);
    expect(
      (await api(server, t.coordinator.userId, 'POST', path('/reopen'), { reason: 'nog eens' })).status,
    ).toBe(409);
  });
});
