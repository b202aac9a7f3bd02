import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { signIn } from '../../utils/accounts.js';
import { api, errorOf } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/** Input is validated with a readable answer, errors never leak internals, headers protect the page. */
let server: TestServer;
let t: CaseTeam;
beforeAll(async () => {
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-client-'));
  fs.writeFileSync(
    path.join(clientDir, 'index.html'),
    '<!doctype html><script type="module" src="/app.js"></script>',
  );
  server = await startTestServer({ clientDir });
  t = await caseTeam(server);
});
afterAll(async () => {
  await server?.close();
});

const leaksInternals = (text: string) => /\n\s+at |node_modules|SqliteError|\.ts:\d+/.test(text);

describe('every route validates its input and names the wrong field (400)', () => {
  const professional = {
    name: 'Nieuw',
    roleTitle: 'Wijkverpleegkundige',
    side: 'medical',
    teamId: null,
    organisationId: null,
    phone: null,
    email: null,
    username: 'nieuw',
    role: 'professional',
  };
  const rows: {
    as: (t: CaseTeam) => Person | null;
    method: string;
    path: (t: CaseTeam) => string;
    body?: unknown;
    field: string;
  }[] = [
    {
      as: () => null,
      method: 'POST',
      path: () => '/api/session',
      body: { password: 'x' },
      field: 'username',
    },
    {
      as: () => null,
      method: 'POST',
      path: () => '/api/session',
      body: { username: 'a', password: 'x'.repeat(201) },
      field: 'password',
    },
    {
      as: (t) => t.gp,
      method: 'POST',
      path: () => '/api/session/password',
      body: { currentPassword: '', newPassword: 'x' },
      field: 'currentPassword',
    },
    {
      as: (t) => t.gp,
      method: 'PUT',
      path: () => '/api/session/language',
      body: { language: 'de' },
      field: 'language',
    },
    { as: (t) => t.gp, method: 'GET', path: () => '/api/cases/bad!id', field: 'caseId' },
    {
      as: (t) => t.coordinator,
      method: 'PUT',
      path: (t) => `/api/cases/${t.caseId}/members/${t.bystander.professionalId}`,
      body: { caseRole: 'maatje', access: 'admin' },
      field: 'access',
    },
    {
      as: (t) => t.coordinator,
      method: 'PUT',
      path: (t) => `/api/cases/${t.caseId}/members/nobody`,
      body: { caseRole: 'maatje', access: 'read' },
      field: 'professionalId',
    },
    {
      as: (t) => t.coordinator,
      method: 'POST',
      path: (t) => `/api/cases/${t.caseId}/consents`,
      body: { compartment: 'medical', how: 'spoken', givenOn: '2026-01-05' },
      field: 'sharedWithDomain',
    },
    {
      as: (t) => t.coordinator,
      method: 'POST',
      path: (t) => `/api/cases/${t.caseId}/consents`,
      body: { compartment: 'medical', sharedWithDomain: 'medical', how: 'spoken', givenOn: '2026-01-05' },
      field: 'sharedWithDomain',
    },
    {
      as: (t) => t.coordinator,
      method: 'POST',
      path: (t) => `/api/cases/${t.caseId}/consents/not-a-uuid/withdraw`,
      body: {},
      field: 'consentId',
    },
    {
      as: (t) => t.coordinator,
      method: 'POST',
      path: (t) => `/api/cases/${t.caseId}/invitation`,
      body: { username: 'ab', displayName: 'X' },
      field: 'username',
    },
    {
      as: (t) => t.client,
      method: 'PUT',
      path: () => '/api/my/goals/g1/words',
      body: { words: 'x'.repeat(2001) },
      field: 'words',
    },
    {
      as: (t) => t.admin,
      method: 'POST',
      path: () => '/api/admin/teams',
      body: { name: 'Team', kind: 'club', neighbourhoodId: 'n1' },
      field: 'kind',
    },
    {
      as: (t) => t.admin,
      method: 'POST',
      path: () => '/api/admin/teams',
      body: { name: 'Team', kind: 'other', neighbourhoodId: 'nowhere' },
      field: 'neighbourhoodId',
    },
    {
      as: (t) => t.admin,
      method: 'POST',
      path: () => '/api/admin/professionals',
      body: { ...professional, email: 'geen-adres' },
      field: 'email',
    },
    {
      as: (t) => t.admin,
      method: 'POST',
      path: () => '/api/admin/professionals',
      body: { ...professional, teamId: 'team-none' },
      field: 'teamId',
    },
    { as: (t) => t.admin, method: 'GET', path: () => '/api/admin/access-log?from=yesterday', field: 'from' },
    { as: (t) => t.admin, method: 'GET', path: () => '/api/admin/access-log?limit=5000', field: 'limit' },
  ];
  for (const { as, method, path, body, field } of rows) {
    it(`${method} ${path({ caseId: ':caseId', bystander: { professionalId: ':id' } } as CaseTeam)} → 400 "${field}: …"`, async () => {
      const answer = await api(server, as(t)?.userId ?? null, method, path(t), body);
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatch(new RegExp(`^${field}: `));
    });
  }
});

describe('errors never show internals', () => {
  it('a failure inside a route is a plain 500 without a stack trace or SQL', async () => {
    server.db.exec('ALTER TABLE teams RENAME TO teams_away');
    try {
      const answer = await api(server, t.admin.userId, 'GET', '/api/admin/teams');
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({ error: 'internal error' });
    } finally {
      server.db.exec('ALTER TABLE teams_away RENAME TO teams');
    }
  });

  const bodies = [
    { why: 'malformed JSON', body: '{"username": ', status: 400 },
    {
      why: 'a body over 100 kB',
      body: JSON.stringify({ username: 'a', password: 'x'.repeat(120_000) }),
      status: 413,
    },
  ];
  for (const { why, body, status } of bodies) {
    it(`${why} is a ${status} with a short JSON error`, async () => {
      const response = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(status);
      const text = await response.text();
      expect(leaksInternals(text)).toBe(false);
      expect(Object.keys(JSON.parse(text) as object)).toEqual(['error']);
    });
  }
});

describe('security headers', () => {
  const cspOf = (response: Response) =>
    new Map(
      response.headers
        .get('content-security-policy')!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );

  for (const page of ['/', '/cases/abc', '/api/session', '/healthz']) {
    it(`${page}: a CSP without inline scripts, nosniff, no framework banner`, async () => {
      const response = await fetch(`${server.url}${page}`, {
        headers: (await signIn(server, t.gp.userId)).headers,
      });
      const csp = cspOf(response);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('strict-transport-security')).toBeNull(); // plain http in tests
    });
  }

  it('API answers are never cached', async () => {
    const response = await fetch(`${server.url}/api/session`);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('behind HTTPS (Secure cookies) the browser is told to stay on HTTPS', async () => {
    const secure = await startTestServer({ session: { cookieSecure: true } });
    try {
      const response = await fetch(`${secure.url}/healthz`);
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(cspOf(response).has('upgrade-insecure-requests')).toBe(true);
    } finally {
      await secure.close();
    }
  });
});
