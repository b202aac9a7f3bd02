import type { Kysely } from 'kysely';
import type { Backend, Engine } from './backend.js';
import type { Data } from './data.js';
import type { StorageConfig } from '../config.js';
import { DocumentLog } from './documentLog.js';
import type { DocumentLogOptions } from './documentLog.js';
import { postgresBackend } from './postgres.js';
import type { PostgresOptions } from './postgres.js';
import type { Database } from './schema.js';
import { sqliteBackend } from './sqlite.js';
import type { SqliteConnection } from './sqlite.js';

/** The storage of one server instance: the typed database and the document log over it. */
export interface Storage extends Data {
  engine: Engine;
  db: Kysely<Database>;
  documents: DocumentLog;
  /** Writes what is pending and closes the connections. */
  close(): Promise<void>;
}

export interface OpenStorageOptions extends DocumentLogOptions {
  /** Apply pending migrations on open (default on; several instances starting at once take turns). */
  migrate?: boolean;
  postgres?: PostgresOptions;
  /** The SQLite file; default veelzijdig.sqlite in the data directory. */
  sqliteFile?: string;
  /**
   * SQLite: the connection the rest of the server already holds on that file, shared rather than
   * a second one (better-sqlite3 waits for another connection's write lock by blocking the
   * thread, which would stall a transaction the storage has open). Closing the storage leaves
   * it open.
   */
  sqliteConnection?: SqliteConnection;
}

/**
 * Opens the storage the configuration names: PostgreSQL when DATABASE_URL is set, SQLite in
 * DATA_DIR otherwise, migrated to the latest schema.
 */
export async function openStorage(config: StorageConfig, options: OpenStorageOptions = {}): Promise<Storage> {
  const backend: Backend = config.databaseUrl
    ? await postgresBackend(config.databaseUrl, options.postgres)
    : sqliteBackend(config.dataDir, options.sqliteFile, options.sqliteConnection);
  try {
    if (options.migrate !== false) await backend.migrate();
  } catch (error) {
    await backend.close();
    throw error;
  }
  const documents = new DocumentLog(backend, options);
  return {
    engine: backend.engine,
    db: backend.db,
    write: backend.write,
    lock: backend.lock,
    client: backend.client,
    documents,
    async close() {
      await documents.close();
      await backend.close();
    },
  };
}
