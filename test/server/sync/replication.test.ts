import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../../../server/logger.js';
import { openStorage } from '../../../server/storage/storage.js';
import type { Storage } from '../../../server/storage/storage.js';
import { Persistence } from '../../../server/sync/extensions/persistence.js';
import type { Bus } from '../../../server/sync/instances/bus.js';
import { lossyBuses } from '../../utils/buses.js';
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

  /** How often an instance read missed updates back from the log. */
  let readBacks = 0;
  async function startInstances(buses: Bus[], options = { gapWaitMs: 50, checkEveryMs: 500 }) {
    readBacks = 0;
    const fresh = freshPostgresSchema('replication');
    drop = fresh.drop;
    for (const bus of buses) {
      const storage = await openStorage(
        { databaseUrl: testDatabaseUrl, dataDir: '' },
        { postgres: { schema: fresh.schema } },
      );
      const persistence = new Persistence(storage.documents, { compactAfterUpdates: 40 });
      const counted = {
        load: (name: string, afterSeq: number) => {
          readBacks++;
          return storage.documents.load(name, afterSeq);
        },
        heads: (names: readonly string[]) => storage.documents.heads(names),
      };
      const replication = new Replication(bus, counted, (doc) => persistence.appliedOf(doc), options, log);
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

  test('messages that come late but within the gap wait cost no read-back from the log', async () => {
    // Every message 10 ms late: three instances typing at once hand out interleaved sequences, so
    // each sees gaps that the late message closes long before the wait ends.
    const [a, b, c] = await startInstances(lossyBuses(3, Number.POSITIVE_INFINITY, 10), {
      gapWaitMs: 1_000,
      checkEveryMs: 0,
    });
    const editors = [open(a!), open(b!), open(c!)];
    await Promise.all(editors.map((e) => synced(e)));
    const afterOpening = readBacks;
    await typeTogether(editors, 40);
    const expected = [0, 1, 2].flatMap((i) => Array.from({ length: 40 }, (_, r) => `${i}.${r}`)).sort();
    await eventually(() => {
      for (const editor of editors) expect(tokens(editor)).toEqual(expected);
    }, 15_000);
    await Promise.all(instances.map((i) => i.replication.settled()));
    // 120 edits over three instances, hundreds of gaps opened and closed: none read back.
    expect(readBacks - afterOpening).toBe(0);
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
