import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../config.js';
import { createAccessLog } from './accessLog.js';

/**
 * `tsx server/audit/verifyCommand.ts [--data-dir DIR]`: checks the access log's hash chain without
 * changing anything (read-only, no migrations), e.g. for an auditor or a nightly job.
 * Exit 0: intact; 1: broken; 2: could not check (bad arguments, no database, no access log).
 */
const USAGE = 'Usage: tsx server/audit/verifyCommand.ts [--data-dir DIR]';

class UsageError extends Error {}

/** The data directory from `--data-dir DIR` / `--data-dir=DIR`, else DATA_DIR, else ./data. */
function dataDirFrom(args: string[]): string {
  let dataDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--data-dir') dataDir = args[++i] ?? '';
    else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else throw new UsageError(`unexpected argument: ${arg}`);
  }
  if (dataDir === '') throw new UsageError('--data-dir needs a directory');
  if (dataDir !== undefined) return path.resolve(dataDir);
  return loadConfig({ DATA_DIR: process.env.DATA_DIR || undefined }).dataDir;
}

function main(args: string[]): number {
  let dataDir: string;
  try {
    dataDir = dataDirFrom(args);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = path.join(dataDir, 'veelzijdig.sqlite');
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    console.error(`Cannot open ${file}: ${(error as Error).message}`);
    return 2;
  }
  try {
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'access_log'")
      .get();
    if (!table) {
      console.error(`${file} has no access log`);
      return 2;
    }
    const verdict = createAccessLog(db).verify();
    if (verdict.ok) {
      console.log(`Access log intact: ${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}`);
      return 0;
    }
    const { id, at, reason } = verdict.firstBroken;
    console.log(`Access log broken at entry ${id} (${at}): ${reason}`);
    return 1;
  } finally {
    db.close();
  }
}

process.exitCode = main(process.argv.slice(2));
