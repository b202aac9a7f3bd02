import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetails, CaseSummary } from '../../../shared/api.js';
import { signIn } from '../../utils/accounts.js';
import { insertCase, startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

let server: TestServer;
/** The GP's session cookie: a member of both cases (the list shows only a person's own cases). */
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  const { db } = server;
  db.prepare(
    "INSERT INTO organisations (id, name, kind) VALUES ('o1', 'Huisartsenpraktijk De Linde', 'gp-practice')",
  ).run();
  db.prepare(
    "INSERT INTO teams (id, name, kind) VALUES ('t1', 'Wijkteam Noord', 'neighbourhood-team')",
  ).run();
  const professional = db.prepare(
    `INSERT INTO professionals (id, name, role_title, domain, team_id, organisation_id, phone, email)
     VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)`,
  );
  professional.run('p-gp', 'Dr. Ayşe Kaya', 'Huisarts', 'medical', null, 'o1');
  professional.run('p-wt', 'Joris de Vries', 'Wijkteammedewerker', 'social', 't1', null);
  insertCase(db, 'zahra');
  insertCase(db, 'bert');
  db.prepare("UPDATE cases SET client_name = 'Bert Jansen', coordinator_id = 'p-wt' WHERE id = 'bert'").run();
  db.prepare("UPDATE cases SET client_name = 'Zahra Amrani' WHERE id = 'zahra'").run();
  db.prepare(
    "INSERT INTO case_members (case_id, professional_id, case_role) VALUES ('bert', 'p-gp', 'medisch')",
  ).run();
  db.prepare(
    "INSERT INTO case_members (case_id, professional_id, case_role) VALUES ('zahra', 'p-gp', 'medisch')",
  ).run();
  const gp = await server.services.accounts.create({
    username: 'ayse',
    displayName: 'Dr. Ayşe Kaya',
    role: 'professional',
    professionalId: 'p-gp',
  });
  cookie = (await signIn(server, gp)).cookie;
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie } });

describe('GET /api/cases', () => {
  it('lists the cases the person is on by client name with neighbourhood, coordinator and member count', async () => {
    const response = await get('/api/cases');
    expect(response.status).toBe(200);
    const { cases } = (await response.json()) as { cases: CaseSummary[] };
    expect(cases.map((c) => c.id)).toEqual(['bert', 'zahra']);
    expect(cases[0]).toMatchObject({
      clientName: 'Bert Jansen',
      neighbourhood: 'Testbuurt',
      recoveryContext: 'stroke',
      status: 'open',
      coordinator: { id: 'p-wt', name: 'Joris de Vries' },
      memberCount: 1,
    });
    expect(cases[1]).toMatchObject({ coordinator: null, memberCount: 1 });
  });
});

describe('GET /api/cases/:caseId', () => {
  it('returns the case with its members, the coordinator listed among them', async () => {
    const response = await get('/api/cases/bert');
    expect(response.status).toBe(200);
    const { case: details } = (await response.json()) as { case: CaseDetails };
    expect(details.id).toBe('bert');
    expect(details.members.map((m) => [m.id, m.caseRole])).toEqual([
      ['p-wt', 'coordinator'],
      ['p-gp', 'medisch'],
    ]);
    expect(details.members[1]).toMatchObject({
      name: 'Dr. Ayşe Kaya',
      roleTitle: 'Huisarts',
      domain: 'medical',
      organisation: 'Huisartsenpraktijk De Linde',
      team: null,
    });
  });

  it('a malformed case id is a 400 that names caseId', async () => {
    const response = await get(`/api/cases/${encodeURIComponent('bad!id')}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^caseId: /);
  });

  it('an unknown case id is a 404', async () => {
    const response = await get('/api/cases/nobody');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain('nobody');
  });
});

describe('the rest of the HTTP surface', () => {
  it('GET /healthz says ok, and nothing more to someone who is not an admin', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('an unknown API route is a JSON 404', async () => {
    const response = await get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no route GET /api/nothing-here' });
  });
});
