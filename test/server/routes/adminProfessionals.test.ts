import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AdminProfessional,
  OneTimeLinkAnswer,
  OrphanedCasesAnswer,
  ProfessionalsAnswer,
} from '../../../shared/adminApi.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { addMember, signIn, withPassword } from '../../utils/accounts.js';
import { connectClient, synced } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api, errorOf } from '../../utils/http.js';
import { insertCase, startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Professionals and their accounts as the functional administrator keeps them (SPEC PP5–PP11):
 * new colleagues with a one-time link, edits, leavers (disabled: sessions end, open boards close,
 * their cases need a new coordinator), enabling again, password resets, and paged search.
 */
let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({ accessRecheckMs: 60_000 }); // closing must not wait for the periodic check
  admin = await server.services.accounts.create({ username: 'beheer', displayName: 'Beheer', role: 'admin' });
  insertCase(server.db, 'case-seed'); // district d1, neighbourhood n1
  server.db
    .prepare(
      "INSERT INTO teams (id, name, kind, neighbourhood_id) VALUES ('team-gp', 'Huisartsen', 'primary-care', 'n1')",
    )
    .run();
});
afterAll(async () => {
  await server?.close();
});

const as = (userId: string | null, method: string, path: string, body?: unknown) =>
  api(server, userId, method, path, body);
const unique = () => randomUUID().slice(0, 6);
const details = (overrides: Record<string, unknown> = {}) => ({
  name: 'Joke Visser',
  roleTitle: 'Wijkverpleegkundige',
  side: 'medical',
  teamId: 'team-gp',
  organisationId: null,
  phone: '06-12345678',
  email: 'joke@example.org',
  ...overrides,
});
async function create(overrides: Record<string, unknown> = {}) {
  const answer = await as(admin, 'POST', '/api/admin/professionals', {
    ...details(overrides),
    username: `joke-${unique()}`,
    role: 'coordinator',
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const body = answer.body as OneTimeLinkAnswer & { id: string };
  const professional = await server.services.professionals.get(body.id);
  return { ...body, professional, userId: professional.account!.userId };
}
const whoAmI = (cookie: string) => fetch(`${server.url}/api/session`, { headers: { cookie } });
const snapshot = () =>
  JSON.stringify(
    ['professionals', 'users', 'invitations', 'two_factor', 'cases'].map((table) =>
      server.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    ),
  );

describe('a new colleague', () => {
  it('[PP6] is created with a one-time link that opens their invitation', async () => {
    const made = await create();
    expect(made.link).toMatch(new RegExp(`^${server.url}/invitation/[A-Za-z0-9_-]{20,}$`));
    const token = made.link.split('/').pop()!;
    const invitation = await as(null, 'GET', `/api/invitations/${token}`);
    expect(invitation.status).toBe(200);
    expect(made.professional).toMatchObject({ name: 'Joke Visser', side: 'medical', team: 'Huisartsen' });
    expect(made.professional.account).toMatchObject({ role: 'coordinator', state: 'invited' });
  });

  it('[PP4] bad details answer 400 naming the field, and nothing is stored', async () => {
    const before = snapshot();
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ name: '' }, /^name: is required/],
      [{ phone: 'bel me' }, /^phone: must be a phone number/],
      [{ email: 'geen-adres' }, /^email: must be an e-mail address/],
      [{ side: 'legal' }, /^side: /],
      [{ teamId: 'team-nope' }, /^teamId: no team/],
    ];
    for (const [overrides, error] of bad) {
      const answer = await as(admin, 'POST', '/api/admin/professionals', {
        ...details(overrides),
        username: `x-${unique()}`,
        role: 'professional',
      });
      expect(answer.status, JSON.stringify(overrides)).toBe(400);
      expect(errorOf(answer)).toMatch(error);
    }
    const spaced = await as(admin, 'POST', '/api/admin/professionals', {
      ...details(),
      username: 'met spatie',
      role: 'professional',
    });
    expect(errorOf(spaced)).toMatch(/^username: /);
    expect(snapshot()).toBe(before);
  });
});

