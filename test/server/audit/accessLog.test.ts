import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccessLog } from '../../../server/audit/accessLog.js';
import type { AccessEntryInput } from '../../../server/audit/accessLog.js';
import { GENESIS_HASH, KEYED_EVENT, entryHash, keyedEntryHash } from '../../../server/audit/chain.js';
import type { AccessLogRow } from '../../../server/audit/chain.js';
import { sqliteData } from '../../../server/storage/sqlite.js';
import { freshLog, testAuditKey } from '../../utils/audit.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const open = (caseId: string, userId: string): AccessEntryInput => ({
  event: 'document-open',
  caseId,
  userId,
  role: 'professional',
  authorization: 'membership:write',
});

describe('recording access', () => {
  it('starts a new log with the key marker and chains every entry to the one before it with HMAC', async () => {
    const { log, key } = freshLog();
    const entries = [];
    for (const e of [open('c1', 'u1'), open('c2', 'u2'), open('c1', 'u3')]) entries.push(await log.record(e));
    const [marker] = await log.search({ event: KEYED_EVENT });
    expect(marker).toMatchObject({
      id: 1,
      prevHash: GENESIS_HASH,
      details: { keyId: key.id, earlierEntries: 0 },
    });
    expect(entries.map((e) => e.id)).toEqual([2, 3, 4]);
    expect(entries[0]!.prevHash).toBe(marker!.hash);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    for (const entry of entries) expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await log.verify()).toEqual({ ok: true, entries: 4, keyedFrom: 1, anchor: null });
  });

  it('refuses to write with another key than the one the log was keyed with', async () => {
    const { db, log } = freshLog();
    await log.record(open('c1', 'u1'));
    const stranger = createAccessLog(sqliteData(db), { key: testAuditKey() });
    await expect(stranger.record(open('c1', 'u2'))).rejects.toThrow(/keyed with key .* restore the key/);
  });

  it('keeps who, for whom, which client, what, when, from where and on what authority', async () => {
    const { log } = freshLog();
    const recorded = await log.record({
      event: 'export',
      caseId: 'c1',
      userId: 'u-assistant',
      onBehalfOf: 'u-gp',
      role: 'professional',
      address: '192.0.2.7',
      userAgent: 'Firefox',
      authorization: 'consent:k9',
      details: { part: 'signalPlan', count: 3, pdf: true },
    });
    expect(await log.search({ caseId: 'c1' })).toEqual([recorded]);
    expect(recorded).toMatchObject({ id: 2, at: '2026-03-02T09:02:00.000Z', outcome: 'allowed' });
    expect(recorded.details).toEqual({ count: 3, part: 'signalPlan', pdf: true });
  });

  it('records refusals and anonymous attempts', async () => {
    const { log } = freshLog();
    const failed = await log.record({ event: 'login-failed', address: '198.51.100.1', outcome: 'refused' });
    expect(failed).toMatchObject({ userId: null, caseId: null, outcome: 'refused' });
  });

  it('refuses an event it does not know, so nothing is logged under a misspelt name', async () => {
    const { log } = freshLog();
    await expect(log.record({ event: 'peek' } as unknown as AccessEntryInput)).rejects.toThrow(
      /unknown access event/,
    );
    expect(await log.verify()).toEqual({ ok: true, entries: 0, keyedFrom: null, anchor: null });
  });
});

