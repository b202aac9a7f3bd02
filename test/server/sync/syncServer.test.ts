import { ensureSignalPlan, readSignalPlan, signalPlanOf } from '../../../shared/doc/signalPlan.js';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createGoal,
  goalText,
  goalsOf,
  moveGoal,
  perspectivesOf,
  readBoard,
  updateGoal,
} from '../../../shared/doc/board.js';
import { defaultPerspectives } from '../../../shared/domain.js';
import { perspectiveText, setPerspectiveActive } from '../../../shared/doc/perspectives.js';
import { closeCodes } from '../../../shared/protocol.js';
import { connectClient, synced } from '../../utils/clients.js';
import type { SyncClient } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { applyReceived, openRawSocket, syncMessage } from '../../utils/rawSocket.js';
import { boardJson, startSyncFixture } from '../../utils/syncFixture.js';
import type { SyncFixture } from '../../utils/syncFixture.js';

let f: SyncFixture;
afterEach(async () => {
  await f?.close();
});

const goalIn = (client: SyncClient, id: string) => readBoard(client.doc).goals.find((g) => g.id === id);

/** Waits until both clients show the same board. */
async function converged(a: SyncClient, b: SyncClient) {
  await eventually(() => expect(boardJson(a.doc)).toEqual(boardJson(b.doc)));
}

describe('[S2][S3] people on one board see each other’s work', () => {
  it('two clients converge: goals, moves and typing show up on the other screen', async () => {
    f = await startSyncFixture();
    const anna = await f.connectSynced();
    const bram = await f.connectSynced();

    const id = createGoal(anna.doc, { title: 'Weer werken', domain: 'work', phase: 'treatment' });
    await eventually(() => expect(goalIn(bram, id)?.title).toBe('Weer werken'));
    goalText(bram.doc, id, 'title').insert(11, ' in de zorg');
    moveGoal(bram.doc, id, { domain: 'work', phase: 'rebuilding', index: 0 });
    await eventually(() =>
      expect(goalIn(anna, id)).toMatchObject({ title: 'Weer werken in de zorg', phase: 'rebuilding' }),
    );
    await converged(anna, bram);
  });

  it('concurrent moves of one card while both are offline leave exactly one card, in the same place', async () => {
    f = await startSyncFixture();
    const anna = await f.connectSynced();
    const bram = await f.connectSynced();
    for (const id of ['a', 'b', 'moving'])
      createGoal(anna.doc, { id, title: id, domain: 'care', phase: 'treatment' });
    await eventually(() => expect(readBoard(bram.doc).goals).toHaveLength(3));

    anna.provider.disconnect();
    bram.provider.disconnect();
    moveGoal(anna.doc, 'moving', { domain: 'housing', phase: 'transition', index: 0 });
    moveGoal(bram.doc, 'moving', { domain: 'income', phase: 'sustaining', index: 0 });
    anna.provider.connect();
    bram.provider.connect();

    await converged(anna, bram);
    const goals = readBoard(anna.doc).goals;
    expect(goals.map((g) => g.id).sort()).toEqual(['a', 'b', 'moving']);
    expect(['housing/transition', 'income/sustaining']).toContain(
      `${goalIn(anna, 'moving')!.domain}/${goalIn(anna, 'moving')!.phase}`,
    );
    expect(await f.snapshot()).toEqual(boardJson(anna.doc));
  });

  it('two people typing in the same title at once both keep their characters', async () => {
    f = await startSyncFixture();
    const anna = await f.connectSynced();
    const bram = await f.connectSynced();
    const id = createGoal(anna.doc, { title: 'Budget', domain: 'income', phase: 'transition' });
    await eventually(() => expect(goalIn(bram, id)).toBeDefined());

    anna.provider.disconnect();
    bram.provider.disconnect();
    goalText(anna.doc, id, 'title').insert(0, 'Eigen ');
    goalText(bram.doc, id, 'title').insert(6, ' op orde');
    anna.provider.connect();
    bram.provider.connect();

    await eventually(() => expect(goalIn(anna, id)?.title).toBe('Eigen Budget op orde'));
    await converged(anna, bram);
  });
});

