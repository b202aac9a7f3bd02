import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGoal, goalText, goalsOf, readBoard } from '../../../../shared/doc/board.js';
import { readObservations } from '../../../../shared/doc/signalPlan.js';
import { caseDocumentName, closeCodes, isFinalClose } from '../../../../shared/protocol.js';
import { NotStored } from '../../../../server/sync/documentRegistry.js';
import type { ChangeContext, SyncExtension } from '../../../../server/sync/extension.js';
import { Persistence } from '../../../../server/sync/extensions/persistence.js';
import type { DocumentLogPort } from '../../../../server/sync/extensions/persistence.js';
import { ShapeValidation } from '../../../../server/sync/extensions/shapeValidation.js';
import { signedInMember } from '../../../utils/accounts.js';
import { connectClient, synced } from '../../../utils/clients.js';
import type { SyncClient } from '../../../utils/clients.js';
import { eventually } from '../../../utils/eventually.js';
import { api } from '../../../utils/http.js';
import { memoryDocumentLog, startSyncHarness } from '../../../utils/syncHarness.js';
import type { SyncHarness } from '../../../utils/syncHarness.js';
import { startSyncFixture } from '../../../utils/syncFixture.js';
import type { SyncFixture } from '../../../utils/syncFixture.js';
import { capture } from '../../../utils/updates.js';

/**
 * SPEC D1: an accepted update is stored before anyone else receives it. When storing fails, the
 * change goes to nobody, every connection on that document is told to come back (4503), and the
 * providers send their changes again to a copy read back from storage.
 */
const name = caseDocumentName('case1');
let harness: SyncHarness | null = null;
let f: SyncFixture | null = null;
const open: SyncClient[] = [];
afterEach(async () => {
  for (const client of open.splice(0)) client.destroy();
  await harness?.close();
  harness = null;
  await f?.close();
  f = null;
});

/** A document log whose writes fail while `failing` is on, as a full or broken disk does. */
function failingStore() {
  const inner = memoryDocumentLog();
  const control = { failing: false, refused: 0 };
  const guard = () => {
    if (!control.failing) return;
    control.refused++;
    throw new Error('disk full');
  };
  const store: DocumentLogPort = {
    load: (n, after) => inner.load(n, after),
    append: async (n, update, userId) => {
      guard();
      return inner.append(n, update, userId);
    },
    replace: async (n, state, through) => {
      guard();
      return inner.replace(n, state, through);
    },
  };
  return { store, inner, control };
}

const storedGoals = (store: { updates(name: string): Uint8Array[] }, documentName = name) => {
  const doc = new Y.Doc();
  for (const update of store.updates(documentName)) Y.applyUpdate(doc, update);
  return [...goalsOf(doc).keys()].sort();
};

const connect = (documentName = name): SyncClient => {
  const client = connectClient(harness!.url, documentName);
  open.push(client);
  return client;
};

const codes = (client: SyncClient) => client.closes.map((c) => c.code);

