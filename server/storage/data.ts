import type Database_ from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Engine } from './backend.js';
import type { Database } from './schema.js';

/** A Kysely over the whole schema: the root handle or an open transaction (a Transaction is one). */
export type Executor = Kysely<Database>;

/**
 * What the services read and write through: the typed database and its write transactions, on
 * SQLite or PostgreSQL alike (SPEC ST1). Rules that keep both engines right:
 * - A write of more than one statement runs in `write`, and everything inside it goes through the
 *   `trx` it is given, never `db`: on SQLite the one connection is held by the transaction, so a
 *   query on `db` inside it would wait for it for ever.
 * - Never `db.transaction()` directly: `write` also takes this process's turn on the SQLite file,
 *   which the document log's appends take too.
 * - `write` is not re-entrant: a function that may run inside one takes an `Executor` argument.
 */
export interface Data {
  engine: Engine;
  db: Kysely<Database>;
  write<T>(work: (trx: Executor) => Promise<T>): Promise<T>;
  /**
   * Inside a `write`: waits until no other instance's write holds `keys` (sorted here, so two
   * writes never wait for each other in a circle), then holds them until the write ends. On
   * PostgreSQL a transaction-scoped advisory lock per key; on SQLite nothing to do, its write
   * transaction already excludes every other.
   */
  lock(trx: Executor, keys: readonly string[]): Promise<void>;
  /**
   * The engine's own driver, only for a library that takes one as its store (rate-limiter-flexible's
   * RateLimiterSQLite / RateLimiterPostgres); every query of our own goes through `db`.
   */
  client: EngineClient;
}

export type EngineClient =
  { engine: 'sqlite'; connection: Database_.Database } | { engine: 'postgres'; pool: pg.Pool };