describe('[S1][D2][D3] loading and storing', () => {
  /** Stores goals the way earlier sessions would have: one update per goal. */
  function storeGoals(fixture: SyncFixture, count: number) {
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => fixture.store().append(fixture.name, update));
    ensureSignalPlan(doc); // a complete board, as the server makes it: nothing to add on load
    for (let i = 0; i < count; i++)
      createGoal(doc, { id: `g${i}`, title: `Doel ${i}`, domain: 'care', phase: 'treatment' });
    return boardJson(doc);
  }

  it('[S1][D3] a stored document is served complete to several first connections, compacted into one row', async () => {
    f = await startSyncFixture();
    const stored = storeGoals(f, 5);
    expect(f.store().count(f.name)).toBe(6);
    const clients = [f.connect(), f.connect(), f.connect()];
    for (const client of clients) await synced(client);
    for (const client of clients) expect(boardJson(client.doc).goals).toEqual(stored.goals);
    // One compacted row, plus the server's own first edit of the board (empty default perspectives).
    expect(f.store().count(f.name)).toBe(2);
  });

  it('a new board gets the empty signal plan and perspectives from the server, stored, before anyone types in it', async () => {
    f = await startSyncFixture();
    const first = await f.connectSynced();
    expect(readSignalPlan(first.doc).states.red.signs).toBe('');
    expect(signalPlanOf(first.doc).has('red')).toBe(true);
    expect([...perspectivesOf(first.doc).keys()].sort()).toEqual([...defaultPerspectives].sort());
    await f.restart();
    const later = await f.connectSynced();
    expect(signalPlanOf(later.doc).has('red')).toBe(true);
    expect(perspectivesOf(later.doc).size).toBe(defaultPerspectives.length);
  });

  it('two people switching on the same perspective at once both keep what they typed in it', async () => {
    f = await startSyncFixture();
    const anna = await f.connectSynced();
    const bram = await f.connectSynced();
    anna.provider.disconnect();
    bram.provider.disconnect();
    setPerspectiveActive(anna.doc, 'refugee', true);
    perspectiveText(anna.doc, 'refugee', 'situation').insert(0, 'Status sinds 2024. ');
    perspectiveText(bram.doc, 'refugee', 'strengths').insert(0, 'Spreekt Arabisch en Engels.');
    anna.provider.connect();
    bram.provider.connect();
    const fresh = await f.connectSynced();
    await eventually(() => {
      const refugee = perspectivesOf(fresh.doc).get('refugee')!.toJSON();
      expect(refugee).toMatchObject({
        active: true,
        situation: 'Status sinds 2024. ',
        strengths: 'Spreekt Arabisch en Engels.',
      });
    });
  });

  it('[S1] a client that sends its state and an edit the moment it connects gets both answered', async () => {
    f = await startSyncFixture();
    const stored = storeGoals(f, 2);
    const mine = new Y.Doc();
    createGoal(mine, { id: 'mine', title: 'Van mij', domain: 'work', phase: 'treatment' });
    const edit = Y.encodeStateAsUpdate(mine);

    const raw = openRawSocket(f.server.url, f.name, '', f.headers());
    raw.ws.once('open', () => {
      raw.ws.send(syncMessage.step1(new Y.Doc()));
      raw.ws.send(syncMessage.update(edit));
    });
    const seen = new Y.Doc();
    await eventually(() => {
      applyReceived(raw, seen);
      expect(goalsOf(seen).toJSON()).toEqual(stored.goals);
    });
    const board = await f.snapshot();
    expect(Object.keys(board.goals).sort()).toEqual(['g0', 'g1', 'mine']);
    raw.ws.close();
  });

  it('[D2] a restarted server serves every goal, step and text it had accepted', async () => {
    f = await startSyncFixture();
    const anna = await f.connectSynced();
    const bram = await f.connectSynced();
    const id = createGoal(anna.doc, {
      title: 'Eigen woning',
      domain: 'housing',
      phase: 'rebuilding',
      steps: [{ text: 'Urgentie aanvragen' }],
      perspectives: ['refugee'],
    });
    setPerspectiveActive(anna.doc, 'refugee', true);
    perspectiveText(anna.doc, 'refugee', 'situation').insert(0, 'Statushouder sinds 2024');
    updateGoal(anna.doc, id, { status: 'active' });
    await converged(anna, bram);
    const before = boardJson(anna.doc);

    await f.restart();
    expect(await f.snapshot()).toEqual(before);
  });

  it('[D3] with compaction every 5 updates, 50 keystrokes leave a handful of rows and survive a restart', async () => {
    f = await startSyncFixture({ compactAfterUpdates: 5 });
    const anna = await f.connectSynced();
    const id = createGoal(anna.doc, { title: '', domain: 'care', phase: 'sustaining' });
    const typed = 'Elke week naar de huisarts en samen koken met buren';
    for (const char of typed.slice(0, 50)) {
      const title = goalText(anna.doc, id, 'title');
      title.insert(title.length, char);
    }
    const expected = typed.slice(0, 50);
    await eventually(async () => expect((await f.snapshot()).goals[id]?.title).toBe(expected));
    expect(f.store().count(f.name)).toBeLessThanOrEqual(5);

    await f.restart();
    expect((await f.snapshot()).goals[id]?.title).toBe(expected);
  });
});

