import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { addStep, createGoal, goalText, readBoard } from '../../../../shared/doc/board.js';
import { isFinalClose, messageTypes } from '../../../../shared/protocol.js';
import type { SyncNotice } from '../../../../shared/protocol.js';
import { signedInMember } from '../../../utils/accounts.js';
import { connectClient, synced } from '../../../utils/clients.js';
import type { SyncClient } from '../../../utils/clients.js';
import { eventually } from '../../../utils/eventually.js';
import { boardJson, startSyncFixture } from '../../../utils/syncFixture.js';
import type { SyncFixture } from '../../../utils/syncFixture.js';

/**
 * Two members type into one goal title at the same moment, each within its 300 characters but
 * together past them. The server keeps the first 300 for everyone (SPEC R1) and tells whoever lost
 * characters which ones (R2); nobody is refused, not even after a reload that brings back what the
 * browser kept in IndexedDB (V3, V10).
 */
const maxTitle = 300;
let f: SyncFixture;
const screens: Screen[] = [];
afterEach(async () => {
  for (const screen of screens.splice(0)) await close(screen);
  await f?.close();
});

/** Someone with a browser of their own: a session, an IndexedDB, and what the server told them. */
interface Person {
  key: string;
  headers: Record<string, string>;
  notices: SyncNotice[];
  /** Close codes of every socket this person's screens had. */
  closes: number[];
}

/** One page load: a fresh Y.Doc, filled from IndexedDB first, then the stock provider. */
interface Screen {
  person: Person;
  doc: Y.Doc;
  local: IndexeddbPersistence;
  client: SyncClient;
}

const person = async (key: string): Promise<Person> => ({
  key,
  headers: (await signedInMember(f.server, f.caseId)).headers,
  notices: [],
  closes: [],
});

async function openScreen(who: Person): Promise<Screen> {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(`${who.key}/${f.name}`, doc);
  await local.whenSynced;
  const client = connectClient(f.server.url, f.name, doc, who.headers);
  client.provider.messageHandlers[messageTypes.notice] = (_encoder, decoder) => {
    const notice = JSON.parse(decoding.readVarString(decoder)) as SyncNotice;
    // Only what was cut off: the access notice at each connect is not about typing.
    if (notice.kind === 'trimmed') who.notices.push(notice);
  };
  client.provider.on('connection-close', (event) => void (event && who.closes.push(event.code)));
  const screen = { person: who, doc, local, client };
  screens.push(screen);
  return screen;
}

async function close(screen: Screen): Promise<void> {
  screen.client.provider.destroy();
  await screen.local.destroy(); // what was written stays in IndexedDB
  screen.doc.destroy();
}

/** Reloads the page: the provider and the document go, IndexedDB stays. */
async function reload(screen: Screen): Promise<Screen> {
  screens.splice(screens.indexOf(screen), 1);
  await close(screen);
  return openScreen(screen.person);
}

const title = (screen: Screen, goalId: string) => goalText(screen.doc, goalId, 'title');
const typeAtEnd = (text: Y.Text, what: string) => text.insert(text.length, what);
const count = (text: string, char: string) => [...text].filter((c) => c === char).length;

/** Everyone's screen and a fresh one show the same board, with the title within its limit. */
async function sameOnEveryScreen(goalId: string, ...on: Screen[]): Promise<string> {
  return eventually(async () => {
    const fresh = boardJson((await f.connectSynced()).doc);
    for (const screen of on) expect(boardJson(screen.doc)).toEqual(fresh);
    const kept = title(on[0]!, goalId).toString();
    expect(kept.length).toBeLessThanOrEqual(maxTitle);
    return kept;
  });
}

/**
 * Every character a person typed is either kept or named in a notice they received, and each
 * notice names only their own characters.
 */
async function nothingLostSilently(goalId: string, kept: string, typed: [Person, string, number][]) {
  await eventually(() => {
    expect(typed.some(([who]) => who.notices.length > 0)).toBe(true); // someone lost characters
    for (const [who, char, howMany] of typed) {
      const removed = who.notices.map((n) => (n.kind === 'trimmed' ? n.removed : '')).join('');
      expect(count(removed, char)).toBe(removed.length);
      expect(count(kept, char) + removed.length).toBe(howMany);
    }
  });
  for (const [who] of typed)
    for (const notice of who.notices)
      expect(notice).toMatchObject({
        kind: 'trimmed',
        path: ['goals', goalId, 'title'],
        maxLength: maxTitle,
      });
}