describe('editing', () => {
  it('[PP7] the admin edits every detail; the account follows the name', async () => {
    const { id, userId } = await create();
    const answer = await as(
      admin,
      'PUT',
      `/api/admin/professionals/${id}`,
      details({
        name: 'Joke de Vries',
        roleTitle: 'POH-GGZ',
        side: 'social',
        teamId: null,
        phone: null,
        email: null,
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      name: 'Joke de Vries',
      roleTitle: 'POH-GGZ',
      side: 'social',
      teamId: null,
    });
    const user = server.db.prepare('SELECT display_name AS n FROM users WHERE id = ?').get(userId);
    expect(user).toEqual({ n: 'Joke de Vries' });
    const [entry] = await server.services.audit.search({ event: 'professional-changed' });
    expect(entry?.details).toMatchObject({ professionalId: id });
    // The log names the fields, never their values.
    expect(JSON.stringify(entry)).not.toContain('Joke de Vries');
  });

  it('[PP5] nobody escalates a professional into an admin through the edit route, and others are refused', async () => {
    const { id, userId } = await create();
    await withPassword(server, userId, 'een-lang-wachtwoord');
    const before = snapshot();
    const promote = await as(admin, 'PUT', `/api/admin/professionals/${id}`, details({ role: 'admin' }));
    expect(promote.status).toBe(400);
    expect(errorOf(promote)).toMatch(/^role: /);
    const asNew = await as(admin, 'POST', '/api/admin/professionals', {
      ...details(),
      username: `boss-${unique()}`,
      role: 'admin',
    });
    expect(asNew.status).toBe(400);
    // The professional themself, with a session of their own, may not edit anyone (themselves included).
    for (const [method, path, body] of [
      ['PUT', `/api/admin/professionals/${id}`, details({ role: 'coordinator', name: 'Ik' })],
      ['POST', `/api/admin/professionals/${id}/enable`, {}],
      ['POST', `/api/admin/professionals/${id}/disable`, {}],
      ['POST', `/api/admin/professionals/${id}/password-reset`, { twoFactor: true }],
      ['GET', '/api/admin/professionals', undefined],
    ] as const) {
      expect((await as(userId, method, path, body)).status, path).toBe(403);
      expect((await as(null, method, path, body)).status, path).toBe(401);
    }
    expect(snapshot()).toBe(before);
    const role = server.db.prepare('SELECT role FROM users WHERE id = ?').get(userId);
    expect(role).toEqual({ role: 'coordinator' });
    // Unknown fields are ignored, never stored: no `role: admin` by the back door.
    const sneaky = await as(admin, 'PUT', `/api/admin/professionals/${id}`, {
      ...details(),
      isAdmin: true,
      username: 'root',
    });
    expect(sneaky.status).toBe(200);
    expect(server.db.prepare('SELECT role, username FROM users WHERE id = ?').get(userId)).toMatchObject({
      role: 'coordinator',
    });
    expect(
      (server.db.prepare('SELECT username FROM users WHERE id = ?').get(userId) as { username: string })
        .username,
    ).not.toBe('root');
  });
});

describe('a leaver', () => {
  it('[PP8] [PP9] disabling ends every session at once, closes open boards, and their cases need a new coordinator', async () => {
    const { id, userId, professional } = await create();
    const caseId = insertCase(server.db);
    server.db.prepare('UPDATE cases SET coordinator_id = ? WHERE id = ?').run(professional.id, caseId);
    addMember(server.db, caseId, professional.id);
    await withPassword(server, userId, 'een-lang-wachtwoord');
    const sessions = [await signIn(server, userId), await signIn(server, userId)];
    const board = connectClient(server.url, caseDocumentName(caseId), undefined, sessions[0]!.headers);
    await synced(board);
    expect(await server.services.professionals.needsNewCoordinator(caseId)).toBe(false);

    const disabled = await as(admin, 'POST', `/api/admin/professionals/${id}/disable`);
    expect(disabled.status).toBe(200);
    expect((disabled.body as AdminProfessional).account!.state).toBe('disabled');
    for (const session of sessions) expect((await whoAmI(session.cookie)).status).toBe(401);
    await eventually(() => expect(board.closes.map((c) => c.code)).toContain(4401));
    board.destroy();
    // Their password no longer signs in, and a new session is no session.
    const signInAgain = await as(null, 'POST', '/api/session', {
      username: professional.account!.username,
      password: 'een-lang-wachtwoord',
    });
    expect(signInAgain.status).toBe(401);
    expect((await whoAmI((await signIn(server, userId)).cookie)).status).toBe(401);

    expect(await server.services.professionals.needsNewCoordinator(caseId)).toBe(true);
    const orphans = (await as(admin, 'GET', '/api/admin/orphaned-cases')).body as OrphanedCasesAnswer;
    const orphan = orphans.cases.find((c) => c.caseId === caseId)!;
    expect(orphan).toMatchObject({ alias: 'T.C.', formerCoordinator: { id: professional.id } });
    const [entry] = await server.services.audit.search({ event: 'account-disabled' });
    expect(entry?.details).toMatchObject({ professionalId: id, sessionsEnded: 2, coordinates: 1 });

    // Enabled again, the old password works and the case has its coordinator back.
    expect((await as(admin, 'POST', `/api/admin/professionals/${id}/enable`)).status).toBe(200);
    const back = await as(null, 'POST', '/api/session', {
      username: professional.account!.username,
      password: 'een-lang-wachtwoord',
    });
    expect(back.status).toBeLessThan(300);
    expect(await server.services.professionals.needsNewCoordinator(caseId)).toBe(false);
  });

  it("[PP8] a disabled leaver's unused invitation stops working", async () => {
    const { id, link } = await create();
    await as(admin, 'POST', `/api/admin/professionals/${id}/disable`);
    expect((await as(null, 'GET', `/api/invitations/${link.split('/').pop()}`)).status).toBe(410);
  });
});

describe('a forgotten password', () => {
  it('[PP10] a reset makes one new link, ends the old sessions, and clears two-step verification when asked', async () => {
    const { id, userId } = await create();
    await withPassword(server, userId, 'een-lang-wachtwoord');
    server.db
      .prepare("INSERT INTO two_factor (user_id, secret, enabled_at) VALUES (?, 'JBSWY3DPEHPK3PXP', ?)")
      .run(userId, new Date().toISOString());
    const old = await signIn(server, userId);
    const first = await as(admin, 'POST', `/api/admin/professionals/${id}/password-reset`, {});
    expect(first.status).toBe(201);
    expect((await whoAmI(old.cookie)).status).toBe(401);
    expect(await server.services.twoFactor.isEnabled(userId)).toBe(true); // not asked
    const second = await as(admin, 'POST', `/api/admin/professionals/${id}/password-reset`, {
      twoFactor: true,
    });
    expect(second.status).toBe(201);
    expect(await server.services.twoFactor.isEnabled(userId)).toBe(false);
    const token = (l: unknown) => (l as OneTimeLinkAnswer).link.split('/').pop();
    expect((await as(null, 'GET', `/api/invitations/${token(first.body)}`)).status).toBe(410); // the earlier link
    expect((await as(null, 'GET', `/api/invitations/${token(second.body)}`)).status).toBe(200);
    expect(await server.services.audit.search({ event: 'two-factor-reset' })).toHaveLength(1);
  });
});

describe('the list', () => {
  it('[PP11] pages and searches in SQL, accents and case aside', async () => {
    const insert = server.db.prepare(
      "INSERT INTO professionals (id, name, role_title, domain) VALUES (?, ?, 'Tester', 'social')",
    );
    server.db.transaction(() => {
      for (let i = 0; i < 60; i++)
        insert.run(`prof-list-${i}`, `Lijst Persoon ${String(i).padStart(2, '0')}`);
      insert.run('prof-list-accent', 'Anaïs Çelik');
    })();
    const page = async (query: string) =>
      (await as(admin, 'GET', `/api/admin/professionals?${query}`)).body as ProfessionalsAnswer;
    const first = await page('q=lijst&limit=25');
    expect(first.total).toBe(60);
    expect(first.rows.map((r) => r.name).slice(0, 2)).toEqual(['Lijst Persoon 00', 'Lijst Persoon 01']);
    const third = await page('q=lijst&limit=25&offset=50');
    expect(third.rows).toHaveLength(10);
    expect((await page('q=anais celik')).rows.map((r) => r.id)).toEqual(['prof-list-accent']);
    expect((await page('q=%25')).total).toBe(0); // LIKE's own characters are searched for, not obeyed
    const tooMany = await as(admin, 'GET', '/api/admin/professionals?limit=1000');
    expect(tooMany.status).toBe(400);
    expect(errorOf(tooMany)).toMatch(/^limit: /);
  });
});