describe('searching the log', () => {
  const { log } = freshLog();
  const inputs: AccessEntryInput[] = [
    open('c1', 'u1'),
    open('c2', 'u1'),
    { ...open('c1', 'u2'), event: 'api-write' },
    open('c1', 'u2'),
    { event: 'login', userId: 'u1' },
    open('c2', 'u2'),
  ];
  beforeAll(async () => {
    for (const input of inputs) await log.record(input); // ids 2-7 at 09:02-09:07, after the key marker
  });
  const ids = async (filter: Parameters<typeof log.search>[0]) => (await log.search(filter)).map((e) => e.id);

  it('filters by client, user, event and period, newest first', async () => {
    expect(await ids({})).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(await ids({ caseId: 'c1' })).toEqual([5, 4, 2]);
    expect(await ids({ userId: 'u1' })).toEqual([6, 3, 2]);
    expect(await ids({ caseId: 'c1', userId: 'u2', event: 'document-open' })).toEqual([5]);
    expect(await ids({ from: '2026-03-02T09:03:00.000Z', to: '2026-03-02T09:06:00.000Z' })).toEqual([
      5, 4, 3,
    ]);
    expect(await ids({ from: '2026-03-03' })).toEqual([]);
  });

  it('pages with limit and the last id of the previous page', async () => {
    expect(await ids({ limit: 4 })).toEqual([7, 6, 5, 4]);
    expect(await ids({ limit: 4, before: 4 })).toEqual([3, 2, 1]);
    expect(await ids({ caseId: 'c1', limit: 1, before: 5 })).toEqual([4]);
  });

  it('returns 100 by default and never more than 1000', async () => {
    const big = freshLog().log;
    for (let i = 0; i < 1001; i++) await big.record({ event: 'api-read', caseId: 'c1' });
    expect((await big.search({})).length).toBe(100);
    expect((await big.search({ limit: 5000 })).length).toBe(1000);
  });

  it('shows a client who looked at their file, not refusals or other clients', async () => {
    const { log: own } = freshLog();
    await own.record(open('c1', 'u1'));
    await own.record({ ...open('c1', 'u2'), event: 'document-refused', outcome: 'refused' });
    await own.record(open('c2', 'u3'));
    await own.record({ event: 'print', caseId: 'c1', userId: 'u4', role: 'coordinator' });
    expect(await own.whoLookedAt('c1')).toEqual([
      { at: '2026-03-02T09:05:00.000Z', event: 'print', userId: 'u4', role: 'coordinator' },
      { at: '2026-03-02T09:02:00.000Z', event: 'document-open', userId: 'u1', role: 'professional' },
    ]);
  });

  it('a list read counts for every client it showed, in their file and in the admin search', async () => {
    const { log: own } = freshLog();
    const listed = await own.record({
      event: 'api-read',
      userId: 'u1',
      role: 'professional',
      cases: ['c1', 'c2', 'c1'],
    });
    await own.record({ event: 'search', userId: 'u2', role: 'coordinator', cases: ['c2'] });
    expect(listed.details).toEqual({ listed: 2, cases: 'c1 c2' });
    expect(await own.whoLookedAt('c1')).toEqual([
      { at: listed.at, event: 'listed', userId: 'u1', role: 'professional' },
    ]);
    expect((await own.whoLookedAt('c2')).map((e) => e.userId)).toEqual(['u2', 'u1']);
    expect(await own.whoLookedAt('c3')).toEqual([]);
    expect((await own.search({ caseId: 'c1' })).map((e) => e.id)).toEqual([listed.id]);
  });

  it('a long list keeps the digest of its ids in the entry and every id in the index', async () => {
    const { log: own } = freshLog();
    const many = Array.from({ length: 5000 }, (_, i) => `case-${i}`);
    const entry = await own.record({ event: 'api-read', userId: 'u1', cases: many });
    expect(entry.details).toEqual({ listed: 5000, casesDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(entry).length).toBeLessThan(1000);
    expect(await own.whoLookedAt('case-4321')).toHaveLength(1);
    expect(await own.verify()).toMatchObject({ ok: true });
  });
});

describe('append-only', () => {
  it('refuses to change or remove an entry through SQL', async () => {
    const { db, log } = freshLog();
    await log.record(open('c1', 'u1'));
    expect(() => db.prepare("UPDATE access_log SET user_id = 'u2'").run()).toThrow(
      'access_log is append-only',
    );
    expect(() => db.prepare('DELETE FROM access_log').run()).toThrow('access_log is append-only');
    expect(await log.verify()).toMatchObject({ ok: true, entries: 2 });
  });
});

describe('tampering by someone with the database file', () => {
  /** The key marker (id 1, 09:01) and five entries (ids 2-6, 09:02-09:06), the triggers dropped as an attacker would. */
  async function tamperable() {
    const { db, log, key } = freshLog();
    for (let i = 1; i <= 5; i++) await log.record({ ...open('c1', `u${i}`), details: { n: i } });
    db.exec('DROP TRIGGER access_log_no_update; DROP TRIGGER access_log_no_delete;');
    return { db, log, key };
  }
  /** Changes entry `id` and recomputes its hash and every later one with `hash`, as a forger would. */
  const forge = (db: Database.Database, id: number, hash: (prev: string, row: AccessLogRow) => string) => {
    const rows = db
      .prepare<[number], AccessLogRow>('SELECT * FROM access_log WHERE id >= ? ORDER BY id')
      .all(id);
    let prev = db
      .prepare<[number], { hash: string }>('SELECT hash FROM access_log WHERE id = ?')
      .get(id - 1)!.hash;
    for (const row of rows) {
      const forged = { ...row, user_id: row.id === id ? 'someone-else' : row.user_id, prev_hash: prev };
      forged.hash = hash(prev, forged);
      db.prepare('UPDATE access_log SET user_id = ?, prev_hash = ?, hash = ? WHERE id = ?').run(
        forged.user_id,
        forged.prev_hash,
        forged.hash,
        row.id,
      );
      prev = forged.hash;
    }
  };
  const cases: { name: string; tamper: (db: Database.Database) => void; id: number; reason: string }[] = [
    {
      name: 'a changed entry is named itself',
      tamper: (db) => db.exec(`UPDATE access_log SET details = '{"n":99}' WHERE id = 3`),
      id: 3,
      reason: 'hash does not match its content',
    },
    {
      name: 'a deleted entry is named by the entry after the gap',
      tamper: (db) => db.exec('DELETE FROM access_log WHERE id = 3'),
      id: 4,
      reason: 'does not follow entry 2',
    },
    {
      name: 'a changed entry with the chain after it recomputed with SHA-256 is named itself',
      tamper: (db) => forge(db, 3, (prev, row) => entryHash(prev, row)),
      id: 3,
      reason: 'recomputed without the key',
    },
    {
      name: 'a changed entry with the chain recomputed under a guessed key is named itself',
      tamper: (db) => forge(db, 3, (prev, row) => keyedEntryHash(testAuditKey().secret, prev, row)),
      id: 3,
      reason: 'recomputed without the key',
    },
    {
      name: 'removing the first entries, the key marker with them, is seen at the new first entry',
      tamper: (db) => db.exec('DELETE FROM access_log WHERE id <= 2'),
      id: 3,
      reason: 'follows entries that were removed, the key marker among them',
    },
  ];
  for (const { name, tamper, id, reason } of cases) {
    it(name, async () => {
      const { db, log } = await tamperable();
      tamper(db);
      const verdict = await log.verify();
      const at = `2026-03-02T09:0${id}:00.000Z`;
      expect(verdict).toMatchObject({
        ok: false,
        firstBroken: { kind: 'entry', id, at, reason: expect.stringContaining(reason) },
      });
    });
  }

  it('a dropped trigger is named, even when every entry is intact', async () => {
    const { log } = await tamperable();
    expect(await log.verify()).toMatchObject({
      ok: false,
      problems: [
        {
          kind: 'trigger',
          reason: 'trigger access_log_no_update is missing: rows of access_log can be changed through SQL',
        },
        {
          kind: 'trigger',
          reason: 'trigger access_log_no_delete is missing: rows of access_log can be deleted through SQL',
        },
      ],
    });
  });

  it('a trigger replaced by one that lets changes through is named', async () => {
    const { db, log } = freshLog();
    await log.record(open('c1', 'u1'));
    db.exec(`DROP TRIGGER access_log_no_delete;
      CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log BEGIN SELECT 1; END;`);
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBroken: { kind: 'trigger', reason: expect.stringContaining('access_log_no_delete is altered') },
    });
  });

  it('a client taken out of the index of a list read is named', async () => {
    const { db, log } = freshLog();
    const entry = await log.record({ event: 'api-read', userId: 'u1', cases: ['c1', 'c2'] });
    db.exec(`DROP TRIGGER access_log_cases_no_delete; DELETE FROM access_log_cases WHERE case_id = 'c2';
      CREATE TRIGGER access_log_cases_no_delete BEFORE DELETE ON access_log_cases BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;`);
    expect(await log.whoLookedAt('c2')).toEqual([]);
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBroken: { kind: 'list-index', id: entry.id },
    });
  });
});

