import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetails, ClientPlan, SessionInfo } from '../../../shared/api.js';
import { demoAccounts, demoPassword } from '../../../server/demo/seed.js';
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
    const ahmetsCase = 'case-ahmet-yilmaz';
    const asSevda = await getJson<{ case: CaseDetails }>(sevda.cookie, `/api/cases/${ahmetsCase}`);
    expect(asSevda.case.myAccess).toEqual({ access: 'write', manage: true, compartments: ['social'] });
    const asLinh = await getJson<{ case: CaseDetails }>(linh.cookie, `/api/cases/${ahmetsCase}`);
    expect(asLinh.case.myAccess).toEqual({ access: 'read', manage: false, compartments: ['medical'] });
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
