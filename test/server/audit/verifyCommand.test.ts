import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createAccessLog } from '../../../server/audit/accessLog.js';
import { sqliteData } from '../../../server/storage/sqlite.js';
import { openStorage } from '../../../server/storage/storage.js';
import { GENESIS_HASH, entryHash } from '../../../server/audit/chain.js';
import { appendCheckpoint, signCheckpoint } from '../../../server/audit/checkpoints.js';
import { loadOrCreateAuditKey } from '../../../server/audit/key.js';
import { auditListMigration, auditLogMigration } from '../../../server/audit/schema.js';
import { separateAuditFiles } from '../../utils/audit.js';
import { freshPostgresSchema, postgresTestsEnabled, testDatabaseUrl } from '../../utils/services.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command as an operator would, in its own process. */
function verifyCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/audit/verifyCommand.ts', ...args], {
      cwd: repoRoot,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

/**
 * A data folder whose database holds an access log of `entries` entries (after the key marker),
 * written as the server does, with its key and a checkpoint in a `keys/` folder beside it.
 */
async function dataDirWithLog(entries: number) {
  const { dataDir, audit } = separateAuditFiles();
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'veelzijdig.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(auditLogMigration);
  db.exec(auditListMigration);
  const { key } = loadOrCreateAuditKey(audit.keyFile);
  let time = Date.parse('2026-03-02T09:00:00.000Z');
  const log = createAccessLog(sqliteData(db), { key, now: () => new Date((time += 60_000)) });
  await log.keyChain();
  for (let i = 0; i < entries; i++)
    await log.record({ event: 'document-open', caseId: 'c1', userId: `u${i}` });
  const checkpoint = signCheckpoint(key, (await log.head())!, 'stop', new Date('2026-03-02T10:00:00.000Z'));
  appendCheckpoint(audit.checkpointFile, checkpoint);
  db.close();
  return { dataDir, file, audit, env: { ...process.env, AUDIT_KEY_FILE: audit.keyFile } };
}

describe('verifying the access log from the command line', () => {
  it('reports an intact log, keyed and anchored, and exits 0', async () => {
    const { dataDir, env } = await dataDirWithLog(3);
    const run = await verifyCommand(['--data-dir', dataDir], env);
    expect(run).toMatchObject({
      code: 0,
      stdout:
        'Access log intact: 4 entries, keyed from entry 1; last checkpoint 2026-03-02T10:00:00.000Z (4 entries)',
    });
  });

  it('names the first broken entry and exits 1', async () => {
    const { dataDir, file, env } = await dataDirWithLog(3);
    const db = new Database(file);
    db.exec(`DROP TRIGGER access_log_no_update; UPDATE access_log SET user_id = 'u9' WHERE id = 3`);
    db.close();
    const run = await verifyCommand([`--data-dir=${dataDir}`], env);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      'Access log broken at entry 3 (2026-03-02T09:03:00.000Z): hash does not match its content (keyed: changed, or recomputed without the key)',
      '  also: trigger access_log_no_update is missing: rows of access_log can be changed through SQL',
    ]);
  });

  it('reads DATA_DIR and AUDIT_KEY_FILE when nothing is given, or the key and checkpoints as arguments', async () => {
    const { dataDir, audit, env } = await dataDirWithLog(1);
    expect(await verifyCommand([], { ...env, DATA_DIR: dataDir })).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Access log intact: 2 entries, keyed from entry 1/),
    });
    const args = ['--data-dir', dataDir, '--key-file', audit.keyFile, '--checkpoints', audit.checkpointFile];
    expect(await verifyCommand(args)).toMatchObject({ code: 0 });
  });

  it('exits 2 when the log is keyed and the key is not there', async () => {
    const { dataDir, audit } = await dataDirWithLog(1);
    const run = await verifyCommand(['--data-dir', dataDir, '--key-file', `${audit.keyFile}.gone`]);
    expect(run).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/keyed, but there is no key at .*audit\.key\.gone/),
    });
  });

  it('checks a log from before the key with SHA-256 and says it is not keyed yet', async () => {
    const { dataDir, audit } = separateAuditFiles();
    fs.mkdirSync(dataDir, { recursive: true });
    const db = new Database(path.join(dataDir, 'veelzijdig.sqlite'));
    db.exec(auditLogMigration);
    let prev = GENESIS_HASH;
    for (const user of ['u1', 'u2']) {
      const fields = {
        at: '2026-01-01T00:00:00.000Z',
        event: 'api-read',
        case_id: 'c1',
        user_id: user,
        on_behalf_of: null,
        role: null,
        address: null,
        user_agent: null,
        authorization: null,
        outcome: 'allowed',
        details: null,
      };
      const hash = entryHash(prev, fields);
      db.prepare(
        `INSERT INTO access_log (at, event, case_id, user_id, on_behalf_of, role, address, user_agent, "authorization", outcome, details, prev_hash, hash)
        VALUES (@at, @event, @case_id, @user_id, @on_behalf_of, @role, @address, @user_agent, @authorization, @outcome, @details, @prev, @hash)`,
      ).run({ ...fields, prev, hash });
      prev = hash;
    }
    db.close();
    const run = await verifyCommand(['--data-dir', dataDir, '--key-file', audit.keyFile]);
    expect(run).toMatchObject({
      code: 0,
      stdout: 'Access log intact: 2 entries, not keyed yet (SHA-256 only): start the server once to key it',
    });
    expect(fs.existsSync(audit.keyFile)).toBe(false); // verify never makes a key
  });

  it('only reads: no migrations, no new tables, the schema version untouched', async () => {
    const { dataDir, file, env } = await dataDirWithLog(2);
    await verifyCommand(['--data-dir', dataDir], env);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['access_log', 'access_log_cases', 'sqlite_sequence']);
    db.close();
  });

  it('exits 2 without creating anything when there is no database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-verify-'));
    const run = await verifyCommand(['--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Cannot open /);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('exits 2 on a database without an access log, and on an unknown argument', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-verify-'));
    new Database(path.join(dataDir, 'veelzijdig.sqlite')).close();
    expect(await verifyCommand(['--data-dir', dataDir])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/has no access log/),
    });
    expect(await verifyCommand(['--repair'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unexpected argument: --repair/),
    });
  });
});