describe('[D1] stored before sent', () => {
  it('[D1] a change that could not be stored reaches no other client; its sender is told (4503), sends it again, and once storage works it is stored and on the other screen', async () => {
    const { store, inner, control } = failingStore();
    harness = await startSyncHarness([
      new ShapeValidation(),
      new Persistence(store, { compactAfterUpdates: 100 }),
    ]);
    const sender = connect();
    const other = connect();
    const elsewhere = connect(caseDocumentName('case2'));
    for (const client of [sender, other, elsewhere]) await synced(client);
    const goalId = createGoal(sender.doc, { title: 'Bewaard', domain: 'care', phase: 'treatment' });
    goalText(sender.doc, goalId, 'title').insert(7, ' en gezien'); // two stored rows
    await eventually(() => expect(goalsOf(other.doc).has(goalId)).toBe(true));

    let seenWhileFailing = false;
    other.doc.on('update', () => {
      if (control.failing && goalsOf(other.doc).has('unstored')) seenWhileFailing = true;
    });
    control.failing = true;
    createGoal(sender.doc, { id: 'unstored', title: 'Niet bewaard', domain: 'work', phase: 'treatment' });
    // Told, reconnected, sent it again, told again: the provider keeps trying on its own.
    await eventually(() =>
      expect(
        codes(sender).filter((c) => c === closeCodes.notStored).length,
        JSON.stringify(sender.closes),
      ).toBeGreaterThanOrEqual(2),
    );
    await eventually(() => expect(codes(other)).toContain(closeCodes.notStored));
    expect(goalsOf(other.doc).has('unstored')).toBe(false);
    expect(storedGoals(inner)).toEqual([goalId]);
    expect(elsewhere.closes).toEqual([]); // another document is not affected

    control.failing = false;
    await eventually(() => {
      expect(storedGoals(inner)).toEqual([goalId, 'unstored'].sort());
      expect(goalsOf(other.doc).has('unstored')).toBe(true);
    });
    expect(seenWhileFailing).toBe(false);
    // Reading kept working while writing failed: the only closes were "send it again".
    for (const client of [sender, other]) {
      expect(codes(client).every((c) => c === closeCodes.notStored)).toBe(true);
      expect(client.closes.filter((c) => isFinalClose(c.code))).toEqual([]);
    }
    await eventually(() => expect(readBoard(other.doc)).toEqual(readBoard(sender.doc)));
  });

  it('[D1] a board opened while storage fails is told to come back instead of taking edits nobody stores', async () => {
    const { store, inner, control } = failingStore();
    /** Writes the board's first structure as soon as it is loaded, as BoardDefaults does. */
    const defaults: SyncExtension = {
      onDocumentReady: ({ doc }) =>
        void doc.getMap('perspectives').set('patient', new Y.Map([['active', false]])),
    };
    harness = await startSyncHarness([
      new ShapeValidation(),
      new Persistence(store, { compactAfterUpdates: 100 }),
      defaults,
    ]);
    control.failing = true;
    const client = connect();
    await eventually(() => expect(codes(client)).toContain(closeCodes.notStored));
    expect(client.provider.synced).toBe(false);
    createGoal(client.doc, { id: 'typed', title: 'Tijdens de storing', domain: 'care', phase: 'treatment' });
    await eventually(() =>
      expect(codes(client).filter((c) => c === closeCodes.notStored).length).toBeGreaterThanOrEqual(3),
    );
    expect(storedGoals(inner)).toEqual([]);

    control.failing = false;
    await synced(client);
    await eventually(() => expect(storedGoals(inner)).toEqual(['typed']));
    expect(client.closes.filter((c) => isFinalClose(c.code))).toEqual([]);
  });

  it('[D1] a write the server makes itself (registry.use) throws NotStored and is not kept', async () => {
    const { store, control } = failingStore();
    harness = await startSyncHarness([
      new ShapeValidation(),
      new Persistence(store, { compactAfterUpdates: 100 }),
    ]);
    const viewer = connect();
    await synced(viewer);
    control.failing = true;
    const actor = { userId: 'u-api', role: 'professional' };
    await expect(
      harness.sync.registry.use(
        name,
        (doc) => createGoal(doc, { id: 'api', title: 'Via de API', domain: 'income', phase: 'treatment' }),
        actor,
      ),
    ).rejects.toBeInstanceOf(NotStored);
    await eventually(() => expect(codes(viewer)).toContain(closeCodes.notStored));

    control.failing = false;
    expect(await harness.sync.registry.use(name, (doc) => goalsOf(doc).has('api'))).toBe(false);
    await synced(viewer);
    expect(goalsOf(viewer.doc).has('api')).toBe(false);
    const id = await harness.sync.registry.use(
      name,
      (doc) => createGoal(doc, { title: 'Nu wel', domain: 'income', phase: 'treatment' }),
      actor,
    );
    await eventually(() => expect(goalsOf(viewer.doc).has(id)).toBe(true));
  });

  it('[D1] a concern whose onChange throws keeps neither the next concern from seeing the change nor the change from being stored and sent', async () => {
    const store = memoryDocumentLog();
    const seen: string[] = [];
    const broken: SyncExtension = {
      onChange: () => {
        throw new Error('projection failed');
      },
    };
    const later: SyncExtension = {
      onChange: ({ touched }: ChangeContext) => void seen.push(...touched.map((t) => t.path.join('.'))),
    };
    harness = await startSyncHarness([
      new ShapeValidation(),
      new Persistence(store, { compactAfterUpdates: 100 }),
      broken,
      later,
    ]);
    const writer = connect();
    const other = connect();
    await synced(writer);
    await synced(other);
    const first = createGoal(writer.doc, { title: 'Een', domain: 'care', phase: 'treatment' });
    const second = createGoal(writer.doc, { title: 'Twee', domain: 'care', phase: 'treatment' });
    await eventually(() => {
      expect(seen.filter((path) => path === `goals.${first}` || path === `goals.${second}`)).toHaveLength(2);
      expect(storedGoals(store)).toEqual([first, second].sort());
      expect([...goalsOf(other.doc).keys()].sort()).toEqual([first, second].sort());
    });
    expect([...writer.closes, ...other.closes]).toEqual([]);
  });
});

describe('[D1] the real server with its SQLite store failing on demand', () => {
  const diskFull = `CREATE TRIGGER disk_full BEFORE INSERT ON document_updates
    BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`;

  it('an API write answers 503 and changes nothing; the same write is kept once storage works', async () => {
    f = await startSyncFixture();
    const member = await signedInMember(f.server, f.caseId);
    // The board was edited before (two stored rows) and is not in memory now.
    const earlier = new Y.Doc();
    const rows = [
      capture(earlier, () =>
        createGoal(earlier, { id: 'eerder', title: 'Eerder', domain: 'care', phase: 'treatment' }),
      ),
      capture(earlier, () => goalText(earlier, 'eerder', 'title').insert(6, ' gedaan')),
    ];
    for (const row of rows) f.store().append(f.name, row);

    f.server.db.exec(diskFull);
    const observation = { state: 'amber', note: 'Slaapt slecht' };
    const path = `/api/cases/${f.caseId}/observations`;
    expect((await api(f.server, member.userId, 'POST', path, observation)).status).toBe(503);

    f.server.db.exec('DROP TRIGGER disk_full');
    expect((await api(f.server, member.userId, 'POST', path, observation)).status).toBe(201);
    const board = (await f.connectSynced()).doc;
    expect(readObservations(board).map((o) => o.note)).toEqual(['Slaapt slecht']);
    expect(readBoard(board).goals.map((g) => g.title)).toEqual(['Eerder gedaan']);
  });
});
