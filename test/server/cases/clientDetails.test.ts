import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetails, ClientPlan } from '../../../shared/api.js';
import type { ClientDetailsRequest } from '../../../shared/intakeApi.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { api, errorOf } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/** The client's details on the board (SPEC CL9) and whom the client calls after closing (CL6). */
let server: TestServer;
let t: CaseTeam;
beforeEach(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
  server.db
    .prepare(
      `UPDATE cases SET date_of_birth = '1961-04-12', birth_year = 1961, address = 'Dorpsstraat 1, Zwolle',
         phone = '038 123 4567', preferred_language = 'tr', reading_level = 'plain', bsn = '111222333' WHERE id = ?`,
    )
    .run(t.caseId);
});
afterEach(async () => {
  await server.close();
});

const path = (suffix = '') => `/api/cases/${t.caseId}${suffix}`;
const details = async (who: Person) =>
  ((await api(server, who.userId, 'GET', path())).body as { case: CaseDetails }).case;
const corrected = (overrides: Partial<ClientDetailsRequest> = {}): ClientDetailsRequest => ({
  dateOfBirth: '1961-04-21',
  address: 'Kerkstraat 9, Zwolle',
  phone: '06 1234 5678',
  preferredLanguage: 'ar',
  readingLevel: 'low',
  ...overrides,
});
const correct = (who: Person, body: unknown = corrected()) =>
  api(server, who.userId, 'PUT', path('/client'), body);
const stored = () =>
  server.db
    .prepare(
      `SELECT date_of_birth, birth_year, address, phone, preferred_language, reading_level, bsn FROM cases WHERE id = ?`,
    )
    .get(t.caseId);
const accessLog = (event: string) =>
  server.db
    .prepare('SELECT details, outcome FROM access_log WHERE event = ? AND case_id = ?')
    .all(event, t.caseId) as {
    details: string;
    outcome: string;
  }[];

