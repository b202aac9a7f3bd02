import { generateSync } from 'otplib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../../shared/api.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import type { RecoveryCodes, TwoFactorSetup, TwoFactorState } from '../../../shared/signInApi.js';
import { addMember, addProfessional, withPassword } from '../../utils/accounts.js';
import { openRawSocket } from '../../utils/rawSocket.js';
import { requestFrom, signInFrom } from '../../utils/signIn.js';
import { insertCase, startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Two-factor sign-in with REQUIRE_2FA on, as production has it (SPEC AS4, AS7, AS8): a
 * professional without it reads nothing until it is set up; the second step is refused when
 * wrong and throttled; a recovery code works once. Codes are computed here with otplib.
 */
let server: TestServer;
let caseId: string;
beforeAll(async () => {
  server = await startTestServer({ twoFactor: { required: true } });
  caseId = insertCase(server.db);
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const password = 'fietsen-langs-de-rivier';
let n = 0;
const address = () => `127.0.9.${++n + 1}`;
/** A professional on the case, signed in with the password only. */
async function professional() {
  const { userId, professionalId } = addProfessional(server, { name: 'Karin de Vries' });
  addMember(server.db, caseId, professionalId);
  const username = await withPassword(server, userId, password);
  const from = address();
  const answer = await signInFrom(server, username, password, { address: from });
  expect(answer.status).toBe(200);
  const info = answer.body as unknown as SessionInfo;
  const browser = { address: from, cookies: { ...answer.cookies }, csrfToken: info.csrfToken };
  return { userId, username, info, browser };
}
type Browser = Awaited<ReturnType<typeof professional>>['browser'];
const call = (browser: Browser, method: string, path: string, body?: unknown) =>
  requestFrom(server, method, path, { ...browser, body });
/** A TOTP code of the secret, `steps` periods of 30 s from now. */
const codeOf = (secret: string, steps = 0) =>
  generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/** Sets up two-factor sign-in in that browser; returns the secret and the recovery codes. */
async function setUp(browser: Browser) {
  const setup = await call(browser, 'POST', '/api/session/two-factor/setup', {});
  expect(setup.status).toBe(200);
  const { secret, uri, qrCode } = setup.body as unknown as TwoFactorSetup;
  expect(uri).toMatch(/^otpauth:\/\/totp\/Veelzijdig:.*secret=/);
  expect(qrCode).toMatch(/^data:image\/png;base64,/);
  const confirmed = await call(browser, 'POST', '/api/session/two-factor', { code: codeOf(secret) });
  expect(confirmed.status).toBe(200);
  return { secret, recoveryCodes: (confirmed.body as unknown as RecoveryCodes).recoveryCodes };
}

describe('with REQUIRE_2FA, a professional without two-factor sign-in reads nothing until it is set up', () => {
  it('[AS7] the password alone gives a session limited to the set-up: no case, no caseload, no document', async () => {
    const { info, browser } = await professional();
    expect(info.user.twoFactorSetupRequired).toBe(true);
    for (const path of [`/api/cases/${caseId}`, '/api/cases', '/api/caseload', '/api/notifications']) {
      const answer = await call(browser, 'GET', path);
      expect(answer.status, path).toBe(403);
      expect(answer.body).toMatchObject({ code: 'two-factor-setup-required' });
    }
    const socket = openRawSocket(server.url, caseDocumentName(caseId), '', {
      cookie: `vz_session=${browser.cookies.vz_session}`,
      origin: server.url,
    });
    expect((await socket.closed).code).toBe(4401);
    // Who am I still answers, so the page can show the set-up.
    const me = await call(browser, 'GET', '/api/session');
    expect(me.body).toMatchObject({ user: { twoFactorSetupRequired: true } });
  });

  it('[AS7] once set up with a code from the app, the same session reads the case', async () => {
    const { browser } = await professional();
    const { recoveryCodes } = await setUp(browser);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await call(browser, 'GET', `/api/cases/${caseId}`)).status).toBe(200);
    const state = (await call(browser, 'GET', '/api/session/two-factor')).body as unknown as TwoFactorState;
    expect(state).toEqual({ enabled: true, required: true, recoveryCodesLeft: 10 });
  });

  it('[AS8] a wrong code does not set it up, and the secret is never shown again once it is', async () => {
    const { userId, browser } = await professional();
    const setup = (await call(browser, 'POST', '/api/session/two-factor/setup', {}))
      .body as unknown as TwoFactorSetup;
    const wrong = await call(browser, 'POST', '/api/session/two-factor', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect((await call(browser, 'GET', `/api/cases/${caseId}`)).status).toBe(403);
    expect(
      (await call(browser, 'POST', '/api/session/two-factor', { code: codeOf(setup.secret) })).status,
    ).toBe(200);
    // The stored secret is encrypted, and nothing answers it any more.
    const stored = server.db
      .prepare<[string], { secret: string }>('SELECT secret FROM two_factor WHERE user_id = ?')
      .get(userId)!;
    expect(stored.secret).not.toContain(setup.secret);
    const state = await call(browser, 'GET', '/api/session/two-factor');
    expect(JSON.stringify(state.body)).not.toContain(setup.secret);
    // Setting it up again (another phone) needs the password.
    const again = await call(browser, 'POST', '/api/session/two-factor/setup', {});
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'password-required' });
  });

  it('[AS7] it cannot be turned off while the role requires it', async () => {
    const { browser } = await professional();
    await setUp(browser);
    const off = await call(browser, 'POST', '/api/session/two-factor/disable', { currentPassword: password });
    expect(off.status).toBe(403);
  });
});

