import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStep, createGoal, goalText, readBoard } from '../../../../shared/doc/board.js';
import { isFinalClose } from '../../../../shared/protocol.js';
import { connectClient, synced } from '../../../utils/clients.js';
import type { SyncClient } from '../../../utils/clients.js';
import { eventually } from '../../../utils/eventually.js';
import { boardJson, startSyncFixture } from '../../../utils/syncFixture.js';
import type { SyncFixture } from '../../../utils/syncFixture.js';
import { startTcpProxy } from '../../../utils/tcpProxy.js';
import type { TcpProxy } from '../../../utils/tcpProxy.js';

/**
 * The stock y-websocket provider sends a live edit made as soon as the socket opens before its sync
 * step 2, which carries the edits made offline; the live one depends on those. The server holds
 * it until they arrive instead of refusing it (SPEC V5). The same holds when the network drops
 * under the provider (a TCP proxy cuts it) and the provider reconnects by itself.
 */
let f: SyncFixture;
let proxy: TcpProxy | null = null;
const behindProxy: SyncClient[] = [];
afterEach(async () => {
  for (const client of behindProxy.splice(0)) client.destroy();
  await proxy?.close();
  proxy = null;
  await f?.close();
});

/** Resolves on the provider's next `status` event with this status, after running `then` in that same tick. */
function nextStatus(client: SyncClient, status: string, then: () => void = () => {}): Promise<void> {
  return new Promise((resolve) => {
    const onStatus = (event: { status: string }) => {
      if (event.status !== status) return;
      client.provider.off('status', onStatus);
      then();
      resolve();
    };
    client.provider.on('status', onStatus);
  });
}

const typeAtEnd = (text: Y.Text, what: string) => text.insert(text.length, what);

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

describe('[V5][C1] the network drops under a provider, which reconnects by itself', () => {
  it('20 cuts with an edit in flight, an edit offline and one on "connected": all of it reaches the server and the other screen', async () => {
    f = await startSyncFixture();
    proxy = await startTcpProxy(f.server.url);
    const client = connectClient(proxy.url, f.name, new Y.Doc(), f.headers());
    behindProxy.push(client);
    client.provider.maxBackoffTime = 20; // reconnect soon: 20 rounds, a few seconds
    const other = await f.connectSynced();
    await synced(client);
    const goalId = createGoal(client.doc, { title: 'Net', domain: 'work', phase: 'transition' });
    const title = () => goalText(client.doc, goalId, 'title');
    let expected = 'Net';
    for (let round = 0; round < 20; round++) {
      const disconnected = nextStatus(client, 'disconnected');
      proxy.cut();
      // The provider does not know yet: this one goes into a socket that is already gone.
      typeAtEnd(title(), `c${round};`);
      await disconnected;
      typeAtEnd(title(), `o${round};`);
      addStep(client.doc, goalId, { text: `stap ${round}` });
      // No connect() call: the provider reconnects by itself, and this is typed as it does.
      await nextStatus(client, 'connected', () => typeAtEnd(title(), `l${round};`));
      expected += `c${round};o${round};l${round};`;
      await synced(client);
    }
    await eventually(() => {
      const goal = readBoard(other.doc).goals.find((g) => g.id === goalId)!;
      expect(goal.title).toBe(expected);
      expect(goal.steps.map((s) => s.text).sort()).toEqual(
        Array.from({ length: 20 }, (_, i) => `stap ${i}`).sort(),
      );
    });
    expect(await f.snapshot()).toEqual(boardJson(client.doc));
    expect(client.closes).toHaveLength(20); // one per cut, none from the server
    expect(client.closes.filter((c) => isFinalClose(c.code))).toEqual([]);
    expect(other.closes).toEqual([]);
  });
});
