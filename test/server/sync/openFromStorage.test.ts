import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGoal, goalText, readBoard } from '../../../shared/doc/board.js';
import { synced } from '../../utils/clients.js';
import type { SyncClient } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { boardJson, startSyncFixture } from '../../utils/syncFixture.js';
import type { SyncFixture } from '../../utils/syncFixture.js';

let f: SyncFixture;
afterEach(async () => {
  await f?.close();
});

/** Everyone leaves, and the board leaves memory (SPEC S7): the next opening reads it from storage. */
async function leaveAndUnload(...clients: SyncClient[]) {
  for (const client of clients) client.destroy();
  await eventually(() => expect(f.server.services.registry.isLoaded(f.name)).toBe(false));
}

describe('[S1][S2][S7] a board read back from storage', () => {
  it('reaches someone who opens it with nothing, whole, and so does a second one', async () => {
    f = await startSyncFixture({ unloadAfterMs: 20 });
    const anna = await f.connectSynced();
    for (let i = 0; i < 20; i++)
      createGoal(anna.doc, { title: `doel ${i}`, domain: 'work', phase: 'treatment' });
    goalText(anna.doc, readBoard(anna.doc).goals[0]!.id, 'title').insert(0, 'eerste ');
    const expected = boardJson(anna.doc);
    await eventually(async () => expect(await f.snapshot()).toEqual(expected));
    await leaveAndUnload(anna);

    const bram = await f.connectSynced();
    expect(boardJson(bram.doc)).toEqual(expected);
    const carla = await f.connectSynced();
    expect(boardJson(carla.doc)).toEqual(expected);
  });

  it('changed after it was read, answers the next one with the change in it', async () => {
    f = await startSyncFixture({ unloadAfterMs: 20 });
    const anna = await f.connectSynced();
    const id = createGoal(anna.doc, { title: 'Weer werken', domain: 'work', phase: 'treatment' });
    await eventually(async () => expect((await f.snapshot()).goals).toHaveProperty(id));
    await leaveAndUnload(anna);

    const bram = await f.connectSynced();
    goalText(bram.doc, id, 'title').insert(11, ' in de zorg');
    await eventually(async () =>
      expect(readBoard((await f.connectSynced()).doc).goals.find((g) => g.id === id)?.title).toBe(
        'Weer werken in de zorg',
      ),
    );
  });

  it('gives someone who has part of it what they lack', async () => {
    f = await startSyncFixture({ unloadAfterMs: 20 });
    const anna = await f.connectSynced();
    createGoal(anna.doc, { title: 'Eerst', domain: 'work', phase: 'treatment' });
    await eventually(async () => expect(Object.keys((await f.snapshot()).goals)).toHaveLength(1));
    const partial = Y.encodeStateAsUpdate(anna.doc);
    createGoal(anna.doc, { title: 'Daarna', domain: 'care', phase: 'treatment' });
    const expected = boardJson(anna.doc);
    await eventually(async () => expect(await f.snapshot()).toEqual(expected));
    await leaveAndUnload(anna);

    const doc = new Y.Doc();
    Y.applyUpdate(doc, partial);
    const bram = f.connect(doc);
    await synced(bram);
    await eventually(() => expect(boardJson(bram.doc)).toEqual(expected));
  });
});

describe('[S3] many people arriving at once', () => {
  it('each sees everyone’s presence', async () => {
    f = await startSyncFixture();
    const clients = Array.from({ length: 12 }, (_, i) => {
      const client = f.connect();
      client.provider.awareness.setLocalStateField('editing', `doel ${i}`);
      return client;
    });
    await Promise.all(clients.map((c) => synced(c)));
    const ids = clients.map((c) => c.doc.clientID);
    for (const client of clients)
      await eventually(() =>
        expect([...client.provider.awareness.getStates().keys()]).toEqual(expect.arrayContaining(ids)),
      );
  });
});
