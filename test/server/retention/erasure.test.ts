import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdTables } from '../../../server/retention/erasure.js';
import { caseDocumentName, closeCodes, meetingCaseDocumentName } from '../../../shared/protocol.js';
import type { RetentionAnswer } from '../../../shared/rightsApi.js';
import { signIn } from '../../utils/accounts.js';
import { connectClient, synced } from '../../utils/clients.js';
import type { SyncClient } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { cellsContaining, closeCase, markers, startRetentionFixture } from './fixture.js';
import type { RetentionFixture } from './fixture.js';

let f: RetentionFixture;
let closedAt: string;
const clients: SyncClient[] = [];
beforeAll(async () => {
  f = await startRetentionFixture();
  closedAt = await closeCase(f.server, f.t);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await f?.server.close();
});

const list = async () => {
  const answer = await api(f.server, f.t.admin.userId, 'POST', '/api/retention/check');
  expect(answer.status).toBe(200);
  return answer.body as RetentionAnswer;
};
const erase = (caseId: string, part: 'social' | 'medical') =>
  api(f.server, f.t.admin.userId, 'POST', `/api/retention/${caseId}/erase`, { part });
const count = (sql: string, ...params: string[]) =>
  (f.server.db.prepare(sql).get(...params) as { n: number }).n;
/** Rows of the case in every table with a `case_id` column, by table (the access log's left out). */
const caseRows = (caseId: string) =>
  Object.fromEntries(
    Object.keys(caseIdTables)
      .filter((table) => caseIdTables[table as keyof typeof caseIdTables] !== 'kept')
      .map((table) => [table, count(`SELECT count(*) AS n FROM "${table}" WHERE case_id = ?`, caseId)])
      .filter(([, n]) => n !== 0),
  );
const open = async (name: string, userId: string) => {
  const client = connectClient(f.server.url, name, undefined, (await signIn(f.server, userId)).headers);
  clients.push(client);
  return client;
};

describe('[RT6] erasure knows every table that holds a case', () => {
  it('every table with a case_id column (or a key to a case) is handled or kept on purpose', () => {
    const { db } = f.server;
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
      .map((t) => t.name);
    const withCaseId = tables.filter((table) =>
      db.prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = 'case_id'").get(table),
    );
    expect(withCaseId.sort()).toEqual(Object.keys(caseIdTables).sort());
    const pointingAtCases = tables.filter((table) =>
      db.prepare('SELECT 1 FROM pragma_foreign_key_list(?) WHERE "table" = \'cases\'').get(table),
    );
    // The client's account points at its case through client_case_id: it goes with the social part.
    expect(pointingAtCases.filter((t) => !(t in caseIdTables)).sort()).toEqual(['users']);
  });
});

describe('[RT1][RT3] the daily check lists what passed its period, by a clock the test controls', () => {
  it('a case closed for less than its period is never listed', async () => {
    f.clock.after(closedAt, 7, -1);
    expect((await list()).due).toEqual([]);
    expect((await erase(f.t.caseId, 'social')).status).toBe(409);
  });

  it('once the social period passed, the board and the rest are listed by alias, the medical part not yet', async () => {
    f.clock.after(closedAt, 7, 1);
    const answer = await list();
    expect(answer.periods).toEqual({ medicalYears: 20, socialYears: 7 });
    expect(answer.due).toEqual([
      expect.objectContaining({ caseId: f.t.caseId, part: 'social', alias: 'A.Y. (1961)', last: false }),
    ]);
    expect(JSON.stringify(answer)).not.toContain(markers.name);
  });

  it('reopening takes the case off the list at once; closing again starts the period again', async () => {
    const reopened = await api(f.server, f.t.coordinator.userId, 'POST', `/api/cases/${f.t.caseId}/reopen`, {
      reason: 'Terugval, weer begeleiding',
    });
    expect(reopened.status).toBeLessThan(300);
    expect((await api(f.server, f.t.admin.userId, 'GET', '/api/retention')).body).toMatchObject({ due: [] });
    expect((await list()).due).toEqual([]);
    closedAt = await closeCase(f.server, f.t);
    f.clock.after(closedAt, 7, -1);
    expect((await list()).due).toEqual([]);
  });

  it('after a restart the check runs at once: the list is there before anyone asks for a check', async () => {
    f.clock.after(closedAt, 7, 1);
    f.server = await f.server.restart();
    await eventually(async () => {
      const answer = (await api(f.server, f.t.admin.userId, 'GET', '/api/retention')).body as RetentionAnswer;
      expect(answer.due.map((d) => d.part)).toEqual(['social']);
      expect(answer.checkedAt).toBe(f.clock.now().toISOString());
    });
  });
});

