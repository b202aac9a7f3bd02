import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEntry } from '../../../shared/accessLog.js';
import type { CaseChoice, ChoicesAnswer, PersonChoice } from '../../../shared/accessLogChoices.js';
import { addAccount, addProfessional } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { addCase } from '../../utils/cases.js';
import { api } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * The access-log search picks a client and a person by part of their name (accents and case
 * aside), and filters by event: only the admin gets the suggestions, at most 20 at a time.
 */
let server: TestServer;
let t: CaseTeam;
let ozlemCase: string;
let closedCase: string;
let emile: string;
let ozlemAccount: string;
beforeAll(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
  ozlemCase = addCase(server.db, { clientName: 'Özlem Yılmaz' });
  closedCase = addCase(server.db, { clientName: 'Jan de Vries', status: 'closed' });
  for (let n = 1; n <= 25; n++) addCase(server.db, { clientName: `Familie Bakker ${n}` });
  emile = addProfessional(server, { name: 'Émile Dubois' }).userId;
  ozlemAccount = addAccount(server, {
    username: 'ozlem.y',
    displayName: 'Özlem Yılmaz',
    role: 'client',
    clientCaseId: ozlemCase,
  });
});
afterAll(async () => {
  await server?.close();
});

const cases = async (q: string, who: Person = t.admin) => {
  const answer = await api(
    server,
    who.userId,
    'GET',
    `/api/admin/access-log/cases?q=${encodeURIComponent(q)}`,
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as ChoicesAnswer<CaseChoice>;
};
const people = async (q: string) => {
  const answer = await api(
    server,
    t.admin.userId,
    'GET',
    `/api/admin/access-log/people?q=${encodeURIComponent(q)}`,
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as ChoicesAnswer<PersonChoice>;
};

describe('picking a client for the access-log search', () => {
  it('finds a client by part of the name, whatever the case and accents', async () => {
    for (const q of ['ozlem', 'ÖZLEM', 'yilmaz', 'lem yıl'])
      expect((await cases(q)).choices, q).toEqual([
        { id: ozlemCase, clientName: 'Özlem Yılmaz', birthYear: null, status: 'open' },
      ]);
  });

  it('finds closed clients too, and a pasted case id', async () => {
    expect((await cases('de vries')).choices.map((c) => [c.id, c.status])).toEqual([[closedCase, 'closed']]);
    expect((await cases(closedCase)).choices[0]?.id).toBe(closedCase);
  });

  it('answers at most 20 and says there are more', async () => {
    const answer = await cases('bakker');
    expect(answer.choices).toHaveLength(20);
    expect(answer.more).toBe(true);
    expect((await cases('vries')).more).toBe(false);
    expect((await cases('niemand-heet-zo')).choices).toEqual([]);
  });

  it('is a list read of the clients it showed, without what was typed (LG3)', async () => {
    await cases('yilmaz');
    const found = await server.services.audit.search({ caseId: ozlemCase, userId: t.admin.userId });
    const read = found.find((e: AccessEntry) => e.details?.resource === 'access-log-cases');
    expect(read).toMatchObject({ event: 'search', role: 'admin', details: { listed: 1, results: 1 } });
    expect(JSON.stringify(read)).not.toMatch(/yilmaz/i);
  });
});

describe('picking a person for the access-log search', () => {
  it('finds professionals, clients and admins by part of their name or username', async () => {
    expect((await people('EMILE')).choices).toEqual([
      expect.objectContaining({ id: emile, name: 'Émile Dubois', role: 'professional' }),
    ]);
    expect((await people('coördinator')).choices.map((p) => p.id)).toEqual(
      expect.arrayContaining([t.coordinator.userId, t.otherCoordinator.userId]),
    );
    expect((await people('ozlem.y')).choices).toEqual([
      { id: ozlemAccount, name: 'Özlem Yılmaz', username: 'ozlem.y', role: 'client' },
    ]);
    expect((await people('beheer')).choices.map((p) => [p.id, p.role])).toEqual([[t.admin.userId, 'admin']]);
  });

  it("a client's account found is a list read of their case (LG3)", async () => {
    await people('yılmaz');
    const found = await server.services.audit.search({ caseId: ozlemCase, userId: t.admin.userId });
    expect(found.some((e) => e.details?.resource === 'access-log-people')).toBe(true);
  });
});

describe('who may ask, and what is refused', () => {
  for (const path of ['/api/admin/access-log/cases?q=ozlem', '/api/admin/access-log/people?q=ozlem']) {
    it(`${path.split('?')[0]}: only the admin (401 signed out, 403 anyone else)`, async () => {
      expect((await api(server, null, 'GET', path)).status).toBe(401);
      for (const who of [t.coordinator, t.gp, t.client])
        expect((await api(server, who.userId, 'GET', path)).status).toBe(403);
    });
  }

  it('refuses a missing, empty or too long search, naming q', async () => {
    const ask = (query: string) => api(server, t.admin.userId, 'GET', `/api/admin/access-log/cases${query}`);
    expect((await ask('')).body).toEqual({ error: 'q: is required' });
    expect((await ask('?q=%20%20')).body).toEqual({ error: 'q: is required' });
    const tooLong = await ask(`?q=${'a'.repeat(101)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual({ error: 'q: must be at most 100 characters' });
  });
});

describe('the search filters by event', () => {
  it('shows only the entries of the chosen event, and refuses an unknown one', async () => {
    await people('emile');
    const search = async (query: string) =>
      (await api(server, t.admin.userId, 'GET', `/api/admin/access-log?${query}`)).body as {
        entries: AccessEntry[];
      };
    const { entries } = await search(`event=search&userId=${t.admin.userId}`);
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.event))).toEqual(new Set(['search']));
    const refused = await api(server, t.admin.userId, 'GET', '/api/admin/access-log?event=gelezen');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: 'event: must be one of the access log’s events' });
  });
});
