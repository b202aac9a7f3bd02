import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGoal, goalsOf } from '../../../../shared/doc/board.js';
import { caseDocumentName } from '../../../../shared/protocol.js';
import type { SyncExtension } from '../../../../server/sync/extension.js';
import { Persistence } from '../../../../server/sync/extensions/persistence.js';
import type { DocumentLogPort } from '../../../../server/sync/extensions/persistence.js';
import { ShapeValidation } from '../../../../server/sync/extensions/shapeValidation.js';
import { connectClient, synced } from '../../../utils/clients.js';
import type { SyncClient } from '../../../utils/clients.js';
import { eventually } from '../../../utils/eventually.js';
import { memoryDocumentLog, startSyncHarness } from '../../../utils/syncHarness.js';
import type { SyncHarness } from '../../../utils/syncHarness.js';
import { capture } from '../../../utils/updates.js';

/**
 * SPEC D1 and D3 on the asynchronous document log: an update goes out only once its append is
 * durable, and compaction never drops an update another instance appended.
 */
const name = caseDocumentName('case1');
let harness: SyncHarness | null = null;
const open: SyncClient[] = [];
afterEach(async () => {
  for (const client of open.splice(0)) client.destroy();
  await harness?.close();
  harness = null;
});

const connect = () => {
  const client = connectClient(harness!.url, name);
  open.push(client);
  return client;
};

const goalsIn = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return [...goalsOf(doc).keys()].sort();
};

/** A log whose appends wait until the test lets them through, as a slow disk or network does. */
function slowLog() {
  const inner = memoryDocumentLog();
  const held: (() => void)[] = [];
  let holding = false;
  const log: DocumentLogPort = {
    load: (n, after) => inner.load(n, after),
    replace: (n, state, through) => inner.replace(n, state, through),
    append: (n, update, userId) =>
      holding
        ? new Promise((resolve) => held.push(() => void inner.append(n, update, userId).then(resolve)))
        : inner.append(n, update, userId),
  };
  return {
    log,
    inner,
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      for (const next of held.splice(0)) next();
    },
    get waiting() {
      return held.length;
    },
  };
}

describe('[D1] sent on only once durable', () => {
  it('[D1] while an append is under way the other screen and a newcomer see nothing of it; once durable both do', async () => {
    const slow = slowLog();
    harness = await startSyncHarness([
      new ShapeValidation(),
      new Persistence(slow.log, { compactAfterUpdates: 100 }),
    ]);
    const writer = connect();
    const other = connect();
    await synced(writer);
    await synced(other);

    slow.hold();
    createGoal(writer.doc, { id: 'onderweg', title: 'Onderweg', domain: 'care', phase: 'treatment' });
    await eventually(() => expect(slow.waiting).toBe(1));
    const newcomer = connect();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(goalsOf(other.doc).has('onderweg')).toBe(false);
    expect(goalsOf(newcomer.doc).has('onderweg')).toBe(false);
    expect(newcomer.provider.synced).toBe(false); // its step 2 holds the change: it waits too

    slow.release();
    await eventually(() => {
      expect(goalsOf(other.doc).has('onderweg')).toBe(true);
      expect(goalsOf(newcomer.doc).has('onderweg')).toBe(true);
    });
    expect(goalsIn(slow.inner.updates(name))).toEqual(['onderweg']);
  });

  it('[D1] changes go out in the order they were made, also when their appends resolve together', async () => {
    const slow = slowLog();
    const seen: string[] = [];
    const watcher: SyncExtension = {
      onChange: ({ touched }) => void seen.push(...touched.map((t) => t.path.join('.'))),
    };
    harness = await startSyncHarness([
      new ShapeValidation(),
      new Persistence(slow.log, { compactAfterUpdates: 100 }),
      watcher,
    ]);
    const writer = connect();
    await synced(writer);
    slow.hold();
    const ids = ['een', 'twee', 'drie'];
    for (const id of ids) createGoal(writer.doc, { id, title: id, domain: 'care', phase: 'treatment' });
    await eventually(() => expect(slow.waiting).toBe(3));
    expect(seen).toEqual([]);
    slow.release();
    await eventually(() =>
      expect(seen.filter((p) => ids.some((id) => p === `goals.${id}`))).toEqual(
        ids.map((id) => `goals.${id}`),
      ),
    );
  });
});

describe('[D3] compaction keeps what another instance appended', () => {
  it('[D3][ST5] an update appended by another instance after this copy loaded survives its compactions and its unload', async () => {
    const log = memoryDocumentLog();
    harness = await startSyncHarness(
      [new ShapeValidation(), new Persistence(log, { compactAfterUpdates: 3 })],
      {
        unloadAfterMs: 50,
      },
    );
    const writer = connect();
    await synced(writer);
    createGoal(writer.doc, { id: 'hier', title: 'Hier', domain: 'care', phase: 'treatment' });
    await eventually(() => expect(goalsIn(log.updates(name))).toEqual(['hier']));

    // Another instance appends to the same log; this copy never applied it.
    const elsewhere = new Y.Doc();
    await log.append(
      name,
      capture(elsewhere, () =>
        createGoal(elsewhere, { id: 'elders', title: 'Elders', domain: 'work', phase: 'treatment' }),
      ),
    );
    for (const id of ['a', 'b', 'c', 'd', 'e'])
      createGoal(writer.doc, { id, title: id, domain: 'care', phase: 'treatment' }); // compacts
    await eventually(() =>
      expect(goalsIn(log.updates(name))).toEqual(['a', 'b', 'c', 'd', 'e', 'elders', 'hier']),
    );

    writer.destroy();
    await eventually(() => expect(harness!.sync.registry.isLoaded(name)).toBe(false)); // compacted on unload
    expect(goalsIn(log.updates(name))).toEqual(['a', 'b', 'c', 'd', 'e', 'elders', 'hier']);
    const reader = connect();
    await synced(reader);
    expect([...goalsOf(reader.doc).keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'elders', 'hier']);
  });
});