describe('[CL9] the client’s details on the board', () => {
  it('members see the details with the BSN masked; "Toon BSN" answers it and is logged as a read, without the number', async () => {
    const c = await details(t.pharmacist);
    expect(c.client).toEqual({
      dateOfBirth: '1961-04-12',
      address: 'Dorpsstraat 1, Zwolle',
      phone: '038 123 4567',
      preferredLanguage: 'tr',
      readingLevel: 'plain',
      hasBsn: true,
    });
    expect(JSON.stringify(c)).not.toContain('111222333');
    const shown = await api(server, t.pharmacist.userId, 'GET', path('/client/bsn'));
    expect(shown.body).toEqual({ bsn: '111222333' });
    const reads = accessLog('api-read').filter((r) => JSON.parse(r.details).resource === 'bsn');
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(accessLog('api-read'))).not.toContain('111222333');
  });

  it('attack: someone not on the case cannot ask for the BSN (404), a client or an admin neither (403)', async () => {
    expect((await api(server, t.teamMate.userId, 'GET', path('/client/bsn'))).status).toBe(404);
    expect((await api(server, t.formerMember.userId, 'GET', path('/client/bsn'))).status).toBe(404);
    expect((await api(server, t.client.userId, 'GET', path('/client/bsn'))).status).toBe(403);
    expect((await api(server, t.admin.userId, 'GET', path('/client/bsn'))).status).toBe(403);
    expect(JSON.stringify(server.db.prepare('SELECT details FROM access_log').all())).not.toContain(
      '111222333',
    );
  });

  it('the coordinator corrects them; the board shows them and the log names the fields, never the values', async () => {
    const answer = await correct(t.coordinator);
    expect(answer.status, errorOf(answer)).toBe(204);
    expect((await details(t.gp)).client).toEqual({
      dateOfBirth: '1961-04-21',
      address: 'Kerkstraat 9, Zwolle',
      phone: '06 1234 5678',
      preferredLanguage: 'ar',
      readingLevel: 'low',
      hasBsn: true,
    });
    const writes = accessLog('api-write').map((r) => JSON.parse(r.details) as Record<string, string>);
    expect(writes).toEqual([
      { resource: 'client-details', fields: 'dateOfBirth,address,phone,preferredLanguage,readingLevel' },
    ]);
    const log = JSON.stringify(server.db.prepare('SELECT details FROM access_log').all());
    for (const value of ['Kerkstraat', '1234 5678', '1961-04-21', '111222333'])
      expect(log).not.toContain(value);
  });

  it('[CL1] a new reading level reaches the client’s plan (low: reading aloud first)', async () => {
    expect((await correct(t.coordinator)).status).toBe(204);
    const plan = ((await api(server, t.client.userId, 'GET', '/api/my/plan')).body as { plan: ClientPlan })
      .plan;
    expect(plan.readingLevel).toBe('low');
  });

  it('[CL2] the BSN: left out it stays, a new one passes the elfproef, null takes it away', async () => {
    expect((await correct(t.coordinator)).status).toBe(204);
    expect(stored()).toMatchObject({ bsn: '111222333' });
    const wrong = await correct(t.coordinator, corrected({ bsn: '123456789' }));
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong)).toMatch(/^bsn:/);
    expect(stored()).toMatchObject({ bsn: '111222333' });
    expect((await correct(t.coordinator, corrected({ bsn: '1234.56.782' }))).status).toBe(204);
    expect(stored()).toMatchObject({ bsn: '123456782' });
    expect((await correct(t.coordinator, corrected({ bsn: null }))).status).toBe(204);
    expect(stored()).toMatchObject({ bsn: null });
    expect((await details(t.coordinator)).client.hasBsn).toBe(false);
    const fields = accessLog('api-write').map((r) => (JSON.parse(r.details) as { fields: string }).fields);
    expect(fields.slice(-2)).toEqual(['bsn', 'bsn']);
  });

  it('bad input answers 400 naming the field, and nothing is changed', async () => {
    const before = stored();
    for (const [body, field] of [
      [corrected({ dateOfBirth: '2999-01-01' }), 'dateOfBirth'],
      [corrected({ dateOfBirth: '12-04-1961' }), 'dateOfBirth'],
      [corrected({ phone: 'bel me' }), 'phone'],
      [corrected({ preferredLanguage: 'Turks' }), 'preferredLanguage'],
      [corrected({ readingLevel: 'medium' as 'low' }), 'readingLevel'],
      [corrected({ address: 'x'.repeat(201) }), 'address'],
    ] as const) {
      const answer = await correct(t.coordinator, body);
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatch(new RegExp(`^${field}:`));
    }
    expect(stored()).toEqual(before);
  });

  it('attack: a member who does not coordinate cannot change them; a refused request changes nothing and is logged', async () => {
    const before = stored();
    for (const who of [t.socialWorker, t.gp, t.pharmacist]) expect((await correct(who)).status).toBe(403);
    for (const who of [t.teamMate, t.formerMember]) expect((await correct(who)).status).toBe(404);
    for (const who of [t.client, t.admin]) expect((await correct(who)).status).toBe(403);
    // Someone else's coordinator, on this case: not theirs to open.
    expect((await correct(t.otherCoordinator)).status).toBe(404);
    expect(stored()).toEqual(before);
    expect(accessLog('api-write')).toEqual([]);
    expect(accessLog('api-refused').length).toBeGreaterThanOrEqual(6);
  });

  it('[CL6] a closed case answers 409 and keeps its details', async () => {
    const closed = await api(server, t.coordinator.userId, 'POST', path('/close'), {
      reason: 'goals-reached',
      note: 'Klaar',
    });
    expect(closed.status).toBe(204);
    const before = stored();
    const answer = await correct(t.coordinator);
    expect(answer.status).toBe(409);
    expect((answer.body as { code: string }).code).toBe('case-closed');
    expect(stored()).toEqual(before);
    // Reading goes on: the BSN can still be shown.
    expect((await api(server, t.gp.userId, 'GET', path('/client/bsn'))).body).toEqual({ bsn: '111222333' });
  });
});

describe('[CL6] whom the client calls after closing', () => {
  const close = (contactAfterId: string | null | undefined) =>
    api(server, t.coordinator.userId, 'POST', path('/close'), {
      reason: 'moved-away',
      note: 'Verhuisd',
      ...(contactAfterId === undefined ? {} : { contactAfterId }),
    });
  const plan = async () =>
    ((await api(server, t.client.userId, 'GET', '/api/my/plan')).body as { plan: ClientPlan }).plan;

  it('the coordinator names a member; the board, the plan and the log say who', async () => {
    expect((await close(t.gp.professionalId)).status).toBe(204);
    expect((await details(t.coordinator)).closure?.contactAfter?.id).toBe(t.gp.professionalId);
    expect((await plan()).supportEnded?.contact?.id).toBe(t.gp.professionalId);
    expect(JSON.parse(accessLog('case-closed')[0]!.details)).toMatchObject({
      contactAfterId: t.gp.professionalId,
    });
  });

  it('left out or null, it is the coordinator', async () => {
    expect((await close(null)).status).toBe(204);
    expect((await plan()).supportEnded?.contact?.id).toBe(t.coordinator.professionalId);
  });

  it('someone not on the case (a colleague, a former member) answers 400 naming the field; the case stays open', async () => {
    for (const who of [t.teamMate, t.formerMember]) {
      const answer = await close(who.professionalId);
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatch(/^contactAfterId:/);
    }
    expect(server.db.prepare('SELECT status FROM cases WHERE id = ?').get(t.caseId)).toEqual({
      status: 'open',
    });
  });
});
