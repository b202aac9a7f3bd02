import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { createGoal, goalText, goalsOf, readBoard } from '../../../shared/doc/board.js';
import { caseDocumentName, closeCodes } from '../../../shared/protocol.js';
import type { ConnectionContext, DocumentContext, SyncExtension } from '../../../server/sync/extension.js';
import { SyncRefusal } from '../../../server/sync/extension.js';
import { Persistence } from '../../../server/sync/extensions/persistence.js';
import { ShapeValidation } from '../../../server/sync/extensions/shapeValidation.js';
import { connectClient, synced } from '../../utils/clients.js';
import type { SyncClient } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { applyReceived, openRawSocket, serverHasRead, syncMessage } from '../../utils/rawSocket.js';
import type { RawSocket } from '../../utils/rawSocket.js';
import { memoryDocumentLog, startSyncHarness } from '../../utils/syncHarness.js';
import type { SyncHarness } from '../../utils/syncHarness.js';

const name = caseDocumentName('case1');
let harness: SyncHarness | null = null;
const open: { destroy(): void }[] = [];
afterEach(async () => {
  for (const client of open.splice(0)) client.destroy();
  await harness?.close();
  harness = null;
});

const connect = (): SyncClient => {
  const client = connectClient(harness!.url, name);
  open.push(client);
  return client;
};
const raw = (query = ''): RawSocket => {
  const socket = openRawSocket(harness!.url, name, query);
  open.push({ destroy: () => socket.ws.terminate() });
  return socket;
};
const queryOf = (context: ConnectionContext) => new URL(context.request.url ?? '/', 'http://x').searchParams;

/** What the store holds for the document, as a board. */
function storedBoard(store: ReturnType<typeof memoryDocumentLog>) {
  const doc = new Y.Doc();
  for (const update of store.updates(name)) Y.applyUpdate(doc, update);
  return readBoard(doc);
}

/** Records every hook it sees as `<label>.<hook>`. */
function recorder(label: string, calls: string[]): SyncExtension {
  const hooks = [
    'onConnect',
    'onLoadDocument',
    'beforeApplyUpdate',
    'onChange',
    'onStoreDocument',
    'onDisconnect',
  ];
  return Object.fromEntries(hooks.map((hook) => [hook, () => void calls.push(`${label}.${hook}`)]));
}

describe('[P1] concerns run in the order they are configured', () => {
  it('every hook reaches access, validation and storage in that order', async () => {
    const calls: string[] = [];
    harness = await startSyncHarness(
      ['access', 'validation', 'storage'].map((label) => recorder(label, calls)),
      { unloadAfterMs: 10 },
    );
    const client = connect();
    await synced(client);
    createGoal(client.doc, { title: 'Volgorde', domain: 'care', phase: 'treatment' });
    await eventually(() => expect(calls).toContain('storage.onChange'));
    client.destroy();
    await eventually(() => expect(calls).toContain('storage.onStoreDocument'));

    for (const hook of [
      'onConnect',
      'onLoadDocument',
      'beforeApplyUpdate',
      'onChange',
      'onDisconnect',
      'onStoreDocument',
    ]) {
      const order = calls.filter((call) => call.endsWith(`.${hook}`)).map((call) => call.split('.')[0]);
      const rounds = Math.max(1, order.length / 3); // a hook may run more than once (step 2, then the edit)
      expect(order, hook).toEqual(
        Array.from({ length: rounds }, () => ['access', 'validation', 'storage']).flat(),
      );
    }
  });

  it('[C1] a concern that refuses a connection closes it with its code; later concerns never see it', async () => {
    const calls: string[] = [];
    const gatekeeper: SyncExtension = {
      onConnect: () => {
        throw new SyncRefusal(closeCodes.forbidden, 'not on this case');
      },
    };
    harness = await startSyncHarness([gatekeeper, recorder('later', calls)]);
    const socket = raw();
    expect(await socket.closed).toEqual({ code: closeCodes.forbidden, reason: 'not on this case' });
    expect(calls.filter((call) => call !== 'later.onDisconnect')).toEqual([]);
    expect(harness.sync.registry.size).toBe(0);
  });

  it('an update one concern refuses closes that socket with its code and is never stored or sent on', async () => {
    const store = memoryDocumentLog();
    const writers: SyncExtension = {
      beforeApplyUpdate: ({ connection }) => {
        if (queryOf(connection).has('blocked')) {
          throw new SyncRefusal(closeCodes.forbidden, 'read access only');
        }
      },
    };
    harness = await startSyncHarness([
      writers,
      new ShapeValidation(),
      new Persistence(store, { compactAfterUpdates: 100 }),
    ]);
    const editor = connect();
    await synced(editor);
    createGoal(editor.doc, { id: 'allowed', title: 'Mag wel', domain: 'care', phase: 'treatment' });

    const blocked = raw('?blocked=1');
    const theirs = new Y.Doc();
    createGoal(theirs, { id: 'blocked', title: 'Mag niet', domain: 'care', phase: 'treatment' });
    await blocked.opened;
    blocked.ws.send(syncMessage.update(Y.encodeStateAsUpdate(theirs)));
    expect((await blocked.closed).code).toBe(closeCodes.forbidden);

    await eventually(() => expect(storedBoard(store).goals.map((g) => g.id)).toEqual(['allowed']));
    expect(goalsOf(editor.doc).has('blocked')).toBe(false);
  });
});