const postgres = await postgresTestsEnabled();

describe.skipIf(!postgres)('verifying the access log on PostgreSQL (DATABASE_URL)', () => {
  it('reports the intact log of the database DATABASE_URL names, and the entry changed behind its back', async () => {
    const schema = freshPostgresSchema('verify');
    try {
      const storage = await openStorage(
        { databaseUrl: testDatabaseUrl, dataDir: '' },
        { postgres: { schema: schema.schema } },
      );
      const { audit } = separateAuditFiles();
      const { key } = loadOrCreateAuditKey(audit.keyFile);
      let time = Date.parse('2026-03-02T09:00:00.000Z');
      const log = createAccessLog(storage, { key, now: () => new Date((time += 60_000)) });
      await log.keyChain();
      for (let i = 0; i < 3; i++) await log.record({ event: 'document-open', caseId: 'c1', userId: `u${i}` });
      await log.flush();
      appendCheckpoint(
        audit.checkpointFile,
        signCheckpoint(key, (await log.head())!, 'stop', new Date('2026-03-02T10:00:00.000Z')),
      );
      const url = new URL(testDatabaseUrl);
      url.searchParams.set('options', `-c search_path=${schema.schema}`);
      const env = {
        ...process.env,
        DATABASE_URL: url.toString(),
        AUDIT_KEY_FILE: audit.keyFile,
        AUDIT_CHECKPOINT_FILE: audit.checkpointFile,
      };
      expect(await verifyCommand([], env)).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/^Access log intact: 4 entries, keyed from entry 1/),
      });
      // Someone with the database's rights turns the trigger off and changes an entry.
      await sql`ALTER TABLE access_log DISABLE TRIGGER access_log_no_update`.execute(storage.db);
      await sql`UPDATE access_log SET user_id = 'u9' WHERE id = 3`.execute(storage.db);
      await storage.close();
      const run = await verifyCommand([], env);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^Access log broken at entry 3 .*hash does not match its content/);
    } finally {
      await schema.drop();
    }
  }, 30_000);
});
