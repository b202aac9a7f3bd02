import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { walLimitBytes } from '../db/checkpointer.js';
import { databaseFile } from '../db/database.js';
import type { Backend } from './backend.js';
import type { Data } from './data.js';
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
  // One Kysely per connection: each has its own turn on the connection, and two would interleave.
  const known = shared && byConnection.get(shared);
  if (known) return known;
  const backend = newBackend(shared ?? openFile(file), !!shared, file);
  if (shared) byConnection.set(shared, backend);
  return backend;
}

const byConnection = new WeakMap<SqliteConnection, Backend>();

/** The data handle over a connection the caller keeps open, e.g. server/db/database.ts's (tests). */
export function sqliteData(connection: SqliteConnection): Data {
  return sqliteBackend('', connection.name, connection);
}

function newBackend(sqlite: SqliteConnection, shared: boolean, file: string): Backend {
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite, !shared) }),
  });
  const turn = sharedMutex(path.resolve(shared ? sqlite.name : file));

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
    client: { engine: 'sqlite', connection: sqlite },
    lock: async () => undefined, // the write transaction holds the whole file
    locked: (_name, work) => write(work),
    migrate: () => turn.run(() => runMigrations(db, 'sqlite')),
    // A shared connection's Kysely lives as long as the connection: its owner closes it.
    close: async () => {
      if (!shared) await db.destroy();
    },
  };
}

function openFile(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`journal_size_limit = ${walLimitBytes}`);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}
