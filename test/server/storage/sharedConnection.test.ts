import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/database.js';
import type { Db } from '../../../server/db/database.js';
import { openStorage } from '../../../server/storage/storage.js';
import type { Storage } from '../../../server/storage/storage.js';

/**
 * On SQLite the storage shares the server's one connection (better-sqlite3 would block the
 * thread waiting for a second connection's lock). A storage write must then never be open while
 * other code of the process writes: that write would join the storage's transaction and be
 * rolled back with it when the append fails (an access-log entry lost, its chain broken).
 */
describe('SQLite: appends share the connection without taking other writes with them', () => {
  let db: Db;
  let storage: Storage;
  afterEach(async () => {
    await storage?.close();
    db?.close();
  });

  it('a failing append rolls back only itself; writes made meanwhile by other code stay', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-shared-'));
    db = openDatabase(dataDir);
    storage = await openStorage({ dataDir, databaseUrl: null }, { sqliteConnection: db });
    db.exec(`CREATE TABLE other_writes (n INTEGER NOT NULL)`);
    db.exec(`CREATE TRIGGER full BEFORE INSERT ON document_updates WHEN NEW.document_name = 'case:full:shared'
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const insert = db.prepare('INSERT INTO other_writes (n) VALUES (?)');

    // Other code keeps writing, one write per microtask, while the appends are under way.
    let written = 0;
    const writeOn = () => {
      insert.run(++written);
      if (written < 500) queueMicrotask(writeOn);
    };
    const appends = Array.from({ length: 20 }, (_, i) =>
      storage.documents.append(i % 2 ? 'case:full:shared' : 'case:ok:shared', new Uint8Array([i])),
    );
    queueMicrotask(writeOn);
    const results = await Promise.allSettled(appends);
    await new Promise<void>((resolve) => setImmediate(resolve));

    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(10);
    expect((await storage.documents.load('case:ok:shared')).length).toBe(10);
    // Every write of the other code is there: none was inside a transaction that rolled back.
    expect(written).toBe(500);
    expect((db.prepare('SELECT count(*) AS n FROM other_writes').get() as { n: number }).n).toBe(500);
  });
});
