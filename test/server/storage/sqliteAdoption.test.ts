import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../../server/db/database.js';
import type { Db } from '../../../server/db/database.js';
import { sqliteDocumentStore } from '../../../server/db/documentStore.js';
import { openStorage } from '../../../server/storage/storage.js';
import type { Storage } from '../../../server/storage/storage.js';

const typed = (doc: Y.Doc, text: string) => {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getText('notes').insert(doc.getText('notes').length, text);
  return update;
};

describe('the document log on a SQLite file the synchronous layer already wrote', () => {
  let dataDir = '';
  let db: Db | null = null;
  let storage: Storage | null = null;
  afterEach(async () => {
    await storage?.close();
    db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('[ST1] numbers the stored updates in their order and keeps numbering what the old store appends', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-adopt-'));
    db = openDatabase(dataDir);
    const old = sqliteDocumentStore(db);
    const board = new Y.Doc();
    for (const word of ['Werk ', 'zoeken ', 'met ']) old.append('case:c1:shared', typed(board, word), 'u1');
    old.append('meeting:m1', typed(new Y.Doc(), 'agenda'));

    storage = await openStorage({ databaseUrl: null, dataDir });
    const log = storage.documents;
    expect((await log.load('case:c1:shared')).map((u) => [u.seq, u.userId])).toEqual([
      [1, 'u1'],
      [2, 'u1'],
      [3, 'u1'],
    ]);
    expect(await log.head('meeting:m1')).toBe(1);

    // Both layers write the same file until the sync server moves onto the log.
    old.append('case:c1:shared', typed(board, 'begeleiding '), 'u2');
    expect(await log.append('case:c1:shared', typed(board, 'nodig'))).toBe(5);
    old.replace('case:c1:shared', Y.encodeStateAsUpdate(board));
    expect((await log.load('case:c1:shared')).map((u) => u.seq)).toEqual([6]);
    const restored = new Y.Doc();
    for (const data of old.load('case:c1:shared')) Y.applyUpdate(restored, data);
    expect(restored.getText('notes').toString()).toBe('Werk zoeken met begeleiding nodig');
    expect(await log.append('case:c1:shared', typed(board, '.'))).toBe(7);
  });
});