describe('one chain under concurrent writers', () => {
  it('two connections writing in turn to one file keep one chain', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-audit-')), 'log.sqlite');
    const { db, key } = freshLog(new Database(file));
    const writers = [
      createAccessLog(sqliteData(db), { key }),
      createAccessLog(sqliteData(new Database(file)), { key }),
    ];
    for (let i = 0; i < 200; i++) await writers[i % 2]!.record({ event: 'api-read', caseId: `c${i % 7}` });
    expect(await createAccessLog(sqliteData(db), { key }).verify()).toMatchObject({
      ok: true,
      entries: 201,
      keyedFrom: 1,
    });
  });

  it('several processes writing at once keep one chain', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-audit-'));
    const file = path.join(dir, 'log.sqlite');
    const setup = new Database(file);
    setup.pragma('journal_mode = WAL');
    const { db, key } = freshLog(setup);
    const script = `
      import Database from 'better-sqlite3';
      import { createAccessLog } from './server/audit/accessLog.js';
      import { auditKeyFromHex } from './server/audit/key.js';
      import { sqliteData } from './server/storage/sqlite.js';
      const db = new Database(${JSON.stringify(file)});
      db.pragma('busy_timeout = 10000');
      const log = createAccessLog(sqliteData(db), { key: auditKeyFromHex(${JSON.stringify(key.secret.toString('hex'))}, 'test') });
      for (let i = 0; i < 150; i++) await log.record({ event: 'api-read', userId: process.argv[1] });`;
    const run = (who: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, who], {
          cwd: repoRoot,
          stdio: 'inherit',
        });
        child.on('exit', resolve);
      });
    expect(await Promise.all(['p1', 'p2', 'p3'].map(run))).toEqual([0, 0, 0]);
    // One key marker, whichever process wrote first.
    expect(await createAccessLog(sqliteData(db), { key }).verify()).toMatchObject({
      ok: true,
      entries: 451,
      keyedFrom: 1,
    });
  });
});
