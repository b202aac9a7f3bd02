import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../shared/api.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam } from '../../utils/caseTeam.js';
import { withPassword } from '../../utils/accounts.js';
import { api, errorOf } from '../../utils/http.js';
import { insertCase, startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/** A coordinator invites the client to their own plan with a one-time link that expires. */
let server: TestServer;
let t: CaseTeam;
beforeAll(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
});
afterAll(async () => {
  await server?.close();
});

const tokenOf = (link: string) => link.split('/invitation/')[1]!;
const open = (token: string) => api(server, null, 'GET', `/api/invitations/${token}`);
const accept = (token: string, password: string) =>
  api(server, null, 'POST', `/api/invitations/${token}`, { password });

describe('a client’s invitation', () => {
  it('works once: the client sets a password with it and is signed in to their own plan', async () => {
    const caseId = insertCase(server.db); // a case whose client has no account yet
    server.db
      .prepare('UPDATE cases SET coordinator_id = ? WHERE id = ?')
      .run(t.coordinator.professionalId, caseId);
    const created = await api(server, t.coordinator.userId, 'POST', `/api/cases/${caseId}/invitation`, {
      username: 'ahmet.yilmaz',
      displayName: 'Ahmet Yılmaz',
    });
    expect(created.status).toBe(201);
    const { link, expiresAt } = created.body as { link: string; expiresAt: string };
    expect(link).toMatch(new RegExp(`^${server.services.config.publicUrl}/invitation/[A-Za-z0-9_-]{43}$`));
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const token = tokenOf(link);

    const seen = await open(token);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({ displayName: 'Ahmet Yılmaz', username: 'ahmet.yilmaz', expiresAt });

    const tooShort = await accept(token, 'kort');
    expect(tooShort.status).toBe(400);
    expect(errorOf(tooShort)).toMatch(/^password: /);
    expect((await open(token)).status).toBe(200); // a refused password does not use up the link

    const accepted = await accept(token, 'mijn-eigen-wachtwoord');
    expect(accepted.status).toBe(200);
    const { user } = accepted.body as SessionInfo;
    expect(user).toMatchObject({ role: 'client', clientCaseId: caseId, displayName: 'Ahmet Yılmaz' });
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0]!;
    const plan = await fetch(`${server.url}/api/my/plan`, { headers: { cookie } });
    expect(plan.status).toBe(200);

    expect((await accept(token, 'nog-een-wachtwoord')).status).toBe(410);
    expect((await open(token)).status).toBe(410);
    const login = await api(server, null, 'POST', '/api/session', {
      username: 'ahmet.yilmaz',
      password: 'mijn-eigen-wachtwoord',
    });
    expect(login.status).toBe(200);
  });

  it('[issue 11] never touches an existing account: the coordinator cannot take over the client’s', async () => {
    await withPassword(server, t.client.userId, 'het-wachtwoord-van-de-client');
    const asked = await api(server, t.coordinator.userId, 'POST', `/api/cases/${t.caseId}/invitation`, {
      username: 'iemand-anders',
      displayName: 'X',
    });
    expect(asked.status).toBe(409);
    expect(errorOf(asked)).toMatch(/already has an account.*administrator/);
    const links = server.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM invitations WHERE user_id = ?')
      .get(t.client.userId)!.n;
    expect(links).toBe(0);
    const username = server.db
      .prepare<[string], { username: string }>('SELECT username FROM users WHERE id = ?')
      .get(t.client.userId)!.username;
    const login = await api(server, null, 'POST', '/api/session', {
      username,
      password: 'het-wachtwoord-van-de-client',
    });
    expect(login.status).toBe(200);
    const refusal = (await server.services.audit.search({ caseId: t.caseId })).find(
      (e) => e.event === 'api-refused' && e.userId === t.coordinator.userId,
    );
    expect(refusal?.details).toMatchObject({ resource: 'invitation', reason: 'client-has-account' });
  });

  it('two invitations at once for a case without an account make one account, not two', async () => {
    const caseId = insertCase(server.db);
    server.db
      .prepare('UPDATE cases SET coordinator_id = ? WHERE id = ?')
      .run(t.coordinator.professionalId, caseId);
    const ask = (username: string) =>
      api(server, t.coordinator.userId, 'POST', `/api/cases/${caseId}/invitation`, {
        username,
        displayName: 'Cliënt',
      });
    const answers = await Promise.all([ask('eerste-client'), ask('tweede-client')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
  });

  it('at most one link per account works: a new one revokes the old', async () => {
    const caseId = insertCase(server.db);
    const userId = await server.services.accounts.create({
      username: 'een-nieuwe-client',
      displayName: 'Nieuw',
      role: 'client',
      clientCaseId: caseId,
    });
    const first = (await server.services.accounts.invite(userId, t.coordinator.userId)).token;
    const second = (await server.services.accounts.invite(userId, t.coordinator.userId)).token;
    expect((await open(first)).status).toBe(410);
    expect((await accept(first, 'een-goed-wachtwoord')).status).toBe(410);
    expect((await open(second)).status).toBe(200);
    expect((await accept(second, 'een-goed-wachtwoord')).status).toBe(200);
  });

  it('two tabs accepting the same link at once: one sets the password, the other gets 410', async () => {
    const { token } = await server.services.accounts.invite(t.otherClient.userId, t.coordinator.userId);
    const answers = await Promise.all([
      accept(token, 'eerste-wachtwoord'),
      accept(token, 'tweede-wachtwoord'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410]);
  });

  const dead = [
    {
      why: 'an expired link',
      token: async () =>
        (
          await server.services.accounts.invite(
            t.client.userId,
            t.coordinator.userId,
            new Date(Date.now() - 8 * 86_400_000),
          )
        ).token,
    },
    { why: 'a link that was never issued', token: async () => 'A'.repeat(43) },
  ];
  for (const { why, token } of dead) {
    it(`${why} is gone (410) for opening and for setting a password`, async () => {
      const value = await token();
      expect((await open(value)).status).toBe(410);
      const refused = await accept(value, 'een-goed-wachtwoord');
      expect(refused.status).toBe(410);
      expect(errorOf(refused)).toMatch(/^token: /);
    });
  }

  it('a token that is not shaped like one is a 400 naming the token', async () => {
    const response = await open('short');
    expect(response.status).toBe(400);
    expect(errorOf(response)).toMatch(/^token: /);
  });
});
