import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetails, ClientPlan, SessionInfo } from '../../../shared/api.js';
import { demoAccounts, demoPassword } from '../../../server/demo/seed.js';
import { demoCaseId } from '../../utils/demo.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/** Demo accounts for every role exist in demo mode, and only there. */
let demo: TestServer;
beforeAll(async () => {
  demo = await startTestServer({ demoData: true });
});
afterAll(async () => {
  await demo?.close();
});

async function signIn(server: TestServer, username: string) {
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (response.status !== 200) return { status: response.status, cookie: '', info: null };
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { status: response.status, cookie, info: (await response.json()) as SessionInfo };
}
const getJson = async <T>(cookie: string, path: string) =>
  (await (await fetch(`${demo.url}${path}`, { headers: { cookie } })).json()) as T;

describe('demo accounts', () => {
  const roles: Record<(typeof demoAccounts)[number]['username'], SessionInfo['user']['role']> = {
    beheer: 'admin',
    sevda: 'coordinator',
    youssef: 'professional',
    nadia: 'professional',
    linh: 'professional',
    ahmet: 'client',
  };
  for (const { username } of demoAccounts) {
    it(`${username} signs in with the demo password as ${roles[username]}`, async () => {
      const { status, info } = await signIn(demo, username);
      expect(status).toBe(200);
      expect(info!.user.role).toBe(roles[username]);
    });
  }

  it('cover every role', () => {
    expect(new Set(Object.values(roles))).toEqual(
      new Set(['admin', 'coordinator', 'professional', 'client']),
    );
  });

  it('sevda coordinates Ahmet’s case; linh reads it without changing it; ahmet sees his own plan', async () => {
    const sevda = await signIn(demo, 'sevda');
    const linh = await signIn(demo, 'linh');
    const ahmet = await signIn(demo, 'ahmet');
    const ahmetsCase = demoCaseId(demo, 'Ahmet Yılmaz');
    const asSevda = await getJson<{ case: CaseDetails }>(sevda.cookie, `/api/cases/${ahmetsCase}`);
    expect(asSevda.case.myAccess).toEqual({
      access: 'write',
      manage: true,
      compartments: ['social'],
      // She coordinates an open case: she may hand it over, close it and correct the details.
      lifecycle: { transfer: true, close: true, reopen: false, correctClient: true },
    });
    const asLinh = await getJson<{ case: CaseDetails }>(linh.cookie, `/api/cases/${ahmetsCase}`);
    expect(asLinh.case.myAccess).toEqual({
      access: 'read',
      manage: false,
      compartments: ['medical'],
      lifecycle: { transfer: false, close: false, reopen: false, correctClient: false },
    });
    const { plan } = await getJson<{ plan: ClientPlan }>(ahmet.cookie, '/api/my/plan');
    expect(plan.clientName).toBe('Ahmet Yılmaz');
    expect(plan.goals.length).toBeGreaterThan(0);
  });

  it('do not exist without demo mode', async () => {
    const plain = await startTestServer({ demoData: false });
    try {
      for (const { username } of demoAccounts) expect((await signIn(plain, username)).status).toBe(401);
    } finally {
      await plain.close();
    }
  });
});

describe('[A3] demo case ids', () => {
  const cases = (server: TestServer) =>
    server.db
      .prepare<[], { id: string; clientName: string }>('SELECT id, client_name AS clientName FROM cases')
      .all();
  const slug = (name: string) =>
    name
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .toLowerCase()
      .split(/\s+/)
      .filter((part) => part.length > 2); // "de" could be hex by chance

  it('say nothing about whose case it is: random, never made from the name', () => {
    const rows = cases(demo);
    expect(rows.length).toBe(15);
    for (const { id, clientName } of rows) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      for (const part of slug(clientName)) expect(id.toLowerCase()).not.toContain(part);
    }
  });

  it('differ between databases and stay the same across a restart of one', async () => {
    const other = await startTestServer({ demoData: true });
    try {
      const ids = new Set(cases(demo).map((c) => c.id));
      expect(cases(other).some((c) => ids.has(c.id))).toBe(false);
      const before = demoCaseId(other, 'Ahmet Yılmaz');
      const restarted = await other.restart();
      try {
        expect(demoCaseId(restarted, 'Ahmet Yılmaz')).toBe(before);
      } finally {
        await restarted.close();
      }
    } catch (error) {
      await other.close().catch(() => undefined);
      throw error;
    }
  });
});
