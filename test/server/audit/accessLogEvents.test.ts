import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileAccess } from '../../../shared/api.js';
import { createGoal } from '../../../shared/doc/board.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { createAccessLog } from '../../../server/audit/accessLog.js';
import { sqliteData } from '../../../server/storage/sqlite.js';
import { keyOf } from '../../utils/audit.js';
import type { AccessEntry } from '../../../server/audit/accessLog.js';
import { signIn, withPassword } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { openRawSocket } from '../../utils/rawSocket.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * NEN 7513: every action on client data leaves an entry with the event, the client (case), the
 * user and their role, the access point and the authorization it relied on.
 */
let server: TestServer;
let t: CaseTeam;
const userAgent = 'Veelzijdig-test/1.0 (Firefox)';
const password = 'fietsen-langs-de-rivier';
let gpUsername: string;
beforeAll(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
  gpUsername = await withPassword(server, t.gp.userId, password);
  await server.sync.registry.use(caseDocumentName(t.caseId), (doc) =>
    createGoal(doc, {
      id: 'visible',
      title: 'Boodschappen',
      domain: 'care',
      phase: 'rebuilding',
      visibleToClient: true,
    }),
  );
});
afterAll(async () => {
  await server?.close();
});

const as = (who: Person | null, method: string, url: string, body?: unknown) =>
  api(server, who?.userId ?? null, method, url, body, { 'user-agent': userAgent });
const caseUrl = () => `/api/cases/${t.caseId}`;
/** Opens a document as `who` and waits until it is open (or refused); returns the socket. */
async function openDocument(who: Person, part: 'shared' | 'medical' = 'shared') {
  const headers = { ...(await signIn(server, who.userId)).headers, 'user-agent': userAgent };
  const socket = openRawSocket(server.url, caseDocumentName(t.caseId, part), '', headers);
  await Promise.race([eventually(() => expect(socket.received.length).toBeGreaterThan(0)), socket.closed]);
  return socket;
}
const invitation = async () =>
  (await server.services.accounts.invite(t.client.userId, t.coordinator.userId)).token;
const consent = () =>
  server.services.caseAdmin.giveConsent(
    t.caseId,
    {
      compartment: 'medical',
      sharedWithDomain: 'social',
      how: 'spoken',
      givenOn: new Date().toISOString().slice(0, 10),
    },
    t.gp.userId,
  );

const onCase = (who: Person, fields: Partial<AccessEntry>) => ({
  caseId: t.caseId,
  userId: who.userId,
  ...fields,
});
const newestDocumentClose = async () =>
  await server.services.audit.search({ event: 'document-close', userId: t.gp.userId });

// prettier-ignore
const rows: [action: string, run: () => Promise<unknown>, expected: () => Partial<AccessEntry>][] = [
  ['signing in', () => as(null, 'POST', '/api/session', { username: gpUsername, password }),
    () => ({ event: 'login', userId: t.gp.userId, role: 'professional', caseId: null })],
  ['a failed sign-in (who tried is unknown)', () => as(null, 'POST', '/api/session', { username: gpUsername, password: 'wrong' }),
    () => ({ event: 'login-failed', userId: null, outcome: 'refused', details: { reason: 'bad-credentials' } })],
  ['signing out', () => as(t.gp, 'DELETE', '/api/session'),
    () => ({ event: 'logout', userId: t.gp.userId, role: 'professional' })],
  ['opening the board', async () => (await openDocument(t.pharmacist)).ws.close(),
    () => onCase(t.pharmacist, { event: 'document-open', role: 'professional', authorization: 'membership:read', details: { part: 'shared', access: 'read' } })],
  ['a refused opening (same team, not a member)', () => openDocument(t.teamMate),
    () => onCase(t.teamMate, { event: 'document-refused', outcome: 'refused', details: { part: 'shared', code: 4403, reason: 'no access to this document' } })],
  ['an editing session ending', async () => {
      (await openDocument(t.gp, 'medical')).ws.close();
      await eventually(async () => expect(await newestDocumentClose()).toHaveLength(1));
    },
    () => onCase(t.gp, { event: 'document-close', authorization: 'membership:write', details: { part: 'medical', openId: expect.any(Number) as never, seconds: expect.any(Number) as never } })],
  ['reading a case through the API', () => as(t.socialWorker, 'GET', caseUrl()),
    () => onCase(t.socialWorker, { event: 'api-read', authorization: 'membership:write', details: { resource: 'case' } })],
  ['the client writing their own words', () => as(t.client, 'PUT', '/api/my/goals/visible/words', { words: 'Zelf naar de markt' }),
    () => onCase(t.client, { event: 'api-write', role: 'client', authorization: 'client-self', details: { resource: 'goal-words', goalId: 'visible' } })],
  ['asking for a case that is not yours', () => as(t.otherCoordinator, 'GET', caseUrl()),
    () => onCase(t.otherCoordinator, { event: 'api-refused', outcome: 'refused', role: 'coordinator', authorization: null })],
  ['recording consent', () => as(t.coordinator, 'POST', `${caseUrl()}/consents`, { compartment: 'social', sharedWithDomain: 'medical', how: 'spoken', givenOn: new Date().toISOString().slice(0, 10) }),
    () => onCase(t.coordinator, { event: 'consent-given', role: 'coordinator', authorization: 'coordinator', details: expect.objectContaining({ compartment: 'social', sharedWithDomain: 'medical' }) as never })],
  ['withdrawing consent', async () => as(t.gp, 'POST', `${caseUrl()}/consents/${await consent()}/withdraw`, {}),
    () => onCase(t.gp, { event: 'consent-withdrawn', authorization: 'membership:write' })],
  ['changing who is on the case', () => as(t.coordinator, 'PUT', `${caseUrl()}/members/${t.bystander.professionalId}`, { caseRole: 'maatje', access: 'read' }),
    () => onCase(t.coordinator, { event: 'membership-changed', authorization: 'coordinator', details: { professionalId: t.bystander.professionalId, access: 'read' } })],
  // The client has an account: an invitation never touches it (issue 11), and the refusal is logged.
  ['inviting a client who has an account', () => as(t.coordinator, 'POST', `${caseUrl()}/invitation`, { username: 'client-x', displayName: 'Cliënt' }),
    () => onCase(t.coordinator, { event: 'api-refused', outcome: 'refused', authorization: 'coordinator', details: { resource: 'invitation', reason: 'client-has-account' } })],
  ['the client using the invitation', async () => as(null, 'POST', `/api/invitations/${await invitation()}`, { password: 'mijn-eigen-wachtwoord' }),
    () => onCase(t.client, { event: 'invitation-used', role: 'client' })],
  ['the admin searching the access log', () => as(t.admin, 'GET', `/api/admin/access-log?caseId=${t.caseId}`),
    () => onCase(t.admin, { event: 'search', role: 'admin', authorization: 'admin', details: expect.objectContaining({ resource: 'access-log' }) as never })],
  ['changing a password', () => as(t.gp, 'POST', '/api/session/password', { currentPassword: password, newPassword: 'een-nieuw-wachtwoord' }),
    () => ({ event: 'password-change', userId: t.gp.userId, role: 'professional' })],
];

