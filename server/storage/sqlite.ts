import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { databaseFile } from '../db/database.js';
import type { Backend } from './backend.js';
import { runMigrations } from './migrations/index.js';
import type { Database as Schema } from './schema.js';
import { sharedMutex } from './mutex.js';

const cachedStatements = 256;

/**
 * better-sqlite3 behind Kysely's SqliteDialect, with its prepared statements kept: Kysely
 * prepares every query anew, and preparing costs more than running a small insert.
 */
function withStatementCache(db: Database.Database, owned: boolean): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      if (owned) db.close();
    },
    prepare(query: string) {
      let statement = cache.get(query);
      if (statement) {
        cache.delete(query);
      } else {
        statement = db.prepare(query) as unknown as SqliteStatement;
        if (cache.size >= cachedStatements) cache.delete(cache.keys().next().value!);
      }
      cache.set(query, statement);
      return statement;
    },
  };
}

export type SqliteConnection = Database.Database;

/**
 * SQLite in the data directory, the same file as server/db/database.ts. A write transaction
 * begins IMMEDIATE (it takes the file's write lock first, so it never fails half-way on a busy
 * file) after this process's turn for that file; the write lock is the document lock too.
 */
export function sqliteBackend(
  dataDir: string,
  file = databaseFile(dataDir),
  shared?: SqliteConnection,
): Backend {
  const sqlite = shared ?? openFile(file);
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite, !shared) }),
  });
  const turn = sharedMutex(path.resolve(shared?.name ?? file));

  const write = <T>(work: (trx: Kysely<Schema>) => Promise<T>) =>
    turn.run(() =>
      db.connection().execute(async (connection) => {
        await sql`BEGIN IMMEDIATE`.execute(connection);
        try {
          const result = await work(connection);
          await sql`COMMIT`.execute(connection);
          return result;
        } catch (error) {
          if (sqlite.inTransaction) await sql`ROLLBACK`.execute(connection);
          throw error;
        }
      }),
    );

  const exec = (query: { sql: string; parameters: readonly unknown[] }): unknown[] => {
    const statement = sqlite.prepare(query.sql);
    if (statement.reader) return statement.all(...query.parameters);
    statement.run(...query.parameters);
    return [];
  };
  const writeNow = <T>(work: (run: typeof exec) => T) =>
    turn.run(async () => sqlite.transaction(() => work(exec)).immediate());

  return {
    engine: 'sqlite',
    db,
    write,
    writeNow,
    locked: (_name, work) => write(work),
    migrate: () => turn.run(() => runMigrations(db, 'sqlite')),
    close: () => db.destroy(),
  };
}

function openFile(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}
