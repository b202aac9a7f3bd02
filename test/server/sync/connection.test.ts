import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createGoal, goalText, readBoard, updateGoal } from '../../../shared/doc/board.js';
import type { GoalStatus } from '../../../shared/domain.js';
import { closeCodes } from '../../../shared/protocol.js';
import { eventually } from '../../utils/eventually.js';
import { openRawSocket, syncMessage } from '../../utils/rawSocket.js';
import { boardJson, startSyncFixture } from '../../utils/syncFixture.js';
import type { SyncFixture } from '../../utils/syncFixture.js';

/**
 * A bad message closes only the socket it came on (SPEC S4–S6): the server stays up, the others
 * stay connected and nobody's board changes.
 */
let f: SyncFixture;
afterEach(async () => {
  await f?.close();
});

/** A board with one goal and a bystander who has it on screen. */
async function boardWithBystander(options: Parameters<typeof startSyncFixture>[0] = {}) {
  f = await startSyncFixture(options);
  const bystander = await f.connectSynced();
  const goalId = createGoal(bystander.doc, { title: 'Rustig slapen', domain: 'care', phase: 'treatment' });
  const before = boardJson(bystander.doc);
  await eventually(async () => expect(await f.snapshot()).toEqual(before));
  return { bystander, goalId, before, rows: f.store().count(f.name) };
}
type Board = Awaited<ReturnType<typeof boardWithBystander>>;

/**
 * The server and the bystander still have the board as it was, and the bystander is still live:
 * an edit from someone new reaches them (after anything the bad socket could have caused).
 */
async function expectUnharmed({ bystander, before, rows }: Board) {
  expect(f.store().count(f.name)).toBe(rows); // nothing was stored
  const health = await fetch(`${f.server.url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok' });
  expect(await f.snapshot()).toEqual(before);

  const probe = await f.connectSynced();
  const marker = createGoal(probe.doc, { title: 'Nog live?', domain: 'work', phase: 'sustaining' });
  await eventually(() => expect(readBoard(bystander.doc).goals.some((g) => g.id === marker)).toBe(true));
  const { goals } = boardJson(bystander.doc);
  delete goals[marker];
  expect({ ...boardJson(bystander.doc), goals }).toEqual(before);
  expect(bystander.provider.wsconnected).toBe(true);
  expect(bystander.closes).toEqual([]);
}

describe('[S4] a malformed message closes only that socket', () => {
  const garbage = [
    { name: 'an empty message', bytes: new Uint8Array(0) },
    { name: 'an unknown message type', bytes: new Uint8Array([7, 1, 2]) },
    { name: 'a sync message without its kind', bytes: new Uint8Array([0]) },
    { name: 'an unknown sync message kind', bytes: new Uint8Array([0, 9, 0]) },
    { name: 'an update whose length runs past the end', bytes: new Uint8Array([0, 2, 200, 1, 5]) },
    {
      name: 'an update that is not a Yjs update',
      bytes: syncMessage.update(new Uint8Array([250, 250, 250, 1, 2, 3])),
    },
    { name: 'random bytes', bytes: new Uint8Array([0, 2, 12, 255, 254, 253, 0, 1, 2, 3, 4, 5, 6, 7, 8]) },
  ];
  for (const { name, bytes } of garbage) {
    it(`${name} closes that socket with 4400; the server, the others and the document are unchanged`, async () => {
      const board = await boardWithBystander();
      const raw = openRawSocket(f.server.url, f.name, '', f.headers());
      await raw.opened;
      await eventually(() => expect(raw.received.length).toBeGreaterThan(0)); // the server greeted it
      raw.ws.send(bytes);
      expect((await raw.closed).code).toBe(closeCodes.malformedMessage);
      await expectUnharmed(board);
    });
  }
});

describe('[S5] an update that breaks the board’s shape closes only that socket', () => {
  const breaks = [
    {
      name: 'a goal status of "weird"',
      edit: (doc: Y.Doc, id: string) => updateGoal(doc, id, { status: 'weird' as GoalStatus }),
    },
    { name: 'a root named "hack"', edit: (doc: Y.Doc) => doc.getMap('hack').set('owned', true) },
    {
      name: 'a title longer than 300 characters',
      edit: (doc: Y.Doc, id: string) => goalText(doc, id, 'title').insert(0, 'x'.repeat(400)),
    },
  ];
  for (const { name, edit } of breaks) {
    it(`${name} closes with 4422; the server and the other client keep the board as it was`, async () => {
      const board = await boardWithBystander();
      const vandal = await f.connectSynced();
      edit(vandal.doc, board.goalId);
      await eventually(() => expect(vandal.closes.map((c) => c.code)).toEqual([closeCodes.invalidUpdate]));
      await expectUnharmed(board);
    });
  }

  it('a refused client does not reconnect and try again', async () => {
    const { goalId } = await boardWithBystander();
    const vandal = await f.connectSynced();
    updateGoal(vandal.doc, goalId, { status: 'weird' as GoalStatus });
    await eventually(() => expect(vandal.closes).toHaveLength(1));
    await eventually(() => expect(f.server.sync.connectionCount).toBe(1));
    expect(vandal.provider.shouldConnect).toBe(false);
  });
});

describe('[S6] an oversized message closes only that socket', () => {
  it('a 100 KB text with a 64 KiB limit closes with 4413; the others stay connected and the board unchanged', async () => {
    const board = await boardWithBystander({ maxMessageBytes: 64 * 1024 });
    const sender = await f.connectSynced();
    goalText(sender.doc, board.goalId, 'clientWords').insert(0, 'woorden '.repeat(12_500));
    await eventually(() => expect(sender.closes.map((c) => c.code)).toEqual([closeCodes.tooLarge]));
    await expectUnharmed(board);
  });

  it('a frame far beyond the limit is cut off by the WebSocket layer; the others stay connected', async () => {
    const board = await boardWithBystander({ maxMessageBytes: 64 * 1024 });
    const raw = openRawSocket(f.server.url, f.name, '', f.headers());
    await raw.opened;
    raw.ws.send(new Uint8Array(300 * 1024));
    expect((await raw.closed).code).toBe(1009);
    await expectUnharmed(board);
  });
});
