import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../../../server/logger.js';
import { openStorage } from '../../../server/storage/storage.js';
import type { Storage } from '../../../server/storage/storage.js';
import { Persistence } from '../../../server/sync/extensions/persistence.js';
import type { Bus } from '../../../server/sync/instances/bus.js';
import { newInstanceId } from '../../../server/sync/instances/bus.js';
import { redisBus } from '../../../server/sync/instances/redisBus.js';
import { Replication } from '../../../server/sync/instances/replication.js';
import { connectClient, synced } from '../../utils/clients.js';
import type { SyncClient } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import {
  freshPostgresSchema,
  postgresTestsEnabled,
  redisTestsEnabled,
  testDatabaseUrl,
  testRedisUrl,
} from '../../utils/services.js';
import { startSyncHarness } from '../../utils/syncHarness.js';
import type { SyncHarness } from '../../utils/syncHarness.js';

const log = createLogger('silent');
const enabled = (await postgresTestsEnabled()) && (await redisTestsEnabled());

/**
 * Buses in one process that lose messages on purpose: every `dropEvery`-th message to an
 * instance never arrives, as when pub/sub drops a connection for a moment.
 */
function lossyBuses(count: number, dropEvery: number): Bus[] {
  const subscribers = new Map<string, Map<string, Set<(p: Uint8Array) => void>>>();
  let sent = 0;
  return Array.from({ length: count }, () => {
    const instanceId = newInstanceId();
    const mine = new Map<string, Set<(p: Uint8Array) => void>>();
    subscribers.set(instanceId, mine);
    return {
      instanceId,
      publish(topic, payload) {
        for (const [id, topics] of subscribers) {
          if (id === instanceId) continue;
          if (++sent % dropEvery === 0) continue;
          const copy = payload.slice();
          for (const handler of topics.get(topic) ?? []) queueMicrotask(() => handler(copy));
        }
      },
      subscribe(topic, handler) {
        const set = mine.get(topic) ?? new Set();
        mine.set(topic, set.add(handler));
        return () => set.delete(handler);
      },
      onReconnect: () => () => undefined,
      close: async () => undefined,
    } satisfies Bus;
  });
}

interface Instance {
  harness: SyncHarness;
  storage: Storage;
  replication: Replication;
  bus: Bus;
}

describe.skipIf(!enabled)('several instances hold the same document (SPEC SI2, SI3)', () => {
  const instances: Instance[] = [];
  const clients: SyncClient[] = [];
  let drop: (() => Promise<void>) | null = null;

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const { harness, storage, replication, bus } of instances.splice(0)) {
      replication.close();
      await harness.close();
      await storage.close();
      await bus.close();
    }
    await drop?.();
  });

  async function startInstances(buses: Bus[], options = { gapWaitMs: 50, checkEveryMs: 500 }) {
    const fresh = freshPostgresSchema('replication');
    drop = fresh.drop;
    for (const bus of buses) {
      const storage = await openStorage(
        { databaseUrl: testDatabaseUrl, dataDir: '' },
        { postgres: { schema: fresh.schema } },
      );
      const persistence = new Persistence(storage.documents, { compactAfterUpdates: 40 });
      const replication = new Replication(
        bus,
        storage.documents,
        (doc) => persistence.appliedOf(doc),
        options,
        log,
      );
      const harness = await startSyncHarness([persistence], { replication, unloadAfterMs: 200 });
      instances.push({ harness, storage, replication, bus });
    }
    return instances;
  }

  const open = (instance: Instance, doc = new Y.Doc()) => {
    const client = connectClient(instance.harness.url, 'case:c1:shared', doc);
    clients.push(client);
    return client;
  };

  /** Each client types `rounds` tokens into one shared text and one map entry of its own. */
  async function typeTogether(editors: SyncClient[], rounds: number) {
    for (let round = 0; round < rounds; round++) {
      editors.forEach((client, i) => {
        client.doc.getText('notes').insert(0, `${i}.${round};`);
        client.doc.getMap('cards').set(`${i}`, round);
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  const tokens = (client: SyncClient) =>
    client.doc.getText('notes').toString().split(';').filter(Boolean).sort();

  test('providers on three instances over Redis converge on every token typed at once', async () => {
    // A prefix of this test's own: the three talk to each other and to nobody else.
    const prefix = `test-${newInstanceId()}:`;
    const shared = [0, 1, 2].map(() => redisBus(testRedisUrl, log, { prefix }));
    const [a, b, c] = await startInstances(shared);
    const editors = [open(a!), open(b!), open(c!)];
    await Promise.all(editors.map((e) => synced(e)));
    await typeTogether(editors, 60);
    const expected = [0, 1, 2].flatMap((i) => Array.from({ length: 60 }, (_, r) => `${i}.${r}`)).sort();
    await eventually(() => {
      for (const editor of editors) expect(tokens(editor)).toEqual(expected);
      for (const editor of editors)
        expect(editor.doc.getMap('cards').toJSON()).toEqual({ 0: 59, 1: 59, 2: 59 });
    }, 15_000);
  });

  test('a bus that loses every third message loses no edit: gaps and heads are read back from the log', async () => {
    const [a, b, c] = await startInstances(lossyBuses(3, 3));
    const editors = [open(a!), open(b!), open(c!)];
    await Promise.all(editors.map((e) => synced(e)));
    await typeTogether(editors, 50);
    const expected = [0, 1, 2].flatMap((i) => Array.from({ length: 50 }, (_, r) => `${i}.${r}`)).sort();
    await eventually(() => {
      for (const editor of editors) expect(tokens(editor)).toEqual(expected);
    }, 15_000);
    // And what each instance stored (compacted on the way) is the same document.
    const reader = new Y.Doc();
    for (const row of await a!.storage.documents.load('case:c1:shared')) Y.applyUpdate(reader, row.data);
    expect(reader.getText('notes').toString().split(';').filter(Boolean).sort()).toEqual(expected);
  });

  test('presence shows everyone, whichever instance they are on, and leaves with them', async () => {
    const prefix = `test-${newInstanceId()}:`;
    const [a, b] = await startInstances([
      redisBus(testRedisUrl, log, { prefix }),
      redisBus(testRedisUrl, log, { prefix }),
    ]);
    const anna = open(a!);
    const bram = open(b!);
    await Promise.all([synced(anna), synced(bram)]);
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    bram.provider.awareness.setLocalStateField('user', { name: 'Bram' });
    const names = (client: SyncClient) =>
      [...client.provider.awareness.getStates().values()]
        .map((s) => (s.user as { name?: string } | undefined)?.name)
        .sort();
    await eventually(() => {
      expect(names(anna)).toEqual(['Anna', 'Bram']);
      expect(names(bram)).toEqual(['Anna', 'Bram']);
    });
    bram.destroy();
    await eventually(() => expect(names(anna)).toEqual(['Anna']));
  });
});
