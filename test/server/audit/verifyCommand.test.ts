import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createAccessLog } from '../../../server/audit/accessLog.js';
import { auditLogMigration } from '../../../server/audit/schema.js';

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

/** A data directory whose database holds an access log of `entries` entries, written as the server does. */
function dataDirWithLog(entries: number): { dataDir: string; file: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-verify-'));
  const file = path.join(dataDir, 'veelzijdig.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(auditLogMigration);
  let time = Date.parse('2026-03-02T09:00:00.000Z');
  const log = createAccessLog(db, { now: () => new Date((time += 60_000)) });
  for (let i = 0; i < entries; i++) log.record({ event: 'document-open', caseId: 'c1', userId: `u${i}` });
  db.close();
  return { dataDir, file };
}

describe('verifying the access log from the command line', () => {
  it('reports an intact log and exits 0', async () => {
    const { dataDir } = dataDirWithLog(3);
    const run = await verifyCommand(['--data-dir', dataDir]);
    expect(run).toMatchObject({ code: 0, stdout: 'Access log intact: 3 entries' });
  });

  it('names the first broken entry and exits 1', async () => {
    const { dataDir, file } = dataDirWithLog(3);
    const db = new Database(file);
    db.exec(`DROP TRIGGER access_log_no_update; UPDATE access_log SET user_id = 'u9' WHERE id = 2`);
    db.close();
    const run = await verifyCommand([`--data-dir=${dataDir}`]);
    expect(run).toMatchObject({
      code: 1,
      stdout: 'Access log broken at entry 2 (2026-03-02T09:02:00.000Z): hash does not match its content',
    });
  });

  it('reads DATA_DIR when no directory is given', async () => {
    const { dataDir } = dataDirWithLog(1);
    const run = await verifyCommand([], { ...process.env, DATA_DIR: dataDir });
    expect(run).toMatchObject({ code: 0, stdout: 'Access log intact: 1 entry' });
  });

  it('only reads: no migrations, no new tables, the schema version untouched', async () => {
    const { dataDir, file } = dataDirWithLog(2);
    await verifyCommand(['--data-dir', dataDir]);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['access_log', 'sqlite_sequence']);
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