const lastId = async () => (await server.services.audit.search({ limit: 1 }))[0]?.id ?? 0;

describe('every action leaves an access log entry (documents: SPEC A6)', () => {
  for (const [action, run, expected] of rows) {
    it(action, async () => {
      const before = await lastId();
      await run();
      const want = expected();
      const entry = await eventually(async () => {
        const found = (await server.services.audit.search({ event: want.event, limit: 1 }))[0];
        expect(found?.id).toBeGreaterThan(before);
        return found!;
      });
      expect(entry).toMatchObject({ outcome: 'allowed', address: '127.0.0.1', userAgent, ...want });
      expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });
  }
});

describe('the client sees who looked at their file', () => {
  it('lists the people who opened or read it, not refusals and not other files', async () => {
    await as(t.socialWorker, 'GET', caseUrl());
    await as(t.teamMate, 'GET', caseUrl()); // refused: not shown
    await as(t.otherCoordinator, 'GET', `/api/cases/${t.otherCaseId}`); // another client's file
    const answer = await as(t.client, 'GET', '/api/my/access-log');
    expect(answer.status).toBe(200);
    const { entries } = answer.body as { entries: FileAccess[] };
    const names = new Set(entries.map((e) => e.name));
    expect(names).toContain('Schuldhulpverlener');
    expect(names).toContain('Apotheker'); // opened the board above
    expect(names).not.toContain('Teamgenoot');
    expect(names).not.toContain('Andere coördinator');
    expect(entries[0]).toMatchObject({ event: 'api-read', name: 'Schuldhulpverlener', role: 'professional' });
    expect(Object.keys(entries[0]!).sort()).toEqual(['at', 'event', 'name', 'role']);
  });
});

describe('tampering is detected', () => {
  /** A copy of the server's database file, as an attacker with file access would hold it. */
  async function stolenCopy(name: string) {
    const file = path.join(server.dataDir, `${name}.sqlite`);
    await server.db.backup(file);
    const db = new Database(file);
    return db;
  }

  it('the log refuses changes through SQL while its triggers are in place', async () => {
    const db = await stolenCopy('intact');
    expect(() => db.prepare("UPDATE access_log SET user_id = 'someone' WHERE id = 2").run()).toThrow(
      /append-only/,
    );
    expect(await createAccessLog(sqliteData(db), { key: keyOf(server.config.audit) }).verify()).toMatchObject(
      {
        ok: true,
      },
    );
    db.close();
  });

  const tampering = [
    {
      what: 'a changed user',
      sql: (id: number) => `UPDATE access_log SET user_id = 'someone-else' WHERE id = ${id}`,
      reason: 'hash does not match its content',
      at: 0,
    },
    {
      what: 'a changed time',
      sql: (id: number) => `UPDATE access_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = ${id}`,
      reason: 'hash does not match its content',
      at: 0,
    },
    {
      what: 'a removed entry',
      sql: (id: number) => `DELETE FROM access_log WHERE id = ${id}`,
      reason: 'does not follow entry',
      at: 1,
    },
  ];
  for (const { what, sql, reason, at } of tampering) {
    it(`${what} is named by verify() as the first broken entry`, async () => {
      const db = await stolenCopy(what.replace(/\W/g, '-'));
      const victim = (
        await createAccessLog(sqliteData(db), { key: keyOf(server.config.audit) }).search({
          event: 'api-read',
          userId: t.socialWorker.userId,
          limit: 1,
        })
      )[0]!;
      db.exec('DROP TRIGGER access_log_no_update; DROP TRIGGER access_log_no_delete;');
      db.exec(sql(victim.id));
      const verdict = await createAccessLog(sqliteData(db), { key: keyOf(server.config.audit) }).verify();
      expect(verdict.ok).toBe(false);
      if (verdict.ok) return;
      expect(verdict.firstBroken.id).toBe(victim.id + at); // a removal shows at the entry after it
      expect(verdict.firstBroken.reason).toContain(reason);
      db.close();
    });
  }
});