describe('[S7] unloading', () => {
  it('a document leaves memory after its last client left, stored, and comes back complete', async () => {
    f = await startSyncFixture({ unloadAfterMs: 50 });
    const anna = await f.connectSynced();
    for (const title of ['Een', 'Twee', 'Drie'])
      createGoal(anna.doc, { title, domain: 'care', phase: 'treatment' });
    const expected = boardJson(anna.doc);
    await eventually(() => expect(f.store().count(f.name)).toBeGreaterThanOrEqual(3));
    expect(f.server.sync.registry.isLoaded(f.name)).toBe(true);

    anna.destroy();
    await eventually(() => expect(f.server.sync.registry.isLoaded(f.name)).toBe(false));
    expect(f.store().count(f.name)).toBe(1); // [D3] compacted on unload

    const bram = await f.connectSynced();
    expect(boardJson(bram.doc)).toEqual(expected);
    expect(f.server.sync.registry.isLoaded(f.name)).toBe(true);
  });
});

describe('[C2] only documents of existing cases open', () => {
  it('[A3] an unknown case is closed like someone else’s (4403), so ids cannot be probed', async () => {
    f = await startSyncFixture();
    const raw = openRawSocket(f.server.url, 'case:nobody:shared', '', f.headers());
    expect(await raw.closed).toEqual({ code: closeCodes.forbidden, reason: 'no access to this document' });
    expect(f.server.sync.registry.size).toBe(0);
  });

  // What is not a document name at all says nothing about the data: 4404, before anything is read.
  const names = [
    { why: 'an unknown document part', name: (caseId: string) => `case:${caseId}:private` },
    { why: 'a case id with forbidden characters', name: () => 'case:bad!id:shared' },
    { why: 'a name that is not a case document', name: () => 'hello' },
    { why: 'an empty name', name: () => '' },
  ];
  for (const { why, name } of names) {
    it(`${why} is closed with 4404`, async () => {
      f = await startSyncFixture();
      const raw = openRawSocket(f.server.url, name(f.caseId), '', f.headers());
      expect((await raw.closed).code).toBe(closeCodes.notFound);
      expect(f.server.sync.registry.size).toBe(0);
    });
  }

  it('the stock provider stops retrying after a 4404', async () => {
    f = await startSyncFixture();
    const client = connectClient(f.server.url, `case:${f.caseId}:private`, undefined, f.headers());
    try {
      await eventually(() => expect(client.closes.map((c) => c.code)).toEqual([closeCodes.notFound]));
      expect(client.provider.shouldConnect).toBe(false);
    } finally {
      client.destroy();
    }
  });
});
