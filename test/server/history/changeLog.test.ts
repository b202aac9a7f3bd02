import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../../server/db/database.js';
import type { Db } from '../../../server/db/database.js';
import { ChangeLog } from '../../../server/history/changeLog.js';
import type { ChangeLogOptions } from '../../../server/history/changeLog.js';
import { changeStore } from '../../../server/history/store.js';
import { sqliteData } from '../../../server/storage/sqlite.js';
import type { ChangeRow } from '../../../server/history/store.js';
import type { Actor } from '../../../server/sync/extension.js';
import type { Touched } from '../../../server/sync/touched.js';
import { eventually } from '../../utils/eventually.js';

/**
 * The ChangeLog concern alone, on a real database: what it keeps of changes, how it folds typing
 * into few rows, and that it writes in batches rather than per keystroke.
 */
const board = 'case:c1:shared';
const sevda: Actor = { userId: 'u-sevda', role: 'coordinator' };
const youssef: Actor = { userId: 'u-youssef', role: 'professional' };

let db: Db;
let dir: string;
let clock: number;
let log: ChangeLog | null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-changelog-'));
  db = openDatabase(dir);
  clock = Date.parse('2026-05-12T10:00:00.000Z');
  log = null;
});
afterEach(async () => {
  await log?.onDestroy();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const start = (options: Partial<ChangeLogOptions> = {}) =>
  (log = new ChangeLog(changeStore(sqliteData(db)), { flushMs: 60_000, now: () => clock, ...options }));
const doc = new Y.Doc();
const change = (l: ChangeLog, actor: Actor | null, ...paths: (string | Touched)[]) =>
  l.onChange({
    documentName: board,
    doc,
    update: new Uint8Array(),
    connection: null,
    actor,
    touched: paths.map((p) => (typeof p === 'string' ? { path: p.split('/'), removed: false } : p)),
  });
const rows = () =>
  db
    .prepare(
      'SELECT user_id, item_kind, item_id, parent_id, field, action, first_at, last_at, count FROM document_changes ORDER BY id',
    )
    .all() as Record<string, unknown>[];
const later = (ms: number) => (clock += ms);

describe('ChangeLog', () => {
  it('[H1] keeps who changed which item and field, and nothing of the server’s own upkeep', async () => {
    const l = start();
    change(l, sevda, 'goals/g1/status');
    change(l, youssef, 'goals/g1/steps/s1');
    change(l, null, 'perspectives/patient'); // the board's defaults: nobody's change
    await l.flush();
    expect(rows()).toMatchObject([
      { user_id: 'u-sevda', item_kind: 'goal', item_id: 'g1', field: 'status', action: 'changed', count: 1 },
      {
        user_id: 'u-youssef',
        item_kind: 'step',
        item_id: 's1',
        parent_id: 'g1',
        field: null,
        action: 'added',
      },
    ]);
  });

  it('[H2] typing a sentence is one row with the first and last time and a count', async () => {
    const l = start();
    for (let i = 0; i < 200; i++) {
      change(l, sevda, 'goals/g1/title');
      later(1_000);
      if (i % 50 === 0) await l.flush(); // flushes in between grow the same row
    }
    await l.flush();
    expect(rows()).toEqual([
      expect.objectContaining({
        field: 'title',
        count: 200,
        first_at: '2026-05-12T10:00:00.000Z',
        last_at: '2026-05-12T10:03:19.000Z',
      }),
    ]);
  });

  it('[H2] a pause longer than the window starts a new row; so does another person or field', async () => {
    const l = start({ coalesceMs: 60_000 });
    change(l, sevda, 'goals/g1/title');
    later(61_000);
    change(l, sevda, 'goals/g1/title');
    change(l, youssef, 'goals/g1/title');
    change(l, sevda, 'goals/g1/clientWords');
    await l.flush();
    expect(rows().map((r) => `${String(r.user_id)} ${String(r.field)} ${String(r.count)}`)).toEqual([
      'u-sevda title 1',
      'u-sevda title 1',
      'u-youssef title 1',
      'u-sevda clientWords 1',
    ]);
  });

  it('[H2] filling in a goal one just added is part of adding it', async () => {
    const l = start();
    change(l, sevda, 'goals/g1');
    change(l, sevda, 'goals/g1/title');
    change(l, sevda, 'goals/g1/status');
    change(l, youssef, 'goals/g1/status');
    await l.flush();
    expect(rows()).toMatchObject([
      { user_id: 'u-sevda', item_kind: 'goal', action: 'added', count: 3 },
      { user_id: 'u-youssef', field: 'status', action: 'changed', count: 1 },
    ]);
  });

  it('[H2] one move of a card (domain, phase, order) counts once', async () => {
    const l = start();
    change(l, sevda, 'goals/g1/domain', 'goals/g1/phase', 'goals/g1/order');
    await l.flush();
    expect(rows()).toMatchObject([{ field: 'place', count: 1 }]);
  });

  it('[H2] writes nothing on the hot path: only on its timer, when a document is stored, and at the end', async () => {
    const written: ChangeRow[][] = [];
    const l = start({ flushMs: 30 });
    l.written.on('rows', (batch: ChangeRow[]) => written.push([...batch]));
    change(l, sevda, 'goals/g1/title');
    change(l, sevda, 'goals/g1/title');
    expect(rows()).toEqual([]);
    await eventually(() => expect(rows()).toHaveLength(1));
    expect(written).toHaveLength(1);
    change(l, youssef, 'perspectives/refugee/situation');
    await l.onStoreDocument();
    expect(rows()).toHaveLength(2);
    change(l, youssef, 'perspectives/refugee/concerns');
    await l.onDestroy();
    expect(rows()).toHaveLength(3);
  });

  it('[H2] memory stays bounded: past the bound it writes at once and forgets written rows', async () => {
    const l = start({ maxOpenRows: 50 });
    for (let i = 0; i < 500; i++) change(l, sevda, `goals/g${i}/status`);
    // Everything past the bound is written without waiting for the timer (a minute).
    await eventually(() => expect(rows().length).toBeGreaterThanOrEqual(450));
    await l.flush();
    expect(rows()).toHaveLength(500);
    const open = (l as unknown as { open: Map<string, unknown> }).open;
    expect(open.size).toBeLessThanOrEqual(50);
  });

  it('[H2] a row goes on growing after the document was unloaded and loaded again', async () => {
    const first = start();
    change(first, sevda, 'goals/g1/title');
    await first.onStoreDocument();
    await first.onDestroy();
    later(10_000);
    const second = start();
    change(second, sevda, 'goals/g1/title');
    await second.flush();
    expect(rows()).toMatchObject([{ count: 2, last_at: '2026-05-12T10:00:10.000Z' }]);
  });
});
