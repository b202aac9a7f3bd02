import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, HASHED_COLUMNS, entryHash, keyedEntryHash } from '../../../server/audit/chain.js';
import type { AccessLogRow, HashedFields } from '../../../server/audit/chain.js';
import { signCheckpoint } from '../../../server/audit/checkpoints.js';
import { auditKeyFromHex } from '../../../server/audit/key.js';
import { auditListMigration } from '../../../server/audit/schema.js';
import type { Config } from '../../../server/config.js';
import { migrations } from '../../../server/db/migrations.js';
import { keyOf, separateAuditFiles, verifyFile } from '../../utils/audit.js';
import { caseTeam } from '../../utils/caseTeam.js';
import { api } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';

/**
 * Issue 11, item 6: someone with the database file (not the key folder) tries to hide what was
 * read. Before: a plain SHA-256 chain, so deleting the newest entries or recomputing the chain
 * after a change verified as "intact". Now the chain is keyed (HMAC-SHA256, key outside the
 * database) and anchored by signed checkpoints outside it, and `npm run audit:verify` names it.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function verifyCommand(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/audit/verifyCommand.ts', ...args], {
      cwd: repoRoot,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

let audit: Config['audit'];
let original: string;
let entries: number;
beforeAll(async () => {
  const files = separateAuditFiles();
  audit = files.audit;
  const server = await startTestServer({ dataDir: files.dataDir, audit });
  const t = await caseTeam(server);
  for (let i = 0; i < 10; i++) await api(server, t.gp.userId, 'GET', `/api/cases/${t.caseId}`);
  for (let i = 0; i < 1000; i++)
    await server.services.audit.record({
      event: 'api-read',
      caseId: t.caseId,
      userId: t.gp.userId,
      role: 'professional',
      details: { resource: 'case' },
    });
  entries = (await server.services.audit.head())!.entries;
  await server.close(); // writes the stop checkpoint
  original = path.join(files.dataDir, 'veelzijdig.sqlite');
}, 120_000);

/** A copy of the database in a data folder of its own, tampered with as an attacker would. */
function stolenCopy(tamper: (db: Database.Database) => void): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-stolen-'));
  fs.copyFileSync(original, path.join(dataDir, 'veelzijdig.sqlite'));
  const db = new Database(path.join(dataDir, 'veelzijdig.sqlite'));
  tamper(db);
  db.close();
  return dataDir;
}
const withoutTriggers = (db: Database.Database, run: () => void) => {
  const triggers = db
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'access_log'",
    )
    .all();
  db.exec('DROP TRIGGER access_log_no_update; DROP TRIGGER access_log_no_delete;');
  run();
  for (const { sql } of triggers) db.exec(sql); // a careful attacker puts them back
};
/** Changes entry `id` and recomputes every hash from there on with `hash`. */
function rewriteFrom(
  db: Database.Database,
  id: number,
  hash: (prev: string, fields: HashedFields) => string,
) {
  const rows = db
    .prepare<[number], AccessLogRow>('SELECT * FROM access_log WHERE id >= ? ORDER BY id')
    .all(id);
  let prev = db
    .prepare<[number], { hash: string }>('SELECT hash FROM access_log WHERE id = ?')
    .get(id - 1)!.hash;
  const update = db.prepare('UPDATE access_log SET user_id = ?, prev_hash = ?, hash = ? WHERE id = ?');
  for (const row of rows) {
    const forged = { ...row, user_id: row.id === id ? 'someone-else' : row.user_id };
    const newHash = hash(prev, forged);
    update.run(forged.user_id, prev, newHash, row.id);
    prev = newHash;
  }
}
const args = (dataDir: string, checkpoints = audit.checkpointFile) => [
  '--data-dir',
  dataDir,
  '--key-file',
  audit.keyFile,
  '--checkpoints',
  checkpoints,
];

