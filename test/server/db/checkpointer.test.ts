import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../../server/db/checkpointer.js';
import type { Checkpointer } from '../../../server/db/checkpointer.js';
import { databaseFile, openDatabase } from '../../../server/db/database.js';
import type { Db } from '../../../server/db/database.js';

/**
 * The WAL stays bounded under steady editing (issue 14 #16: it had grown to 82 MB next to a
 * 1.4 MB database): passive checkpoints keep up while nobody holds it open, and once a long read
 * made it grow past the limit it is brought back as soon as that read ends.
 */
let db: Db | null = null;
let checkpointer: Checkpointer | null = null;
let dir = '';
afterEach(async () => {
  await checkpointer?.stop();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const mb = 1024 * 1024;
const limit = 2 * mb;

/** Steady editing: one update of `bytes` per transaction, like the document log's appends. */
function edit(target: Db, times: number, bytes = 8 * 1024) {
  const insert = target.prepare('INSERT INTO edits (data) VALUES (?)');
  for (let i = 0; i < times; i++) insert.run(Buffer.alloc(bytes, i % 256));
}

describe('the WAL under steady editing', () => {
  it('stays near the limit, and comes back under it once a long read that held it open ends', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-wal-'));
    db = openDatabase(dir);
    db.pragma('wal_autocheckpoint = 20000'); // as the server sets it: the worker does the work
    db.exec('CREATE TABLE edits (id INTEGER PRIMARY KEY, data BLOB)');
    const file = databaseFile(dir);
    checkpointer = startCheckpointer(file, 20, limit);

    // While nobody holds the WAL open, rounds of editing never take it far past the limit.
    let largest = 0;
    for (let round = 0; round < 20; round++) {
      edit(db, 50);
      largest = Math.max(largest, (await checkpointer.nextRound()).walBytes);
    }
    expect(largest).toBeLessThan(limit + mb);

    // A long read (an export, a backup) keeps its snapshot: the WAL cannot start over and grows.
    const reader = openDatabase(dir);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM edits').get();
    for (let round = 0; round < 10; round++) {
      edit(db, 100);
      await checkpointer.nextRound();
    }
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(4 * limit);

    // The read ends; editing goes on and the WAL is back under the limit within a round or two.
    reader.exec('COMMIT');
    reader.close();
    let after = Infinity;
    let rounds = 0;
    while (rounds < 3 && after > limit) {
      edit(db, 10);
      after = (await checkpointer.nextRound()).walBytes;
      rounds++;
    }
    expect(after).toBeLessThanOrEqual(limit);
    // Nothing written was lost on the way.
    const { n } = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM edits').get()!;
    expect(n).toBe(1_000 + 1_000 + 10 * rounds);
  });
});
