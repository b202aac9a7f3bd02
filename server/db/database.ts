import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { walLimitBytes } from './checkpointer.js';
import { migrations } from './migrations.js';

export type Db = Database.Database;

export const databaseFile = (dataDir: string) => path.join(dataDir, 'veelzijdig.sqlite');

/** Opens (and migrates) the embedded SQLite store in the data directory. */
export function openDatabase(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(databaseFile(dataDir));
  db.pragma('journal_mode = WAL');
  // When SQLite starts the WAL over it trims the file to this (else it keeps its largest size).
  db.pragma(`journal_size_limit = ${walLimitBytes}`);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * Applies the migrations this database lacks, each in a transaction. They run with foreign keys
 * off, as SQLite's procedure for rebuilding a table (e.g. to widen a CHECK) requires, and each
 * commits only when `foreign_key_check` finds nothing it broke.
 */
function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= migrations.length) return;
  db.pragma('foreign_keys = OFF');
  try {
    for (let version = current; version < migrations.length; version++) {
      db.transaction(() => {
        db.exec(migrations[version]!);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0)
          throw new Error(`migration ${version + 1} would break ${broken.length} foreign key(s)`);
        db.pragma(`user_version = ${version + 1}`);
      })();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
