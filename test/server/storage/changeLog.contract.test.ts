import { afterEach, describe, expect, it } from 'vitest';
import { changeStore } from '../../../server/history/store.js';
import type { RowWrite } from '../../../server/history/store.js';
import { openStorage } from '../../../server/storage/storage.js';
import type { Storage } from '../../../server/storage/storage.js';
import { freshPostgresSchema, postgresTestsEnabled, testDatabaseUrl } from '../../utils/services.js';

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
