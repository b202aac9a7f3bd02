import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/app.js';
import type { RunningServer } from '../../../server/app.js';
import { ConfigError, loadConfig } from '../../../server/config.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { signIn, withPassword } from '../../utils/accounts.js';
import { separateAuditFiles } from '../../utils/audit.js';
import { eventually } from '../../utils/eventually.js';
import { openRawSocket } from '../../utils/rawSocket.js';
import { insertCase, startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Issue 11, item 13: headers and noise. The server is started as in production, behind a proxy
 * that ends TLS (`X-Forwarded-Proto: https`, `X-Forwarded-For`), with TRUST_PROXY=1.
 */
const password = 'een-lang-en-sterk-wachtwoord-voor-de-test';
const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };

/** A built client with a source map next to its bundle. */
function builtClient(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-client-'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/app.js"></script>',
  );
  fs.writeFileSync(path.join(dir, 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map\n');
  fs.writeFileSync(path.join(dir, 'app.js.map'), '{"version":3,"sources":["../client/src/secret.ts"]}');
  return dir;
}

let production: RunningServer;
let clientUser: { userId: string; username: string; caseId: string };
beforeAll(async () => {
  const { dataDir, audit } = separateAuditFiles();
  const config = loadConfig({
    NODE_ENV: 'production',
    TRUST_PROXY: '1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    AUDIT_KEY_FILE: audit.keyFile,
    PUBLIC_URL: 'https://veelzijdig.example.nl',
    // Two-factor sign-in has tests of its own; here admins and professionals sign in with a session.
    REQUIRE_2FA: 'false',
  });
  production = await startServer({ ...config, clientDir: builtClient() });
  const caseId = insertCase(production.db);
  const userId = await production.services.accounts.create({
    username: `client-${Date.now()}`,
    displayName: 'Cliënt',
    role: 'client',
    clientCaseId: caseId,
  });
  clientUser = { userId, caseId, username: await withPassword(production, userId, password) };
});
afterAll(async () => {
  await production?.close();
});

describe('production behind a TLS-terminating proxy', () => {
  it('signing in over the proxy sets a Secure session cookie and HSTS, and logs the real address', async () => {
    const response = await fetch(`${production.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...forwarded },
      body: JSON.stringify({ username: clientUser.username, password }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('vz_session='));
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000; includeSubDomains/);
    const [login] = await production.services.audit.search({ event: 'login', userId: clientUser.userId });
    expect(login).toMatchObject({ address: '203.0.113.9' });
  });

  it('a sync connection through the proxy is logged with the real address too', async () => {
    production.db
      .prepare(
        "INSERT INTO professionals (id, name, role_title, domain) VALUES ('prof-prod', 'Prod', 'Test', 'social')",
      )
      .run();
    production.db
      .prepare(
        "INSERT INTO case_members (case_id, professional_id, case_role) VALUES (?, 'prof-prod', 'test')",
      )
      .run(clientUser.caseId);
    const userId = await production.services.accounts.create({
      username: `prof-${Date.now()}`,
      displayName: 'Prod',
      role: 'professional',
      professionalId: 'prof-prod',
    });
    const { cookie } = await signIn(production, userId);
    const socket = openRawSocket(production.url, caseDocumentName(clientUser.caseId), '', {
      cookie,
      origin: 'https://veelzijdig.example.nl',
      ...forwarded,
    });
    await eventually(() => expect(socket.received.length).toBeGreaterThan(0));
    socket.ws.close();
    const [open] = await production.services.audit.search({ event: 'document-open', userId });
    expect(open).toMatchObject({ address: '203.0.113.9' });
  });

  it('every page says which browser features are off', async () => {
    for (const page of ['/', '/api/session', '/healthz']) {
      const policy = (await fetch(`${production.url}${page}`)).headers.get('permissions-policy');
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
        expect(policy).toContain(`${feature}=()`);
    }
  });

  it('source maps are not served; the bundle is', async () => {
    expect((await fetch(`${production.url}/app.js`)).status).toBe(200);
    const map = await fetch(`${production.url}/app.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('secret.ts');
  });

  it('/healthz says ok to anyone, and how busy the server is only to an admin', async () => {
    const anonymous = await fetch(`${production.url}/healthz`);
    expect(await anonymous.json()).toEqual({ status: 'ok' });
    const asClient = await fetch(`${production.url}/healthz`, {
      headers: (await signIn(production, clientUser.userId)).headers,
    });
    expect(await asClient.json()).toEqual({ status: 'ok' });
    const adminId = await production.services.accounts.create({
      username: `beheer-${Date.now()}`,
      displayName: 'Beheer',
      role: 'admin',
    });
    const asAdmin = await fetch(`${production.url}/healthz`, {
      headers: (await signIn(production, adminId)).headers,
    });
    expect(await asAdmin.json()).toEqual({
      status: 'ok',
      documentsLoaded: expect.any(Number),
      connections: expect.any(Number),
    });
  });
});

describe('without TRUST_PROXY the forwarded headers are not believed', () => {
  let dev: TestServer;
  beforeAll(async () => {
    dev = await startTestServer();
  });
  afterAll(async () => {
    await dev?.close();
  });

  it('no HSTS and no Secure cookie on plain http, and the address is the one that connected', async () => {
    const response = await fetch(`${dev.url}/api/session`, { headers: forwarded });
    expect(response.headers.get('strict-transport-security')).toBeNull();
    const caseId = insertCase(dev.db);
    const userId = await dev.services.accounts.create({
      username: `c-${Date.now()}`,
      displayName: 'C',
      role: 'client',
      clientCaseId: caseId,
    });
    const username = await withPassword(dev, userId, password);
    const signedIn = await fetch(`${dev.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...forwarded },
      body: JSON.stringify({ username, password }),
    });
    expect(signedIn.headers.getSetCookie().find((c) => c.startsWith('vz_session='))).not.toMatch(/Secure/);
    expect((await dev.services.audit.search({ event: 'login', userId }))[0]).toMatchObject({
      address: '127.0.0.1',
    });
  });
});

describe('TRUST_PROXY is validated at start-up', () => {
  it.each(['1', '2', 'loopback', '10.0.0.0/8, loopback', '192.0.2.1', 'false'])('accepts %s', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).not.toThrow();
  });
  it.each(['true', 'yes', '10.0.0.0/33', 'proxy.example.nl'])(
    'refuses %s and names the variable',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/^TRUST_PROXY: /);
    },
  );
  it('reads a number of hops or a list of addresses', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback,10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});