describe('[RT4][RT5][RT6][RT7] the admin confirms; erasure removes the part everywhere', () => {
  let board: SyncClient;
  let medical: SyncClient;
  let clientCookie: string;

  it('a part that is not due is refused and nothing changes', async () => {
    expect((await erase(f.t.caseId, 'medical')).status).toBe(409);
    expect((await erase('no-such-case', 'social')).status).toBe(404);
    expect(
      (await api(f.server, f.t.admin.userId, 'POST', `/api/retention/${f.t.caseId}/erase`, { part: 'all' }))
        .status,
    ).toBe(400);
    expect(cellsContaining(f.server, markers.socialNote).length).toBeGreaterThan(0);
  });

  it('erasing the social part closes open connections to its documents and removes its rows', async () => {
    board = await open(caseDocumentName(f.t.caseId), f.t.gp.userId);
    medical = await open(caseDocumentName(f.t.caseId, 'medical'), f.t.gp.userId);
    await Promise.all([synced(board), synced(medical)]);
    clientCookie = (await signIn(f.server, f.t.client.userId)).cookie;

    const answer = await erase(f.t.caseId, 'social');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({ caseId: f.t.caseId, part: 'social', caseRemoved: false });

    await eventually(() => expect(board.closes.map((c) => c.code)).toContain(closeCodes.forbidden));
    // The stock provider tries again and is refused again: the board never opens again.
    await new Promise((r) => setTimeout(r, 500));
    expect(board.closes.every((c) => c.code === closeCodes.forbidden)).toBe(true);
    expect(board.provider.wsconnected).toBe(false);
    expect(f.server.sync.registry.isLoaded(caseDocumentName(f.t.caseId))).toBe(false);
    // The medical compartment keeps its own period (WGBO) and stays open, read-only.
    expect(medical.provider.wsconnected).toBe(true);

    for (const marker of [
      markers.goal,
      markers.socialNote,
      markers.observation,
      markers.question,
      markers.question2,
      markers.meetingNote,
      markers.action,
    ])
      expect(cellsContaining(f.server, marker), marker).toEqual([]);
    expect(cellsContaining(f.server, markers.medicalNote)).toEqual(['document_updates.data']);
    expect(count('SELECT count(*) AS n FROM users WHERE client_case_id = ?', f.t.caseId)).toBe(0);
    expect(count('SELECT count(*) AS n FROM sessions WHERE user_id = ?', f.t.client.userId)).toBe(0);
    // What is left: the case row's own (until the last part), and the medical compartment's history.
    expect(caseRows(f.t.caseId)).toEqual({
      case_erasures: 1,
      case_events: 3,
      case_members: 3,
      document_changes: 1,
    });
    // The client's name no longer shows in the meeting's minutes or guests; the case row keeps it for the medical part.
    expect(cellsContaining(f.server, markers.name)).toEqual(['cases.client_name']);
  });

  it("the client's session ended with the account, and the part's documents are answered as unknown", async () => {
    const plan = await fetch(`${f.server.url}/api/my/plan`, { headers: { cookie: clientCookie } });
    expect(plan.status).toBe(401);
    const again = await open(meetingCaseDocumentName(f.meetingId, f.t.caseId), f.t.coordinator.userId);
    await eventually(() => expect(again.closes[0]?.code).toBe(closeCodes.forbidden));
  });

  it('once the medical period passed too, erasing it takes the case: no table holds anything of the client', async () => {
    f.clock.after(closedAt, 20, 1);
    const answer = await list();
    expect(answer.due).toEqual([
      expect.objectContaining({ caseId: f.t.caseId, part: 'medical', last: true }),
    ]);
    const erased = await erase(f.t.caseId, 'medical');
    expect(erased.body).toEqual({ caseId: f.t.caseId, part: 'medical', caseRemoved: true });
    await eventually(() => expect(medical.closes.map((c) => c.code)).toContain(closeCodes.forbidden));

    for (const marker of Object.values(markers))
      expect(cellsContaining(f.server, marker), marker).toEqual([]);
    expect(caseRows(f.t.caseId)).toEqual({});
    expect(count('SELECT count(*) AS n FROM cases WHERE id = ?', f.t.caseId)).toBe(0);
    // What still names the case id: the access log (ids only) and deleted keys inside the shared meeting agenda.
    expect(cellsContaining(f.server, f.t.caseId).filter((c) => c !== 'document_updates.data')).toEqual([
      'access_log.case_id',
      'access_log.details',
      'access_log_cases.case_id',
    ]);
    // The other case of the team is untouched.
    expect(count('SELECT count(*) AS n FROM cases WHERE id = ?', f.t.otherCaseId)).toBe(1);
    expect((await list()).due).toEqual([]);
  });

  it('the access log keeps one entry per erasure with ids and counts only, and its chain still verifies', async () => {
    const entries = (await f.server.services.audit.search({ caseId: f.t.caseId, event: 'case-erased' })).sort(
      (a, b) => a.id - b.id,
    );
    expect(entries.map((e) => [e.details?.part, e.details?.caseRemoved, e.userId])).toEqual([
      ['social', false, f.t.admin.userId],
      ['medical', true, f.t.admin.userId],
    ]);
    const everything = JSON.stringify(
      await f.server.services.audit.search({ caseId: f.t.caseId, limit: 1000 }),
    );
    for (const marker of Object.values(markers)) expect(everything).not.toContain(marker);
    expect(await f.server.services.audit.verify()).toMatchObject({ ok: true });
  });

  it('nobody but the admin sees or confirms the list', async () => {
    for (const who of [f.t.coordinator, f.t.gp, f.t.otherClient]) {
      expect((await api(f.server, who.userId, 'GET', '/api/retention')).status).toBe(403);
      const refused = await api(f.server, who.userId, 'POST', `/api/retention/${f.t.otherCaseId}/erase`, {
        part: 'social',
      });
      expect(refused.status).toBe(403);
    }
    expect((await erase(f.t.otherCaseId, 'social')).status).toBe(409); // open: never due
  });
});
