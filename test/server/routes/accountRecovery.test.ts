import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPassword } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam } from '../../utils/caseTeam.js';
import { openEventStream } from '../../utils/eventStream.js';
import { api, errorOf } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * A client who cannot sign in gets a new link from the functional administrator, never from an
 * invitation (issue 11): the old password stops working, every session of the client ends, and
 * only the newest link works.
 */
let server: TestServer;
let t: CaseTeam;
let username: string;
beforeAll(async () => {
  server = await startTestServer({ accessRecheckMs: 200 });
  t = await caseTeam(server);
  username = await withPassword(server, t.client.userId, 'het-oude-wachtwoord');
});
afterAll(async () => {
  await server?.close();
});

const recover = (by: string, userId = t.client.userId) =>
  api(server, by, 'POST', `/api/admin/users/${userId}/recovery`);
const tokenOf = (answer: { body: unknown }) =>
  (answer.body as { link: string }).link.split('/invitation/')[1]!;
const signInAs = (password: string) => api(server, null, 'POST', '/api/session', { username, password });

describe('account recovery for a client', () => {
  it('is the admin’s: the coordinator and the client themselves get 403', async () => {
    for (const who of [t.coordinator, t.socialWorker, t.client]) {
      expect((await recover(who.userId)).status).toBe(403);
    }
    expect((await signInAs('het-oude-wachtwoord')).status).toBe(200);
  });

  it('ends every session of the client and their open pages, and the old password stops working', async () => {
    const plan = await openEventStream(server, t.client.userId, '/api/my/plan/events');
    const consents = await openEventStream(server, t.client.userId, '/api/my/consents/stream');
    expect(plan.status).toBe(200);
    const made = await recover(t.admin.userId);
    expect(made.status, errorOf(made)).toBe(201);
    await plan.ended;
    await consents.ended;
    expect((await signInAs('het-oude-wachtwoord')).status).toBe(401);
    const live = server.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM sessions WHERE user_id = ?')
      .get(t.client.userId)!.n;
    expect(live).toBe(0);
    const entry = (await server.services.audit.search({ caseId: t.caseId })).find(
      (e) => e.event === 'account-recovery',
    );
    expect(entry).toMatchObject({ userId: t.admin.userId, role: 'admin', authorization: 'admin' });
    expect(entry?.details).toEqual({ clientUserId: t.client.userId });
  });

  it('only the newest link works; with it the client sets a new password', async () => {
    const first = tokenOf(await recover(t.admin.userId));
    const second = tokenOf(await recover(t.admin.userId));
    expect((await api(server, null, 'GET', `/api/invitations/${first}`)).status).toBe(410);
    const old = await api(server, null, 'POST', `/api/invitations/${first}`, {
      password: 'een-nieuw-wachtwoord',
    });
    expect(old.status).toBe(410);
    const used = await api(server, null, 'POST', `/api/invitations/${second}`, {
      password: 'een-nieuw-wachtwoord',
    });
    expect(used.status).toBe(200);
    expect((await signInAs('een-nieuw-wachtwoord')).status).toBe(200);
  });

  it('is for client accounts only; an unknown account is a 404', async () => {
    const professional = await recover(t.admin.userId, t.gp.userId);
    expect(professional.status).toBe(400);
    expect(errorOf(professional)).toMatch(/^userId: /);
    expect((await recover(t.admin.userId, 'nobody')).status).toBe(404);
  });
});