describe('[LG1] [LG2] [LG4] the access log is keyed and anchored outside the database', () => {
  it('an untouched copy verifies, keyed from its first entry and anchored by the stop checkpoint', async () => {
    const run = await verifyCommand(args(stolenCopy(() => {})));
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(
      new RegExp(
        `^Access log intact: ${entries} entries, keyed from entry 1; last checkpoint \\S+ \\(${entries} entries\\)$`,
      ),
    );
  });

  it('the key lives in a keys/ folder beside the data folder, readable by the server only', async () => {
    expect(path.dirname(audit.keyFile)).toBe(path.join(path.dirname(path.dirname(original)), 'keys'));
    expect(fs.statSync(audit.keyFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(audit.keyFile)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(audit.checkpointFile).mode & 0o777).toBe(0o600);
    const lines = fs.readFileSync(audit.checkpointFile, 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { reason: string }).reason)).toEqual(['start', 'stop']);
  });

  it('truncation: deleting the newest 50 entries is named, with how many are gone', async () => {
    const dataDir = stolenCopy((db) =>
      withoutTriggers(db, () => db.prepare('DELETE FROM access_log WHERE id > ?').run(entries - 50)),
    );
    const run = await verifyCommand(args(dataDir));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Access log broken: truncated: the checkpoint of \\S+ counted ${entries} entries up to entry ${entries}, ` +
          `the log has ${entries - 50} and ends at entry ${entries - 50} \\(50 or more entries are gone\\)$`,
      ),
    );
  });

  it('recomputation: changing entry 500 and recomputing the SHA-256 chain after it is named at entry 500', async () => {
    const dataDir = stolenCopy((db) => withoutTriggers(db, () => rewriteFrom(db, 500, entryHash)));
    const run = await verifyCommand(args(dataDir));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^Access log broken at entry 500 \(\S+\): hash does not match its content \(keyed: changed, or recomputed without the key\)$/,
    );
  });

  it('recomputation by someone who stole the key too is caught by the checkpoints', async () => {
    const { secret } = keyOf(audit);
    const dataDir = stolenCopy((db) =>
      withoutTriggers(db, () => rewriteFrom(db, 500, (prev, fields) => keyedEntryHash(secret, prev, fields))),
    );
    const run = await verifyCommand(args(dataDir));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Access log broken at entry ${entries} \\(\\S+\\): does not match the checkpoint of \\S+: the log was rewritten up to here`,
      ),
    );
  });

  it('a dropped trigger is named even when no entry was touched', async () => {
    const dataDir = stolenCopy((db) => db.exec('DROP TRIGGER access_log_no_delete'));
    expect(await verifyCommand(args(dataDir))).toMatchObject({
      code: 1,
      stdout:
        'Access log broken: trigger access_log_no_delete is missing: rows of access_log can be deleted through SQL',
    });
  });

  it('a checkpoint forged without the key does not hide a truncation', async () => {
    const dataDir = stolenCopy((db) =>
      withoutTriggers(db, () => db.prepare('DELETE FROM access_log WHERE id > ?').run(entries - 50)),
    );
    const forgedFile = path.join(dataDir, '..', `${path.basename(dataDir)}-checkpoints.jsonl`);
    const guessed = auditKeyFromHex(randomBytes(32).toString('hex'), 'guess');
    const copy = new Database(path.join(dataDir, 'veelzijdig.sqlite'), { readonly: true });
    const head = copy
      .prepare<[], { id: number; hash: string }>('SELECT id, hash FROM access_log ORDER BY id DESC LIMIT 1')
      .get()!;
    copy.close();
    // A "stop" checkpoint for the shortened log, claiming the real key's id, signed with a guess.
    const keyId = keyOf(audit).id;
    const forged = signCheckpoint(
      guessed,
      { entries: entries - 50, headId: head.id, head: head.hash, keyedFrom: 1, keyId },
      'stop',
    );
    fs.writeFileSync(
      forgedFile,
      `${fs.readFileSync(audit.checkpointFile, 'utf8')}${JSON.stringify(forged)}\n`,
    );
    const run = await verifyCommand(args(dataDir, forgedFile));
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Access log broken: line 3 of .* has a wrong signature \(forged or changed\)$/);
    expect(lines[1]).toMatch(/^ {2}also: truncated: the checkpoint of \S+ counted \d+ entries/);
  });

  it('without its checkpoints a keyed log is not called intact', async () => {
    const run = await verifyCommand(
      args(
        stolenCopy(() => {}),
        path.join(os.tmpdir(), 'no-such-checkpoints.jsonl'),
      ),
    );
    expect(run).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(
        /no checkpoints at .*: a truncated log cannot be told from an intact one/,
      ),
    });
  });
});

