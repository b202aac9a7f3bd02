import type { CompiledQuery, Kysely } from 'kysely';
import type { Engine } from './migrations/index.js';
import type { EngineClient } from './data.js';
import type { Database } from './schema.js';

export type { Engine };

/**
 * What differs between the engines, in one place: how a write transaction begins and how one
 * document is locked for compaction. Everything above this speaks Kysely alone.
 */
export interface Backend {
  engine: Engine;
  db: Kysely<Database>;
  /** Runs `work` in one write transaction; it commits when `work` resolves. */
  write<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one transaction that holds the lock of document `name` against every other
   * instance on the same database. On PostgreSQL appends never wait for it; on SQLite the
   * lock is the file's write lock, which every write takes in turn.
   */
  locked<T>(name: string, work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * SQLite only: runs `work` as one transaction without yielding, after this process's other
   * storage transactions (`exec` runs a compiled query and returns its rows). Nothing else of
   * the process can run inside it, so a write of other code (the access log, a projection) never
   * joins a storage transaction and is never rolled back with it.
   */
  writeNow?<T>(work: (exec: (query: CompiledQuery) => unknown[]) => T): Promise<T>;
  /** See Data.lock. */
  lock(trx: Kysely<Database>, keys: readonly string[]): Promise<void>;
  /** The engine's own driver (see Data.client). */
  client: EngineClient;
  migrate(): Promise<void>;
  close(): Promise<void>;
}