describe('signing in with two-factor sign-in set up', () => {
  async function withTwoFactor() {
    const made = await professional();
    return { ...made, ...(await setUp(made.browser)) };
  }
  const secondStep = (challenge: string, code: string, from: string, rememberDevice = false, cookies = {}) =>
    requestFrom(server, 'POST', '/api/session/code', {
      address: from,
      cookies,
      body: { challenge, code, rememberDevice },
    });
  const challengeOf = (answer: { body: Record<string, unknown> | null }) =>
    (answer.body as { secondStep: { challenge: string } }).secondStep.challenge;

  it('[AS4] the right password asks for the code, gives no session yet, and the code from the app signs in', async () => {
    const { username, secret } = await withTwoFactor();
    const from = address();
    const first = await signInFrom(server, username, password, { address: from });
    expect(first.status).toBe(200);
    expect(first.cookies.vz_session).toBeUndefined();
    const challenge = challengeOf(first);
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = await secondStep(challenge, codeOf(secret, 1), from);
    expect(second.status).toBe(200);
    expect(second.cookies.vz_session).toBeTruthy();
    expect((second.body as unknown as SessionInfo).user.twoFactorSetupRequired).toBeUndefined();
  });

  it('[AS4] a wrong code is refused, and after five the right one waits too (the throttle counts codes)', async () => {
    const { username, secret } = await withTwoFactor();
    const from = address();
    const challenge = challengeOf(await signInFrom(server, username, password, { address: from }));
    const wrong = await Promise.all(Array.from({ length: 8 }, () => secondStep(challenge, '123456', from)));
    expect(wrong.map((a) => a.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect(wrong.find((a) => a.status === 401)!.body).toMatchObject({ code: 'wrong-code' });
    const right = await secondStep(challenge, codeOf(secret, 1), from);
    expect(right.status).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('[AS4] a code works once: the same code again is refused', async () => {
    const { username, secret } = await withTwoFactor();
    const from = address();
    const code = codeOf(secret, 1);
    const once = await secondStep(
      challengeOf(await signInFrom(server, username, password, { address: from })),
      code,
      from,
    );
    expect(once.status).toBe(200);
    const twice = await secondStep(
      challengeOf(await signInFrom(server, username, password, { address: from })),
      code,
      from,
    );
    expect(twice.status).toBe(401);
  });

  it('[AS8] a recovery code works once, and the count of those left goes down', async () => {
    const { username, recoveryCodes } = await withTwoFactor();
    const from = address();
    const [code] = recoveryCodes;
    const used = await secondStep(
      challengeOf(await signInFrom(server, username, password, { address: from })),
      code!.toUpperCase(),
      from,
    );
    expect(used.status).toBe(200);
    const again = await secondStep(
      challengeOf(await signInFrom(server, username, password, { address: from })),
      code!,
      from,
    );
    expect(again.status).toBe(401);
    const browser = {
      address: from,
      cookies: { vz_session: used.cookies.vz_session! },
      csrfToken: (used.body as unknown as SessionInfo).csrfToken,
    };
    const state = (await call(browser, 'GET', '/api/session/two-factor')).body as unknown as TwoFactorState;
    expect(state.recoveryCodesLeft).toBe(9);
    // New codes need the password, and the old ones stop working.
    const renewed = await call(browser, 'POST', '/api/session/two-factor/recovery-codes', {
      currentPassword: password,
    });
    expect(renewed.status).toBe(200);
    const old = await secondStep(
      challengeOf(await signInFrom(server, username, password, { address: from })),
      recoveryCodes[1]!,
      from,
    );
    expect(old.status).toBe(401);
  });

  it('[AS4] a remembered browser skips the code for 30 days, and only that browser', async () => {
    const { username, secret } = await withTwoFactor();
    const from = address();
    vi.useFakeTimers({ toFake: ['Date'] });
    const first = await signInFrom(server, username, password, { address: from });
    const signedIn = await secondStep(challengeOf(first), codeOf(secret, 1), from, true, first.cookies);
    expect(signedIn.status).toBe(200);
    const device = first.cookies.vz_device ?? signedIn.cookies.vz_device!;
    const remembered = await signInFrom(server, username, password, {
      address: from,
      cookies: { vz_device: device },
    });
    expect(remembered.cookies.vz_session).toBeTruthy();
    const other = await signInFrom(server, username, password, { address: from });
    expect(other.body).toHaveProperty('secondStep');
    vi.setSystemTime(Date.now() + 30 * 86_400_000 + 1000);
    const later = await signInFrom(server, username, password, {
      address: from,
      cookies: { vz_device: device },
    });
    expect(later.body).toHaveProperty('secondStep');
  });

  it('[AS4] an expired challenge asks for the password again', async () => {
    const { username, secret } = await withTwoFactor();
    const from = address();
    vi.useFakeTimers({ toFake: ['Date'] });
    const challenge = challengeOf(await signInFrom(server, username, password, { address: from }));
    vi.setSystemTime(Date.now() + 6 * 60_000);
    const late = await secondStep(challenge, codeOf(secret), from);
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ code: 'challenge-expired' });
  });
});

describe('clients may choose two-factor sign-in; without REQUIRE_2FA nobody must', () => {
  it('[AS7] a client signs in with the password alone, and may turn it on and off', async () => {
    const target = await startTestServer();
    try {
      const clientCase = insertCase(target.db);
      const userId = await target.services.accounts.create({
        username: `client-${clientCase}`,
        displayName: 'Cliënt',
        role: 'client',
        clientCaseId: clientCase,
      });
      const username = await withPassword(target, userId, password);
      const answer = await signInFrom(target, username, password);
      expect(answer.status).toBe(200);
      const info = answer.body as unknown as SessionInfo;
      expect(info.user.twoFactorSetupRequired).toBeUndefined();
      const browser = { cookies: answer.cookies, csrfToken: info.csrfToken };
      const setup = await requestFrom(target, 'POST', '/api/session/two-factor/setup', {
        ...browser,
        body: {},
      });
      const { secret } = setup.body as unknown as TwoFactorSetup;
      const on = await requestFrom(target, 'POST', '/api/session/two-factor', {
        ...browser,
        body: { code: codeOf(secret) },
      });
      expect(on.status).toBe(200);
      const off = await requestFrom(target, 'POST', '/api/session/two-factor/disable', {
        ...browser,
        body: { currentPassword: password },
      });
      expect(off.status).toBe(204);
      expect((await signInFrom(target, username, password)).cookies.vz_session).toBeTruthy();
    } finally {
      await target.close();
    }
  });
});