describe('[LG1] a log from before the key is keyed honestly at the next start', () => {
  /** A database at the schema version before this change, with a plain SHA-256 chain of `n` entries. */
  function legacyDataDir(n: number) {
    const files = separateAuditFiles();
    fs.mkdirSync(files.dataDir, { recursive: true });
    const db = new Database(path.join(files.dataDir, 'veelzijdig.sqlite'));
    const before = migrations.indexOf(auditListMigration);
    for (const [version, sql] of migrations.slice(0, before).entries()) {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    }
    const insert = db.prepare(
      `INSERT INTO access_log (${HASHED_COLUMNS.map((c) => `"${c}"`).join(', ')}, prev_hash, hash)
       VALUES (${HASHED_COLUMNS.map((c) => `@${c}`).join(', ')}, @prev_hash, @hash)`,
    );
    let prev = GENESIS_HASH;
    for (let i = 0; i < n; i++) {
      const fields: HashedFields = {
        at: `2025-06-01T09:${String(i).padStart(2, '0')}:00.000Z`,
        event: 'api-read',
        case_id: 'c1',
        user_id: `u${i}`,
        on_behalf_of: null,
        role: 'professional',
        address: null,
        user_agent: null,
        authorization: 'membership:write',
        outcome: 'allowed',
        details: null,
      };
      const hash = entryHash(prev, fields);
      insert.run({ ...fields, prev_hash: prev, hash });
      prev = hash;
    }
    db.close();
    return files;
  }

  it('marks where the keyed chain starts, seals the earlier entries, and a later change to them is named', async () => {
    const files = legacyDataDir(20);
    const server = await startTestServer({ dataDir: files.dataDir, audit: files.audit });
    const [marker] = await server.services.audit.search({ event: 'log-keyed' });
    expect(marker).toMatchObject({ id: 21, details: { earlierEntries: 20, algorithm: 'HMAC-SHA256' } });
    await server.close();
    const file = path.join(files.dataDir, 'veelzijdig.sqlite');
    expect(await verifyFile(file, files.audit)).toMatchObject({ ok: true, keyedFrom: 21 });

    // Someone rewrites an entry from before the key and recomputes the SHA-256 chain up to the marker.
    const db = new Database(file);
    withoutTriggers(db, () => {
      const rows = db
        .prepare<[], AccessLogRow>('SELECT * FROM access_log WHERE id BETWEEN 5 AND 20 ORDER BY id')
        .all();
      let prev = db.prepare<[], { hash: string }>('SELECT hash FROM access_log WHERE id = 4').get()!.hash;
      for (const row of rows) {
        const forged = { ...row, user_id: row.id === 5 ? 'someone-else' : row.user_id };
        const hash = entryHash(prev, forged);
        db.prepare('UPDATE access_log SET user_id = ?, prev_hash = ?, hash = ? WHERE id = ?').run(
          forged.user_id,
          prev,
          hash,
          row.id,
        );
        prev = hash;
      }
    });
    db.close();
    expect(await verifyFile(file, files.audit)).toMatchObject({
      ok: false,
      firstBroken: { kind: 'entry', id: 21, reason: 'does not follow entry 20' },
    });
  });

  it('never makes a new key for a keyed log whose key went missing, and refuses another key', async () => {
    const files = separateAuditFiles();
    const server = await startTestServer({ dataDir: files.dataDir, audit: files.audit });
    await server.close();
    const kept = `${files.audit.keyFile}.backup`;
    fs.renameSync(files.audit.keyFile, kept);
    await expect(startTestServer({ dataDir: files.dataDir, audit: files.audit })).rejects.toThrow(
      /the access log is keyed, but its key is missing .*restore the key file/,
    );
    expect(fs.existsSync(files.audit.keyFile)).toBe(false);
    await expect(
      startTestServer({
        dataDir: files.dataDir,
        audit: { ...files.audit, key: randomBytes(32).toString('hex') },
      }),
    ).rejects.toThrow(/keyed with key [0-9a-f]{16}, but AUDIT_KEY holds key [0-9a-f]{16}/);
    fs.renameSync(kept, files.audit.keyFile);
    const again = await startTestServer({ dataDir: files.dataDir, audit: files.audit });
    await again.close();
  });
});
