import { afterEach, describe, expect, it } from 'vitest';
import { changeStore } from '../../../server/history/store.js';
import type { RowWrite } from '../../../server/history/store.js';
import { openStorage } from '../../../server/storage/storage.js';
import type { Storage } from '../../../server/storage/storage.js';
import { freshPostgresSchema, postgresTestsEnabled, testDatabaseUrl } from '../../utils/services.js';
import { relationalBackends } from '../../utils/storagePlaces.js';
import type { Place } from '../../utils/storagePlaces.js';

/**
 * Who changed what (SPEC H1) written by several instances at once: each grows the same open rows
 * of the same boards, in opposite orders. Without a lock per document two such writes wait for
 * each other's rows and PostgreSQL kills one as a deadlock; with it, every change is counted.
 * (SQLite has one writer per file: nothing to race there.)
 */
const postgres = await postgresTestsEnabled();

describe.skipIf(!postgres)('the change log with several instances (PostgreSQL)', () => {
  let instances: Storage[] = [];
  let drop: (() => Promise<void>) | null = null;
  afterEach(async () => {
    for (const storage of instances) await storage.close();
    instances = [];
    await drop?.();
  });

  it('two instances growing the same rows of five boards in opposite orders never deadlock, and count every change', async () => {
    const fresh = freshPostgresSchema('changelog');
    drop = fresh.drop;
    const open = () =>
      openStorage({ databaseUrl: testDatabaseUrl, dataDir: '' }, { postgres: { schema: fresh.schema } });
    instances = [await open(), await open()];
    const [a, b] = instances.map((storage) => changeStore(storage));
    const at = '2026-12-01T10:00:00.000Z';
    const row = (board: number, id: number | null): RowWrite => ({
      id,
      delta: 1,
      documentName: `case:c${board}:shared`,
      caseId: `c${board}`,
      userId: 'u1',
      kind: 'goal',
      itemId: 'g1',
      parentId: null,
      field: 'title',
      action: 'changed',
      firstAt: at,
      lastAt: at,
    });
    const boards = [0, 1, 2, 3, 4];
    const ids = await a!.write(
      boards.map((n) => row(n, null)),
      at,
    );
    const rounds = 40;
    const writes: Promise<number[]>[] = [];
    for (let i = 0; i < rounds; i++) {
      writes.push(
        a!.write(
          boards.map((n) => row(n, ids[n]!)),
          at,
        ),
      );
      writes.push(
        b!.write(
          [...boards].reverse().map((n) => row(n, ids[n]!)),
          at,
        ),
      );
    }
    await Promise.all(writes);
    const counts = await instances[0]!.db
      .selectFrom('document_changes')
      .select(['document_name', 'count'])
      .orderBy('document_name')
      .execute();
    expect(counts.map((c) => Number(c.count))).toEqual(boards.map(() => 1 + 2 * rounds));
  });
});

const backends = await relationalBackends('changes');

describe.each(backends)('a batch of the change log ($name)', ({ enabled, place }) => {
  let where: Place;
  let storage: Storage;
  afterEach(async () => {
    await storage?.close();
    await where?.drop();
  });

  const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
  const change = (over: Partial<RowWrite>): RowWrite => ({
    id: null,
    delta: 1,
    documentName: 'case:c1:shared',
    caseId: 'c1',
    userId: 'u1',
    kind: 'goal',
    itemId: 'g1',
    parentId: null,
    field: 'title',
    action: 'changed',
    firstAt: at(0),
    lastAt: at(0),
    ...over,
  });

  it.skipIf(!enabled)(
    '[H2] joins the open row of its key, starts a new one after the window, and grows known rows, in one write',
    async () => {
      where = place();
      storage = await where.open();
      const store = changeStore(storage);
      // Written before: an open row (10:20) and one that closed long ago (10:00).
      const [old, recent] = await store.write(
        [change({ lastAt: at(0) }), change({ itemId: 'g2', firstAt: at(20), lastAt: at(20) })],
        at(0),
      );
      const ids = await store.write(
        [
          change({ itemId: 'g2', firstAt: at(21), lastAt: at(21) }), // joins the open row of g2
          change({ firstAt: at(30), lastAt: at(30) }), // g1's row closed at 10:00: a new row
          change({ firstAt: at(31), lastAt: at(31), delta: 2 }), // joins that new row
          change({ field: null, action: 'added', firstAt: at(31), lastAt: at(31) }), // another key
          change({ id: old!, lastAt: at(32), delta: 3 }), // a row known by id grows whatever its age
        ],
        at(15),
      );
      expect(ids[0]).toBe(recent);
      expect(ids[1]).toBe(ids[2]);
      expect(new Set([old, recent, ids[1], ids[3]]).size).toBe(4);
      expect(ids[4]).toBe(old);
      const rows = await storage.db
        .selectFrom('document_changes')
        .select(['id', 'item_id', 'field', 'action', 'first_at', 'last_at', 'count'])
        .orderBy('id')
        .execute();
      expect(rows.map((r) => [r.item_id, r.field, r.action, r.first_at, r.last_at, Number(r.count)])).toEqual(
        [
          ['g1', 'title', 'changed', at(0), at(32), 4],
          ['g2', 'title', 'changed', at(20), at(21), 2],
          ['g1', 'title', 'changed', at(30), at(31), 3],
          ['g1', null, 'added', at(31), at(31), 1],
        ],
      );
    },
  );
});
