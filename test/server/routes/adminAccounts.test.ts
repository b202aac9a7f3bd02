import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherAccountService } from '../../../server/services/otherAccounts.js';
import type { UsersAnswer } from '../../../shared/adminApi.js';
import { addProfessional, signIn, withPassword } from '../../utils/accounts.js';
import { eventually } from '../../utils/eventually.js';
import { api, errorOf } from '../../utils/http.js';
import { insertCase, startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * The other accounts (clients and admins) disabled and enabled by the functional administrator
 * (SPEC PP13): a client's sessions end at once and their open plan page closes; an admin never locks out
 * themselves or the last enabled admin.
 */
let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({ accessRecheckMs: 200 }); // an open plan page notices within 200 ms
  admin = await server.services.accounts.create({ username: 'beheer', displayName: 'Beheer', role: 'admin' });
});
afterAll(async () => {
  await server?.close();
});

const as = (userId: string | null, method: string, path: string, body?: unknown) =>
  api(server, userId, method, path, body);
const unique = () => randomUUID().slice(0, 6);
const whoAmI = (cookie: string) => fetch(`${server.url}/api/session`, { headers: { cookie } });
/** The client's plan page: its event stream, which ends when the session does. */
async function openPlanStream(cookie: string) {
  const response = await fetch(`${server.url}/api/my/plan/events`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const stream = { ended: false };
  void (async () => {
    for await (const _chunk of response.body!);
    stream.ended = true;
  })().catch(() => (stream.ended = true));
  return stream;
}
const newAdmin = () =>
  server.services.accounts.create({ username: `beheer-${unique()}`, displayName: 'Beheer 2', role: 'admin' });
const newClient = async () => {
  const caseId = insertCase(server.db);
  const userId = await server.services.accounts.create({
    username: `client-${unique()}`,
    displayName: 'Cliënt',
    role: 'client',
    clientCaseId: caseId,
  });
  return { caseId, userId };
};
const disabledAt = (userId: string) =>
  server.db
    .prepare<[string], { d: string | null }>('SELECT disabled_at AS d FROM users WHERE id = ?')
    .get(userId)!.d;

describe('a client who must not sign in any more', () => {
  it('[PP13] is disabled: every session ends and the open plan page closes; enabled, the old password works', async () => {
    const { caseId, userId } = await newClient();
    const username = await withPassword(server, userId, 'een-lang-wachtwoord');
    const sessions = [await signIn(server, userId), await signIn(server, userId)];
    const page = await openPlanStream(sessions[0]!.cookie);

    const disabled = await as(admin, 'POST', `/api/admin/users/${userId}/disable`);
    expect(disabled.status).toBe(204);
    for (const session of sessions) expect((await whoAmI(session.cookie)).status).toBe(401);
    await eventually(() => expect(page.ended).toBe(true));
    const refused = await as(null, 'POST', '/api/session', { username, password: 'een-lang-wachtwoord' });
    expect(refused.status).toBe(401);
    const listed = (await as(admin, 'GET', `/api/admin/users?q=${username}`)).body as UsersAnswer;
    expect(listed.users.find((u) => u.id === userId)!.disabledAt).not.toBeNull();

    // Logged like a leaver's disable, in the client's own "who looked at my file" (the case).
    const [entry] = await server.services.audit.search({ event: 'account-disabled', caseId });
    expect(entry).toMatchObject({ userId: admin, details: { userId, sessionsEnded: 2 } });

    expect((await as(admin, 'POST', `/api/admin/users/${userId}/enable`)).status).toBe(204);
    expect(disabledAt(userId)).toBeNull();
    expect(await server.services.audit.search({ event: 'account-enabled', caseId })).toHaveLength(1);
    const back = await as(null, 'POST', '/api/session', { username, password: 'een-lang-wachtwoord' });
    expect(back.status).toBeLessThan(300);
  });

  it('[PP13] disabling twice or enabling an enabled account changes nothing and logs nothing new', async () => {
    const { caseId, userId } = await newClient();
    await as(admin, 'POST', `/api/admin/users/${userId}/disable`);
    const first = disabledAt(userId);
    expect((await as(admin, 'POST', `/api/admin/users/${userId}/disable`)).status).toBe(204);
    expect(disabledAt(userId)).toBe(first);
    expect(await server.services.audit.search({ event: 'account-disabled', caseId })).toHaveLength(1);
    await as(admin, 'POST', `/api/admin/users/${userId}/enable`);
    expect((await as(admin, 'POST', `/api/admin/users/${userId}/enable`)).status).toBe(204);
    expect(await server.services.audit.search({ event: 'account-enabled', caseId })).toHaveLength(1);
  });
});

describe('admins', () => {
  it('[PP13] an admin disables another admin, whose sessions end', async () => {
    const other = await newAdmin();
    const session = await signIn(server, other);
    expect((await as(admin, 'POST', `/api/admin/users/${other}/disable`)).status).toBe(204);
    expect((await whoAmI(session.cookie)).status).toBe(401);
    expect((await as(admin, 'POST', `/api/admin/users/${other}/enable`)).status).toBe(204);
    expect(disabledAt(other)).toBeNull();
  });

  it('[PP13] attack: an admin cannot disable themselves, two admins cannot disable each other, the last admin stays', async () => {
    const self = await as(admin, 'POST', `/api/admin/users/${admin}/disable`);
    expect(self.status).toBe(409);
    expect(errorOf(self)).toMatch(/^userId: you cannot disable your own account/);
    expect(disabledAt(admin)).toBeNull();

    // Two admins disabling each other: the first wins, the second is signed out by then.
    const other = await newAdmin();
    const otherSession = await signIn(server, other);
    expect((await as(admin, 'POST', `/api/admin/users/${other}/disable`)).status).toBe(204);
    const back = await fetch(`${server.url}/api/admin/users/${admin}/disable`, {
      method: 'POST',
      headers: {
        ...otherSession.headers,
        'x-csrf-token': otherSession.csrfToken,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(back.status).toBe(401);
    expect(disabledAt(admin)).toBeNull();

    // With every other admin disabled, `admin` is the last one: the service refuses whoever asks.
    server.db
      .prepare("UPDATE users SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE role = 'admin' AND id <> ?")
      .run(admin);
    const service = otherAccountService({
      data: server.services.data,
      accounts: server.services.accounts,
      sessions: server.services.sessions,
      recheckConnections: () => {},
    });
    await expect(service.disable(admin, other)).rejects.toThrow(
      /userId: the last enabled administrator cannot be disabled/,
    );
    expect(disabledAt(admin)).toBeNull();
    server.db.prepare("UPDATE users SET disabled_at = NULL WHERE role = 'admin'").run();
  });

  it("[PP13] a professional's account is disabled with the professional, an unknown one is 404, others are refused", async () => {
    const colleague = addProfessional(server, { role: 'coordinator' }).userId;
    const viaUsers = await as(admin, 'POST', `/api/admin/users/${colleague}/disable`);
    expect(viaUsers.status).toBe(400);
    expect(errorOf(viaUsers)).toMatch(/^userId: a professional's account/);
    expect(disabledAt(colleague)).toBeNull();
    const unknown = await as(admin, 'POST', '/api/admin/users/no-such-user/disable');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toMatch(/^userId: no account/);

    const { userId: client } = await newClient();
    for (const path of [`/api/admin/users/${admin}/disable`, `/api/admin/users/${client}/disable`]) {
      expect((await as(colleague, 'POST', path, {})).status).toBe(403);
      expect((await as(client, 'POST', path, {})).status).toBe(403);
      expect((await as(null, 'POST', path, {})).status).toBe(401);
    }
    expect(disabledAt(admin)).toBeNull();
    expect(disabledAt(client)).toBeNull();
    expect(await server.services.audit.search({ event: 'account-disabled', userId: colleague })).toHaveLength(
      0,
    );
  });
});
