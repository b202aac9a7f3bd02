import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDocumentName } from '../../../shared/protocol.js';
import { addMember, addProfessional, signIn, withPassword } from '../../utils/accounts.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { openRawSocket } from '../../utils/rawSocket.js';
import { insertCase, startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Sessions end when the password changes or is reset, and on "sign out everywhere" (SPEC AS5):
 * the sessions of someone who took the password over close at once, their sync connections too.
 */
let server: TestServer;
let caseId: string;
beforeAll(async () => {
  server = await startTestServer({ accessRecheckMs: 60_000 }); // closing must not wait for the periodic check
  caseId = insertCase(server.db);
});
afterAll(async () => {
  await server?.close();
});

const password = 'fietsen-langs-de-rivier';
async function member() {
  const { userId, professionalId } = addProfessional(server, { name: 'Joke Visser' });
  addMember(server.db, caseId, professionalId);
  await withPassword(server, userId, password);
  return userId;
}
const whoAmI = (cookie: string) => fetch(`${server.url}/api/session`, { headers: { cookie } });
/** An open board connection of that session, once the server has let it in. */
async function boardOpen(cookie: string) {
  const socket = openRawSocket(server.url, caseDocumentName(caseId), '', { cookie, origin: server.url });
  await socket.opened;
  await eventually(() => expect(socket.received.length).toBeGreaterThan(0)); // the server's sync step 1
  return socket;
}
const request = (session: Awaited<ReturnType<typeof signIn>>, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { ...session.headers, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('sessions end when the password changes', () => {
  it('[AS5] a new password ends every other session of that person at once, and closes their board', async () => {
    const userId = await member();
    const mine = await signIn(server, userId);
    const thief = await signIn(server, userId); // someone who knew the old password, signed in elsewhere
    const socket = await boardOpen(thief.cookie);

    const changed = await request(mine, 'POST', '/api/session/password', {
      currentPassword: password,
      newPassword: 'wandelen-door-het-park',
    });
    expect(changed.status).toBe(204);
    // Before: the other session stayed signed in and its board stayed open.
    expect((await whoAmI(thief.cookie)).status).toBe(401);
    expect((await socket.closed).code).toBe(4401);
    expect((await whoAmI(mine.cookie)).status).toBe(200); // the one who changed it stays in
    const [entry] = await server.services.audit.search({ userId, event: 'password-change' });
    expect(entry?.details).toMatchObject({ sessionsEnded: 1 });
  });

  it('[AS5] setting a password through a link (a reset) ends every session of the account', async () => {
    const userId = await member();
    const before = await signIn(server, userId);
    const socket = await boardOpen(before.cookie);
    const { token } = await server.services.accounts.invite(userId, userId);
    const reset = await api(server, null, 'POST', `/api/invitations/${token}`, {
      password: 'een-nieuw-begin-na-het-verlies',
    });
    expect(reset.status).toBeLessThan(300);
    expect((await whoAmI(before.cookie)).status).toBe(401);
    expect((await socket.closed).code).toBe(4401);
  });
});

describe('sign out everywhere', () => {
  it('[AS5] ends every other session and their boards, keeps this one, and is in the access log', async () => {
    const userId = await member();
    const here = await signIn(server, userId);
    const elsewhere = [await signIn(server, userId), await signIn(server, userId)];
    const sockets = await Promise.all(elsewhere.map((s) => boardOpen(s.cookie)));

    const answer = await request(here, 'DELETE', '/api/session/others');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ended: 2 });
    for (const session of elsewhere) expect((await whoAmI(session.cookie)).status).toBe(401);
    for (const socket of sockets) expect((await socket.closed).code).toBe(4401);
    expect((await whoAmI(here.cookie)).status).toBe(200);
    const [entry] = await server.services.audit.search({ userId, event: 'sessions-ended' });
    expect(entry).toMatchObject({ outcome: 'allowed', details: { ended: 2, why: 'sign-out-everywhere' } });
  });

  it('needs a session and its CSRF token', async () => {
    const userId = await member();
    const other = await signIn(server, userId);
    expect((await fetch(`${server.url}/api/session/others`, { method: 'DELETE' })).status).toBe(401);
    const forged = await fetch(`${server.url}/api/session/others`, {
      method: 'DELETE',
      headers: (await signIn(server, userId)).headers,
    });
    expect(forged.status).toBe(403);
    expect((await whoAmI(other.cookie)).status).toBe(200);
  });
});
