import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../config.js';
import { sql } from 'kysely';
import type { Data } from '../storage/data.js';
import { sqliteData } from '../storage/sqlite.js';
import { openStorage } from '../storage/storage.js';
import type { Storage } from '../storage/storage.js';
import type { Config } from '../config.js';
import { readCheckpoints } from './checkpoints.js';
import { auditKeyOf } from './key.js';
import { verifyAccessLog } from './verify.js';
import type { ChainProblem } from './verify.js';

/**
 * `tsx server/audit/verifyCommand.ts [--data-dir DIR] [--key-file FILE] [--checkpoints FILE]`:
 * checks the access log without changing anything (read-only, no migrations), e.g. for an auditor
 * or a nightly job: the keyed chain (with AUDIT_KEY or the key file), the append-only triggers,
 * the index of list reads and the signed checkpoints (truncation). Names what it found.
 * Exit 0: intact; 1: broken; 2: could not check (bad arguments, no database, no access log, no key).
 */
const USAGE =
  'Usage: tsx server/audit/verifyCommand.ts [--data-dir DIR] [--key-file FILE] [--checkpoints FILE]';

class UsageError extends Error {}

const options = {
  '--data-dir': 'DATA_DIR',
  '--key-file': 'AUDIT_KEY_FILE',
  '--checkpoints': 'AUDIT_CHECKPOINT_FILE',
} as const;

/** The audit settings from the arguments, else from the environment (as the server reads them). */
function settingsFrom(args: string[]): {
  dataDir: string;
  databaseUrl: string | null;
  audit: Config['audit'];
} {
  const given: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const variable = options[name as keyof typeof options];
    if (!variable) throw new UsageError(`unexpected argument: ${arg}`);
    const value = inline ?? args[++i] ?? '';
    if (value === '') throw new UsageError(`${name} needs a value`);
    given[variable] = path.resolve(value);
  }
  const env = Object.fromEntries(
    ['DATA_DIR', 'DATABASE_URL', 'AUDIT_KEY', 'AUDIT_KEY_FILE', 'AUDIT_CHECKPOINT_FILE'].map((v) => [
      v,
      process.env[v] || undefined,
    ]),
  );
  const config = loadConfig({ ...env, ...given });
  return { dataDir: config.dataDir, databaseUrl: config.storage.databaseUrl, audit: config.audit };
}

/** " at entry 12 (time): reason", or ": reason" for what no one entry shows (truncation, a trigger). */
const where = ({ kind, id, at, reason }: ChainProblem) =>
  id !== null && kind !== 'truncated' ? ` at entry ${id}${at ? ` (${at})` : ''}: ${reason}` : `: ${reason}`;

async function main(args: string[]): Promise<number> {
  let settings: ReturnType<typeof settingsFrom>;
  try {
    settings = settingsFrom(args);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const opened = await openLog(settings);
  if (typeof opened === 'string') {
    console.error(opened);
    return 2;
  }
  const { data, close } = opened;
  try {
    let key;
    try {
      key = auditKeyOf(settings.audit, { create: false }).key;
    } catch (error) {
      console.error(`Cannot read the key: ${(error as Error).message}`);
      return 2;
    }
    const checkpoints = key ? readCheckpoints(settings.audit.checkpointFile, key) : undefined;
    const verdict = await verifyAccessLog(data, key, checkpoints);
    if (!verdict.ok) {
      if (verdict.firstBroken.kind === 'key' && !key) {
        console.error(
          `The access log is keyed, but there is no key at ${settings.audit.keyFile}: set AUDIT_KEY or --key-file`,
        );
        return 2;
      }
      const [first, ...more] = verdict.problems;
      console.log(`Access log broken${where(first!)}`);
      for (const problem of more) console.log(`  also${where(problem)}`);
      return 1;
    }
    const plural = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
    if (verdict.keyedFrom === null) {
      console.log(
        `Access log intact: ${plural(verdict.entries)}, not keyed yet (SHA-256 only): start the server once to key it`,
      );
      return 0;
    }
    const anchor = verdict.anchor
      ? `; last checkpoint ${verdict.anchor.at} (${plural(verdict.anchor.entries)}${verdict.entries > verdict.anchor.entries ? `, ${verdict.entries - verdict.anchor.entries} newer not yet anchored` : ''})`
      : '';
    console.log(
      `Access log intact: ${plural(verdict.entries)}, keyed from entry ${verdict.keyedFrom}${anchor}`,
    );
    return 0;
  } finally {
    await close();
  }
}

/**
 * The database the server uses, opened to read: the SQLite file read-only, or PostgreSQL with
 * DATABASE_URL (no migrations run). A string says why it could not be checked.
 */
async function openLog(
  settings: ReturnType<typeof settingsFrom>,
): Promise<{ data: Data; close: () => Promise<void> } | string> {
  if (settings.databaseUrl) {
    let storage: Storage;
    try {
      storage = await openStorage({ databaseUrl: settings.databaseUrl, dataDir: '' }, { migrate: false });
    } catch (error) {
      return `Cannot open the database of DATABASE_URL: ${(error as Error).message}`;
    }
    const { rows } = await sql<{
      found: string | null;
    }>`SELECT to_regclass('access_log')::text AS found`.execute(storage.db);
    if (!rows[0]?.found) {
      await storage.close();
      return 'The database of DATABASE_URL has no access log';
    }
    return { data: storage, close: () => storage.close() };
  }
  const file = path.join(settings.dataDir, 'veelzijdig.sqlite');
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return `Cannot open ${file}: ${(error as Error).message}`;
  }
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'access_log'").get();
  if (!table) {
    db.close();
    return `${file} has no access log`;
  }
  return { data: sqliteData(db), close: async () => void db.close() };
}

process.exitCode = await main(process.argv.slice(2));
