import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccessLog } from '../../../server/audit/accessLog.js';
import type { AccessEntryInput } from '../../../server/audit/accessLog.js';
import { GENESIS_HASH, entryHash } from '../../../server/audit/chain.js';
import type { AccessLogRow } from '../../../server/audit/chain.js';
import { auditLogMigration } from '../../../server/audit/schema.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A fresh log whose clock advances one minute per entry, starting 2026-03-02 09:01. */
function freshLog(db = new Database(':memory:')) {
  db.exec(auditLogMigration);
  let time = Date.parse('2026-03-02T09:00:00.000Z');
  return { db, log: createAccessLog(db, { now: () => new Date((time += 60_000)) }) };
}

const open = (caseId: string, userId: string): AccessEntryInput => ({
  event: 'document-open',
  caseId,
  userId,
  role: 'professional',
  authorization: 'membership:write',
});

describe('recording access', () => {
  it('chains every entry to the one before it, the first to 64 zeros', () => {
    const { log } = freshLog();
    const entries = [open('c1', 'u1'), open('c2', 'u2'), open('c1', 'u3')].map((e) => log.record(e));
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    for (const entry of entries) expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(log.verify()).toEqual({ ok: true, entries: 3 });
  });

  it('keeps who, for whom, which client, what, when, from where and on what authority', () => {
    const { log } = freshLog();
    const recorded = log.record({
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
    expect(log.search({ caseId: 'c1' })).toEqual([recorded]);
    expect(recorded).toMatchObject({ id: 1, at: '2026-03-02T09:01:00.000Z', outcome: 'allowed' });
    expect(recorded.details).toEqual({ count: 3, part: 'signalPlan', pdf: true });
  });

  it('records refusals and anonymous attempts', () => {
    const { log } = freshLog();
    const failed = log.record({ event: 'login-failed', address: '198.51.100.1', outcome: 'refused' });
    expect(failed).toMatchObject({ userId: null, caseId: null, outcome: 'refused' });
  });

  it('refuses an event it does not know, so nothing is logged under a misspelt name', () => {
    const { log } = freshLog();
    expect(() => log.record({ event: 'peek' } as unknown as AccessEntryInput)).toThrow(
      /unknown access event/,
    );
    expect(log.verify()).toEqual({ ok: true, entries: 0 });
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
  beforeAll(() => {
    for (const input of inputs) log.record(input); // ids 1-6 at 09:01-09:06
  });
  const ids = (filter: Parameters<typeof log.search>[0]) => log.search(filter).map((e) => e.id);

  it('filters by client, user, event and period, newest first', () => {
    expect(ids({})).toEqual([6, 5, 4, 3, 2, 1]);
    expect(ids({ caseId: 'c1' })).toEqual([4, 3, 1]);
    expect(ids({ userId: 'u1' })).toEqual([5, 2, 1]);
    expect(ids({ caseId: 'c1', userId: 'u2', event: 'document-open' })).toEqual([4]);
    expect(ids({ from: '2026-03-02T09:02:00.000Z', to: '2026-03-02T09:05:00.000Z' })).toEqual([4, 3, 2]);
    expect(ids({ from: '2026-03-03' })).toEqual([]);
  });

  it('pages with limit and the last id of the previous page', () => {
    expect(ids({ limit: 4 })).toEqual([6, 5, 4, 3]);
    expect(ids({ limit: 4, before: 3 })).toEqual([2, 1]);
    expect(ids({ caseId: 'c1', limit: 1, before: 4 })).toEqual([3]);
  });

  it('returns 100 by default and never more than 1000', () => {
    const big = freshLog().log;
    for (let i = 0; i < 1001; i++) big.record({ event: 'api-read', caseId: 'c1' });
    expect(big.search({}).length).toBe(100);
    expect(big.search({ limit: 5000 }).length).toBe(1000);
  });

  it('shows a client who looked at their file, not refusals or other clients', () => {
    const { log: own } = freshLog();
    own.record(open('c1', 'u1'));
    own.record({ ...open('c1', 'u2'), event: 'document-refused', outcome: 'refused' });
    own.record(open('c2', 'u3'));
    own.record({ event: 'print', caseId: 'c1', userId: 'u4', role: 'coordinator' });
    expect(own.whoLookedAt('c1')).toEqual([
      { at: '2026-03-02T09:04:00.000Z', event: 'print', userId: 'u4', role: 'coordinator' },
      { at: '2026-03-02T09:01:00.000Z', event: 'document-open', userId: 'u1', role: 'professional' },
    ]);
  });
});

describe('append-only', () => {
  it('refuses to change or remove an entry through SQL', () => {
    const { db, log } = freshLog();
    log.record(open('c1', 'u1'));
    expect(() => db.prepare("UPDATE access_log SET user_id = 'u2'").run()).toThrow(
      'access_log is append-only',
    );
    expect(() => db.prepare('DELETE FROM access_log').run()).toThrow('access_log is append-only');
    expect(log.verify()).toEqual({ ok: true, entries: 1 });
  });
});

describe('tampering by someone with the database file', () => {
  /** Five entries (ids 1-5, 09:01-09:05), the triggers dropped as an attacker would. */
  function tamperable() {
    const { db, log } = freshLog();
    for (let i = 1; i <= 5; i++) log.record({ ...open('c1', `u${i}`), details: { n: i } });
    db.exec('DROP TRIGGER access_log_no_update; DROP TRIGGER access_log_no_delete;');
    return { db, log };
  }
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
      name: 'a changed entry with a recomputed hash is named by the entry after it',
      tamper: (db) => {
        const row = db.prepare<[], AccessLogRow>('SELECT * FROM access_log WHERE id = 3').get()!;
        const forged = { ...row, user_id: 'someone-else' };
        db.prepare('UPDATE access_log SET user_id = ?, hash = ? WHERE id = 3').run(
          forged.user_id,
          entryHash(row.prev_hash, forged),
        );
      },
      id: 4,
      reason: 'does not follow entry 3',
    },
    {
      name: 'removing the first entries is seen at the new first entry',
      tamper: (db) => db.exec('DELETE FROM access_log WHERE id <= 2'),
      id: 3,
      reason: 'does not follow the start of the log',
    },
  ];
  for (const { name, tamper, id, reason } of cases) {
    it(name, () => {
      const { db, log } = tamperable();
      tamper(db);
      const verdict = log.verify();
      const at = `2026-03-02T09:0${id}:00.000Z`;
      expect(verdict).toMatchObject({ ok: false, firstBroken: { id, at, reason } });
    });
  }
});

describe('one chain under concurrent writers', () => {
  it('two connections writing in turn to one file keep one chain', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-audit-')), 'log.sqlite');
    const { db } = freshLog(new Database(file));
    const writers = [createAccessLog(db), createAccessLog(new Database(file))];
    for (let i = 0; i < 200; i++) writers[i % 2]!.record({ event: 'api-read', caseId: `c${i % 7}` });
    expect(createAccessLog(db).verify()).toEqual({ ok: true, entries: 200 });
  });

  it('several processes writing at once keep one chain', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-audit-'));
    const file = path.join(dir, 'log.sqlite');
    const setup = new Database(file);
    setup.pragma('journal_mode = WAL');
    const { db } = freshLog(setup);
    const script = `
      import Database from 'better-sqlite3';
      import { createAccessLog } from './server/audit/accessLog.js';
      const db = new Database(${JSON.stringify(file)});
      db.pragma('busy_timeout = 10000');
      const log = createAccessLog(db);
      for (let i = 0; i < 150; i++) log.record({ event: 'api-read', userId: process.argv[1] });`;
    const run = (who: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, who], {
          cwd: repoRoot,
          stdio: 'inherit',
        });
        child.on('exit', resolve);
      });
    expect(await Promise.all(['p1', 'p2', 'p3'].map(run))).toEqual([0, 0, 0]);
    expect(createAccessLog(db).verify()).toEqual({ ok: true, entries: 450 });
  });
});
