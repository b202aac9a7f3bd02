import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStep, createGoal, goalText, goalsOf, readBoard } from '../../../../shared/doc/board.js';
import { closeCodes, isFinalClose } from '../../../../shared/protocol.js';
import { synced } from '../../../utils/clients.js';
import { eventually } from '../../../utils/eventually.js';
import { openRawSocket, serverHasRead, syncMessage } from '../../../utils/rawSocket.js';
import type { RawSocket } from '../../../utils/rawSocket.js';
import { startSyncFixture } from '../../../utils/syncFixture.js';
import type { SyncFixture } from '../../../utils/syncFixture.js';
import { capture } from '../../../utils/updates.js';

/**
 * An update that builds on changes the server does not have yet waits on its connection (SPEC V5),
 * within bounds; past a bound the connection closes with 4509, after which the stock provider
 * reconnects and resyncs. What waited is checked as strictly as any other update once it can be.
 */
let f: SyncFixture;
const sockets: RawSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.ws.terminate();
  await f?.close();
});

const raw = (): RawSocket => {
  const socket = openRawSocket(f.server.url, f.name, '', f.headers());
  sockets.push(socket);
  return socket;
};

/**
 * One client's work in two parts: `base` creates a goal, `later` are edits that build on it (each
 * its own update), so any of `later` sent without `base` depends on changes the server lacks.
 */
function offlineWork(edits: ((doc: Y.Doc, goalId: string) => void)[]) {
  const doc = new Y.Doc();
  let goalId = '';
  const base = capture(doc, () => {
    goalId = createGoal(doc, { title: 'Basis', domain: 'housing', phase: 'treatment' });
  });
  const later = edits.map((edit) => capture(doc, () => edit(doc, goalId)));
  return { doc, goalId, base, later };
}

const typing = (what: string) => (doc: Y.Doc, goalId: string) => {
  const title = goalText(doc, goalId, 'title');
  title.insert(title.length, what);
};

const isOpen = (socket: RawSocket) => socket.ws.readyState === socket.ws.OPEN;

describe('[V5] updates that wait for what they build on', () => {
  it('are held, not applied and not refused, and applied in order once what they need arrives', async () => {
    f = await startSyncFixture();
    const work = offlineWork([typing(' een'), typing(' twee')]);
    const socket = raw();
    await socket.opened;
    for (const update of work.later) socket.ws.send(syncMessage.update(update));
    await serverHasRead(socket);
    expect(isOpen(socket)).toBe(true);
    expect(goalsOf((await f.connectSynced()).doc).has(work.goalId)).toBe(false);

    socket.ws.send(syncMessage.update(work.base));
    await eventually(async () => {
      const goal = readBoard((await f.connectSynced()).doc).goals.find((g) => g.id === work.goalId);
      expect(goal?.title).toBe('Basis een twee');
    });
    expect(isOpen(socket)).toBe(true);
  });

  it('an update whose dependency never comes closes the connection with 4509 after SYNC_HOLD_MAX_MS', async () => {
    f = await startSyncFixture({ hold: { maxMs: 150 } });
    const work = offlineWork([typing(' nooit')]);
    const socket = raw();
    await socket.opened;
    socket.ws.send(syncMessage.update(work.later[0]!));
    expect((await socket.closed).code).toBe(closeCodes.resync);
    expect(goalsOf((await f.connectSynced()).doc).has(work.goalId)).toBe(false);
  });

  it('past SYNC_HOLD_MAX_UPDATES held updates the connection closes with 4509', async () => {
    f = await startSyncFixture({ hold: { maxUpdates: 3 } });
    const work = offlineWork([typing(' 1'), typing(' 2'), typing(' 3'), typing(' 4')]);
    const socket = raw();
    await socket.opened;
    for (const update of work.later.slice(0, 3)) socket.ws.send(syncMessage.update(update));
    await serverHasRead(socket);
    expect(isOpen(socket)).toBe(true); // three may wait
    socket.ws.send(syncMessage.update(work.later[3]!));
    expect((await socket.closed).code).toBe(closeCodes.resync);
  });

  it('past SYNC_HOLD_MAX_BYTES held the connection closes with 4509', async () => {
    f = await startSyncFixture({ hold: { maxBytes: 2_048 } });
    const step = (n: number) => (doc: Y.Doc, goalId: string) =>
      void addStep(doc, goalId, { text: `${n}`.padEnd(800, '.') });
    const work = offlineWork([step(1), step(2), step(3)]);
    expect(work.later.every((u) => u.byteLength > 800 && u.byteLength < 1_000)).toBe(true);
    const socket = raw();
    await socket.opened;
    for (const update of work.later.slice(0, 2)) socket.ws.send(syncMessage.update(update));
    await serverHasRead(socket);
    expect(isOpen(socket)).toBe(true); // under 2 KiB waits
    socket.ws.send(syncMessage.update(work.later[2]!));
    expect((await socket.closed).code).toBe(closeCodes.resync);
  });

  const invalidOnceChecked: [string, (doc: Y.Doc, goalId: string) => void][] = [
    ['a status that is not one', (doc, id) => goalsOf(doc).get(id)!.set('status', 'vergeten')],
    ['an unknown field', (doc, id) => goalsOf(doc).get(id)!.set('secret', 'x')],
    ['more than the title may hold in one update', typing('x'.repeat(301))],
  ];
  for (const [what, edit] of invalidOnceChecked) {
    it(`a held update with ${what} is refused with 4422 once its dependency arrives; what it built on is kept`, async () => {
      f = await startSyncFixture();
      const work = offlineWork([edit]);
      const socket = raw();
      await socket.opened;
      socket.ws.send(syncMessage.update(work.later[0]!));
      await serverHasRead(socket);
      expect(isOpen(socket)).toBe(true);
      socket.ws.send(syncMessage.update(work.base));
      expect((await socket.closed).code).toBe(closeCodes.invalidUpdate);
      const goal = readBoard((await f.connectSynced()).doc).goals.find((g) => g.id === work.goalId);
      expect(goal).toMatchObject({ title: 'Basis', status: 'open' });
    });
  }

  it('a stock provider closed with 4509 reconnects by itself and resyncs: nothing is lost', async () => {
    f = await startSyncFixture({ hold: { maxUpdates: 2 } });
    const client = await f.connectSynced();
    const goalId = createGoal(client.doc, { title: 'Veel', domain: 'income', phase: 'rebuilding' });
    const title = () => goalText(client.doc, goalId, 'title');
    client.provider.disconnect();
    title().insert(title().length, ' offline');
    const connected = new Promise<void>((resolve) => {
      const onStatus = ({ status }: { status: string }) => {
        if (status !== 'connected') return;
        client.provider.off('status', onStatus);
        // Five keystrokes before the sync step with the offline edit: more than may wait.
        for (const key of ['1', '2', '3', '4', '5']) title().insert(title().length, key);
        resolve();
      };
      client.provider.on('status', onStatus);
    });
    client.provider.connect();
    await connected;
    await eventually(() => expect(client.closes.map((c) => c.code)).toContain(closeCodes.resync));
    await synced(client);
    await eventually(async () => {
      const goal = readBoard((await f.connectSynced()).doc).goals.find((g) => g.id === goalId);
      expect(goal?.title).toBe('Veel offline12345');
    });
    expect(client.closes.filter((c) => isFinalClose(c.code))).toEqual([]);
    expect(client.provider.shouldConnect).toBe(true);
  });
});