describe('[S1] loading', () => {
  /** A storage concern whose load waits until the test lets it finish. */
  function slowLoad() {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const state = { loads: 0, doc: null as Y.Doc | null, finish };
    const extension: SyncExtension = {
      async onLoadDocument({ doc }: DocumentContext) {
        state.loads++;
        state.doc = doc;
        await gate;
      },
    };
    return { extension, state };
  }

  it('messages sent before the load finished wait, are handled in order, and the document loads once', async () => {
    const store = memoryDocumentLog();
    const earlier = new Y.Doc();
    createGoal(earlier, { id: 'stored', title: 'Al bewaard', domain: 'income', phase: 'treatment' });
    await store.append(name, Y.encodeStateAsUpdate(earlier));
    const slow = slowLoad();
    open.push({ destroy: slow.state.finish }); // a failing test must not leave the load hanging
    harness = await startSyncHarness([
      slow.extension,
      new ShapeValidation(),
      new Persistence(store, { compactAfterUpdates: 100 }),
    ]);

    const sockets = [0, 1, 2].map((i) => {
      const socket = raw();
      const mine = new Y.Doc();
      const updates: Uint8Array[] = [];
      mine.on('update', (update: Uint8Array) => updates.push(update));
      createGoal(mine, { id: `early${i}`, title: 'Vroeg', domain: 'work', phase: 'treatment' });
      goalText(mine, `early${i}`, 'title').insert(5, ' erbij'); // depends on the first update
      const [first, second] = updates as [Uint8Array, Uint8Array];
      socket.ws.once('open', () => {
        socket.ws.send(syncMessage.step1(new Y.Doc()));
        socket.ws.send(syncMessage.update(first));
        socket.ws.send(syncMessage.update(second));
      });
      return socket;
    });
    for (const socket of sockets) await socket.opened;
    for (const socket of sockets) await serverHasRead(socket);
    expect(sockets.map((s) => s.received.length)).toEqual([0, 0, 0]); // nothing answered yet
    expect(slow.state.loads).toBe(1);

    slow.state.finish();
    for (const socket of sockets) {
      const seen = new Y.Doc();
      await eventually(() => {
        applyReceived(socket, seen);
        expect(goalsOf(seen).has('stored')).toBe(true);
      });
    }
    await eventually(() => {
      const titles = readBoard(slow.state.doc!).goals.map((g) => `${g.id}:${g.title}`);
      expect(titles.sort()).toEqual([
        'early0:Vroeg erbij',
        'early1:Vroeg erbij',
        'early2:Vroeg erbij',
        'stored:Al bewaard',
      ]);
    });
    expect(slow.state.loads).toBe(1);
  });
});

describe('[A1][A2] read-only connections', () => {
  /** Marks connections opened with `?role=viewer` read-only, as the accounts concern will. */
  const viewerRole: SyncExtension = {
    onConnect(context) {
      if (queryOf(context).get('role') === 'viewer') context.readOnly = true;
    },
  };

  it('a viewer’s writes are dropped, but its screen stays live and its presence is shown', async () => {
    const store = memoryDocumentLog();
    harness = await startSyncHarness([
      viewerRole,
      new ShapeValidation(),
      new Persistence(store, { compactAfterUpdates: 100 }),
    ]);
    const editor = connect();
    await synced(editor);
    createGoal(editor.doc, { id: 'shared', title: 'Samen', domain: 'housing', phase: 'transition' });

    const viewer = raw('?role=viewer');
    const viewerDoc = new Y.Doc();
    const presence = new Awareness(viewerDoc);
    presence.setLocalState({ name: 'Meekijker' });
    const theirs = new Y.Doc();
    createGoal(theirs, { id: 'sneaky', title: 'Stiekem', domain: 'care', phase: 'treatment' });
    await viewer.opened;
    viewer.ws.send(syncMessage.step1(new Y.Doc()));
    viewer.ws.send(syncMessage.step2(Y.encodeStateAsUpdate(theirs)));
    viewer.ws.send(syncMessage.update(Y.encodeStateAsUpdate(theirs)));
    viewer.ws.send(syncMessage.awareness(presence));
    await serverHasRead(viewer);

    await eventually(() => {
      applyReceived(viewer, viewerDoc);
      expect(goalsOf(viewerDoc).has('shared')).toBe(true); // its step 1 was answered
    });
    await eventually(() =>
      expect(editor.provider.awareness.getStates().get(viewerDoc.clientID)).toEqual({ name: 'Meekijker' }),
    );

    createGoal(editor.doc, { id: 'later', title: 'Daarna', domain: 'work', phase: 'sustaining' });
    await eventually(() => {
      applyReceived(viewer, viewerDoc);
      expect(goalsOf(viewerDoc).has('later')).toBe(true); // live updates still reach it
    });
    expect(goalsOf(editor.doc).has('sneaky')).toBe(false);
    expect(
      storedBoard(store)
        .goals.map((g) => g.id)
        .sort(),
    ).toEqual(['later', 'shared']);
    expect(viewer.ws.readyState).toBe(viewer.ws.OPEN);
  });
});