/** After the reload both go on: the one trims the title and adds to it, the other adds a step. */
async function bothKeepEditing(goalId: string, a: Screen, b: Screen) {
  const t = title(a, goalId);
  t.delete(t.length - 30, 30);
  typeAtEnd(t, ' (ingekort)');
  goalText(a.doc, goalId, 'clientWords').insert(0, 'Anna zegt ja');
  typeAtEnd(title(b, goalId), '!');
  addStep(b.doc, goalId, { text: 'Bram belt' });
  const kept = await sameOnEveryScreen(goalId, a, b);
  expect(kept).toMatch(/ \(ingekort\)|!/);
  const goal = readBoard(a.doc).goals.find((g) => g.id === goalId)!;
  expect(goal.clientWords).toBe('Anna zegt ja');
  expect(goal.steps.map((s) => s.text)).toEqual(['Bram belt']);
}

describe('[R1][R2] two people typing one title past its limit together', () => {
  it('the server keeps 300 characters, the same on every screen; whoever lost characters is told which; after a reload both keep editing, never refused', async () => {
    f = await startSyncFixture();
    const anna = await person('anna');
    const bram = await person('bram');
    let a = await openScreen(anna);
    let b = await openScreen(bram);
    await synced(a.client);
    await synced(b.client);
    const goalId = createGoal(a.doc, { title: 'Doel', domain: 'housing', phase: 'transition' });
    await eventually(() => expect(title(b, goalId).toString()).toBe('Doel'));

    // 20 keystrokes of 10 characters each on both screens, before either sees the other's.
    for (let key = 0; key < 20; key++) {
      typeAtEnd(title(a, goalId), 'a'.repeat(10));
      typeAtEnd(title(b, goalId), 'b'.repeat(10));
    }
    expect([title(a, goalId).length, title(b, goalId).length]).toEqual([204, 204]);
    const kept = await sameOnEveryScreen(goalId, a, b);
    expect(kept).toHaveLength(maxTitle);
    await nothingLostSilently(goalId, kept, [
      [anna, 'a', 200],
      [bram, 'b', 200],
    ]);

    a = await reload(a);
    b = await reload(b);
    expect(title(a, goalId).toString()).toBe(kept); // IndexedDB kept the repaired title
    await synced(a.client);
    await synced(b.client);
    await bothKeepEditing(goalId, a, b);
    expect([...anna.closes, ...bram.closes].filter(isFinalClose)).toEqual([]);
  });

  it('typed offline past the limit together and reloaded before coming back: both are let in with what their browser kept, and see the same repaired title', async () => {
    f = await startSyncFixture();
    const anna = await person('anna');
    const bram = await person('bram');
    let a = await openScreen(anna);
    let b = await openScreen(bram);
    await synced(a.client);
    await synced(b.client);
    const goalId = createGoal(b.doc, { title: 'Doel', domain: 'income', phase: 'rebuilding' });
    await eventually(() => expect(title(a, goalId).toString()).toBe('Doel'));

    a.client.provider.disconnect();
    b.client.provider.disconnect();
    for (let key = 0; key < 25; key++) {
      typeAtEnd(title(a, goalId), 'a'.repeat(8));
      typeAtEnd(title(b, goalId), 'b'.repeat(8));
    }
    // The reload brings back the offline typing from IndexedDB and sends it all at once.
    a = await reload(a);
    b = await reload(b);
    expect(title(a, goalId).length).toBe(204);
    await synced(a.client);
    await synced(b.client);
    const kept = await sameOnEveryScreen(goalId, a, b);
    expect(kept).toHaveLength(maxTitle);
    await nothingLostSilently(goalId, kept, [
      [anna, 'a', 200],
      [bram, 'b', 200],
    ]);

    a = await reload(a);
    b = await reload(b);
    await synced(a.client);
    await synced(b.client);
    await bothKeepEditing(goalId, a, b);
    expect([...anna.closes, ...bram.closes].filter(isFinalClose)).toEqual([]);
  });
});
