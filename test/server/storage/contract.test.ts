import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStorage } from '../../../server/storage/storage.js';
import type { OpenStorageOptions, Storage } from '../../../server/storage/storage.js';
import type { StoredUpdate } from '../../../server/storage/documentLog.js';
import { freshPostgresSchema, postgresTestsEnabled, testDatabaseUrl } from '../../utils/services.js';

/** A database of its own per test, and how to open another instance (storage) on it. */
interface Place {
  open(options?: OpenStorageOptions): Promise<Storage>;
  drop(): Promise<void>;
}

const backends = [
  {
    name: 'SQLite',
    enabled: true,
    place(): Place {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-storage-'));
      return {
        open: (options) => openStorage({ databaseUrl: null, dataDir }, options),
        drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    enabled: await postgresTestsEnabled(),
    place(): Place {
      const { schema, drop } = freshPostgresSchema('storage');
      return {
        open: (options) =>
          openStorage({ databaseUrl: testDatabaseUrl, dataDir: '' }, { ...options, postgres: { schema } }),
        drop,
      };
    },
  },
];

/** A Yjs document whose every update is kept, to append them as a sync server would. */
function editor(clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return {
    doc,
    updates,
    /** One edit: a few characters typed, a card field changed, now and then a deletion. */
    edit(i: number) {
      doc.transact(() => {
        const text = doc.getText('notes');
        if (i % 7 === 6 && text.length > 3) text.delete(0, 2);
        else text.insert(Math.min(i % 5, text.length), `${clientID}:${i} `);
        doc.getMap('goals').set(`goal-${i % 4}`, { title: `goal ${i}`, by: clientID });
      });
    },
  };
}

/** The document the stored updates make. */
function documentOf(stored: StoredUpdate[], into = new Y.Doc()): Y.Doc {
  for (const u of stored) Y.applyUpdate(into, u.data);
  return into;
}

const contentOf = (doc: Y.Doc) => ({
  notes: doc.getText('notes').toString(),
  goals: doc.getMap('goals').toJSON(),
});

describe.each(backends)('the storage contract on $name', ({ enabled, place: makePlace }) => {
  const test = it.skipIf(!enabled);
  let place: Place;
  const opened: Storage[] = [];
  const open = async (options?: OpenStorageOptions) => {
    const storage = await place.open(options);
    opened.push(storage);
    return storage;
  };

  beforeEach(() => {
    place = makePlace();
  });
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    await place.drop();
  });

  test('[ST2] updates come back in the order they were appended, numbered 1, 2, 3 per document', async () => {
    const { documents } = await open();
    const board = editor(1);
    const meeting = editor(2);
    const seqs: number[] = [];
    for (let i = 0; i < 5; i++) {
      board.edit(i);
      seqs.push(await documents.append('case:c1:shared', board.updates.at(-1)!, 'u1'));
    }
    meeting.edit(0);
    expect(await documents.append('meeting:m1', meeting.updates[0]!)).toBe(1);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);

    const stored = await documents.load('case:c1:shared');
    expect(stored.map((u) => u.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(stored.map((u) => Buffer.from(u.data))).toEqual(board.updates.map((u) => Buffer.from(u)));
    expect(stored.every((u) => u.userId === 'u1')).toBe(true);
    expect((await documents.load('meeting:m1'))[0]!.userId).toBeNull();
    expect(await documents.head('case:c1:shared')).toBe(5);
    expect(await documents.head('case:unknown:shared')).toBe(0);
    expect(await documents.load('case:unknown:shared')).toEqual([]);
  });

  test('[ST3] an instance that missed updates reads exactly those after the last sequence it has', async () => {
    const writer = (await open()).documents;
    const reader = (await open()).documents;
    const board = editor(1);
    for (let i = 0; i < 6; i++) {
      board.edit(i);
      await writer.append('case:c1:shared', board.updates.at(-1)!);
    }
    const behind = documentOf(await reader.load('case:c1:shared'));
    for (let i = 6; i < 10; i++) {
      board.edit(i);
      await writer.append('case:c1:shared', board.updates.at(-1)!);
    }
    const missed = await reader.load('case:c1:shared', 6);
    expect(missed.map((u) => u.seq)).toEqual([7, 8, 9, 10]);
    expect(contentOf(documentOf(missed, behind))).toEqual(contentOf(board.doc));
    expect(await reader.load('case:c1:shared', 10)).toEqual([]);
  });

  test('[ST4] compaction keeps the document as it was, and its sequence goes on', async () => {
    const { documents } = await open();
    const board = editor(1);
    for (let i = 0; i < 40; i++) {
      board.edit(i);
      await documents.append('case:c1:shared', board.updates.at(-1)!, 'u1');
    }
    const before = contentOf(documentOf(await documents.load('case:c1:shared')));

    expect(await documents.compact('case:c1:shared')).toEqual({ throughSeq: 40, merged: 40 });
    const after = await documents.load('case:c1:shared');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ seq: 40, userId: null });
    expect(contentOf(documentOf(after))).toEqual(before);
    expect(before).toEqual(contentOf(board.doc));
    expect(await documents.compact('case:c1:shared')).toBeNull();

    board.edit(40);
    expect(await documents.append('case:c1:shared', board.updates.at(-1)!)).toBe(41);
    expect(await documents.count('case:c1:shared')).toBe(2);
  });

  test('[ST3] an instance behind a compaction gets the merged state with what it missed', async () => {
    const { documents } = await open();
    const board = editor(1);
    for (let i = 0; i < 8; i++) {
      board.edit(i);
      await documents.append('case:c1:shared', board.updates.at(-1)!);
    }
    const behind = documentOf(await documents.load('case:c1:shared'));
    for (let i = 8; i < 12; i++) {
      board.edit(i);
      await documents.append('case:c1:shared', board.updates.at(-1)!);
    }
    await documents.compact('case:c1:shared');
    const missed = await documents.load('case:c1:shared', 8);
    expect(missed.map((u) => u.seq)).toEqual([12]);
    expect(contentOf(documentOf(missed, behind))).toEqual(contentOf(board.doc));
  });

  test('[ST5] replacing through a sequence keeps the updates after it, and an older replace changes nothing', async () => {
    const { documents } = await open();
    const board = editor(1);
    let stateAt5: Uint8Array = new Uint8Array();
    for (let i = 0; i < 8; i++) {
      board.edit(i);
      await documents.append('case:c1:shared', board.updates.at(-1)!);
      if (i === 4) stateAt5 = Y.encodeStateAsUpdate(board.doc);
    }
    const stateAt8 = Y.encodeStateAsUpdate(board.doc);

    expect(await documents.replace('case:c1:shared', stateAt5, 5)).toBe(true);
    expect((await documents.load('case:c1:shared')).map((u) => u.seq)).toEqual([5, 6, 7, 8]);
    expect(await documents.replace('case:c1:shared', stateAt8, 8)).toBe(true);
    expect(await documents.replace('case:c1:shared', stateAt5, 5)).toBe(false);
    expect((await documents.load('case:c1:shared')).map((u) => u.seq)).toEqual([8]);
    await expect(documents.replace('case:c1:shared', stateAt8, 9)).rejects.toThrow(/log ends at 8/);
    expect(contentOf(documentOf(await documents.load('case:c1:shared')))).toEqual(contentOf(board.doc));
  });

  test('[ST5] two instances compacting one document at once lose no update, and sequences keep growing', async () => {
    const a = (await open()).documents;
    const b = (await open()).documents;
    const editors = [editor(1), editor(2)];
    const seqs: number[] = [];
    for (let round = 0; round < 10; round++) {
      const appends = editors.flatMap((e, n) =>
        [0, 1, 2].map((k) => {
          e.edit(round * 3 + k);
          return (n === 0 ? a : b).append('case:c1:shared', e.updates.at(-1)!);
        }),
      );
      const [compactedA, compactedB, ...appended] = await Promise.all([
        a.compact('case:c1:shared'),
        b.compact('case:c1:shared'),
        ...appends,
      ]);
      seqs.push(...(appended as number[]));
      for (const compacted of [compactedA, compactedB])
        if (compacted) expect(compacted.throughSeq).toBeLessThanOrEqual(Math.max(...seqs));
    }
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));

    const stored = await a.load('case:c1:shared');
    const stored_seqs = stored.map((u) => u.seq);
    expect(stored_seqs).toEqual([...stored_seqs].sort((x, y) => x - y));
    expect(new Set(stored_seqs).size).toBe(stored_seqs.length);
    const merged = documentOf(stored);
    const expected = new Y.Doc();
    for (const e of editors) Y.applyUpdate(expected, Y.encodeStateAsUpdate(e.doc));
    expect(contentOf(merged)).toEqual(contentOf(expected));
    expect(await b.head('case:c1:shared')).toBe(60);
  });

  test('[ST6] appends racing a compaction lose nothing', async () => {
    const { documents } = await open();
    const board = editor(1);
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      board.edit(i);
      pending.push(documents.append('case:c1:shared', board.updates.at(-1)!));
      if (i % 25 === 24) pending.push(documents.compact('case:c1:shared'));
      if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(pending);
    await documents.compact('case:c1:shared');
    expect(contentOf(documentOf(await documents.load('case:c1:shared')))).toEqual(contentOf(board.doc));
    expect(await documents.head('case:c1:shared')).toBe(200);
  });

  test('[ST7] appends made together share one transaction and each keeps its own sequence', async () => {
    const { documents } = await open();
    const board = editor(1);
    const meeting = editor(2);
    const appends: Promise<number>[] = [];
    for (let i = 0; i < 50; i++) {
      board.edit(i);
      meeting.edit(i);
      appends.push(documents.append('case:c1:shared', board.updates.at(-1)!));
      appends.push(documents.append('meeting:m1', meeting.updates.at(-1)!));
    }
    const seqs = await Promise.all(appends);
    expect(seqs.filter((_, i) => i % 2 === 0)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(seqs.filter((_, i) => i % 2 === 1)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const { items, batches } = documents.stats();
    expect(items).toBe(100);
    expect(batches).toBeLessThan(10);
    expect(contentOf(documentOf(await documents.load('meeting:m1')))).toEqual(contentOf(meeting.doc));
  });

  test('[ST7] without group commit every append is a transaction of its own, with the same result', async () => {
    const { documents } = await open({ groupCommit: false });
    const board = editor(1);
    const appends: Promise<number>[] = [];
    for (let i = 0; i < 20; i++) {
      board.edit(i);
      appends.push(documents.append('case:c1:shared', board.updates.at(-1)!));
    }
    expect((await Promise.all(appends)).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(documents.stats()).toMatchObject({ items: 20, batches: 20 });
    expect(contentOf(documentOf(await documents.load('case:c1:shared')))).toEqual(contentOf(board.doc));
  });

  test('[ST8] versions of a board are kept, listed newest first per case, and read back whole', async () => {
    const { documents } = await open();
    const board = editor(1);
    board.edit(0);
    const version = (name: string, createdAt: string, caseId = 'c1') => ({
      case_id: caseId,
      meeting_id: name === 'meeting' ? 'm1' : null,
      name,
      state: Buffer.from(Y.encodeStateAsUpdate(board.doc)),
      snapshot: Buffer.from(Y.encodeSnapshot(Y.snapshot(board.doc))),
      created_at: createdAt,
      kind: name === 'meeting' ? ('meeting' as const) : ('auto' as const),
    });
    const first = await documents.versions.put(version('meeting', '2026-03-01T10:00:00.000Z'));
    board.edit(1);
    const second = await documents.versions.put(version('', '2026-03-02T10:00:00.000Z'));
    await documents.versions.put(version('', '2026-03-03T10:00:00.000Z', 'c2'));

    expect(await documents.versions.list('c1')).toEqual([
      { id: second, kind: 'auto', meetingId: null, name: '', createdAt: '2026-03-02T10:00:00.000Z' },
      { id: first, kind: 'meeting', meetingId: 'm1', name: 'meeting', createdAt: '2026-03-01T10:00:00.000Z' },
    ]);
    expect(await documents.versions.list('c1', 1)).toHaveLength(1);
    const stored = await documents.versions.get('c1', second);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored!.state);
    expect(contentOf(doc)).toEqual(contentOf(board.doc));
    expect(Y.decodeSnapshot(stored!.snapshot)).toBeTruthy();
    expect(await documents.versions.get('c2', second)).toBeNull();

    expect(await documents.versions.remove('c2', [first])).toBe(0);
    expect(await documents.versions.remove('c1', [first])).toBe(1);
    expect((await documents.versions.list('c1')).map((v) => v.id)).toEqual([second]);
  });

  test('[ST1] instances that start at once migrate once, and a restart keeps what was stored', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    await a.documents.append('case:c1:shared', Y.encodeStateAsUpdate(editor(1).doc));
    await a.close();
    opened.splice(opened.indexOf(a), 1);
    const again = await open();
    expect(await again.documents.head('case:c1:shared')).toBe(1);
    expect(await b.documents.head('case:c1:shared')).toBe(1);
  });
});
