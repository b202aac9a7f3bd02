import { afterEach, describe, expect, it } from 'vitest';
import { addStep, createGoal, goalText, readBoard } from '../../../../shared/doc/board.js';
import { isFinalClose } from '../../../../shared/protocol.js';
import { eventually } from '../../../utils/eventually.js';
import { startSyncFixture } from '../../../utils/syncFixture.js';
import type { SyncFixture } from '../../../utils/syncFixture.js';

/**
 * The stock y-websocket provider sends a live edit made as soon as the socket opens before its sync
 * step 2, which carries the edits made offline; the live one depends on those. The server holds
 * it until they arrive instead of refusing it (SPEC V5).
 */
let f: SyncFixture;
afterEach(async () => {
  await f?.close();
});

describe('[V5] reconnect as the protocol expects', () => {
  it('20 rounds of offline edit, reconnect and an edit at once on "connected": nothing lost, never refused', async () => {
    f = await startSyncFixture();
    const client = await f.connectSynced();
    const goalId = createGoal(client.doc, { title: 'Ronde', domain: 'care', phase: 'treatment' });
    const expected: string[] = [];
    for (let round = 0; round < 20; round++) {
      client.provider.disconnect();
      const offline = `o${round};`;
      goalText(client.doc, goalId, 'title').insert(goalText(client.doc, goalId, 'title').length, offline);
      addStep(client.doc, goalId, { text: `offline stap ${round}` });
      expected.push(offline);
      const live = `l${round};`;
      const connected = new Promise<void>((resolve) => {
        const onStatus = ({ status }: { status: string }) => {
          if (status !== 'connected') return;
          client.provider.off('status', onStatus);
          // Typed in the same tick the socket opened: sent before the provider's sync step 2.
          const title = goalText(client.doc, goalId, 'title');
          title.insert(title.length, live);
          resolve();
        };
        client.provider.on('status', onStatus);
      });
      client.provider.connect();
      await connected;
      expected.push(live);
      await eventually(() => expect(client.provider.synced).toBe(true));
    }
    const fresh = await f.connectSynced();
    await eventually(() => {
      const goal = readBoard(fresh.doc).goals.find((g) => g.id === goalId)!;
      expect(goal.title).toBe(`Ronde${expected.join('')}`);
      expect(goal.steps).toHaveLength(20);
    });
    expect(client.closes.filter((c) => isFinalClose(c.code))).toEqual([]);
    expect(client.provider.shouldConnect).toBe(true);
  });
});
