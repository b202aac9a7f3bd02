import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/db/database.js';
import { openStorage } from '../../server/storage/storage.js';
import type { OpenStorageOptions, Storage } from '../../server/storage/storage.js';
import { freshPostgresSchema, postgresTestsEnabled, testDatabaseUrl } from './services.js';

/** A database of its own per test, and how to open another instance (storage) on it. */
export interface Place {
  open(): Promise<Storage>;
  drop(): Promise<void>;
}

/**
 * The two engines a contract suite runs the same tests on (`describe.each`), each with the
 * relational tables: a fresh SQLite data folder (its tables from server/db/migrations.ts), or a
 * PostgreSQL schema of its own (skipped without PostgreSQL on a developer's machine).
 */
export async function relationalBackends(prefix: string, options: OpenStorageOptions = {}) {
  return [
    {
      name: 'SQLite',
      enabled: true,
      place(): Place {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `veelzijdig-${prefix}-`));
        openDatabase(dataDir).close();
        return {
          open: () => openStorage({ databaseUrl: null, dataDir }, options),
          drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
        };
      },
    },
    {
      name: 'PostgreSQL',
      enabled: await postgresTestsEnabled(),
      place(): Place {
        const { schema, drop } = freshPostgresSchema(prefix.replace(/-/g, '_'));
        return {
          open: () =>
            openStorage({ databaseUrl: testDatabaseUrl, dataDir: '' }, { ...options, postgres: { schema } }),
          drop,
        };
      },
    },
  ];
}
