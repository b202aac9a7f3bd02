import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { createGoal, goalText, goalsOf, updateGoal } from '../../../shared/doc/board.js';
import { perspectiveText } from '../../../shared/doc/perspectives.js';
import { DocumentSession } from '../../../client/src/sync/documentSession.js';
import { notSaved } from '../../../client/src/sync/notSaved.js';
import { webSocketWithHeaders } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { startSyncFixture } from '../../utils/syncFixture.js';
import type { SyncFixture } from '../../utils/syncFixture.js';

let fixture: SyncFixture | null = null;
const sessions: DocumentSession[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) session.destroy();
  for (const entry of notSaved.list()) notSaved.dismiss(entry.id);
  await fixture?.close();
  fixture = null;
});

/** A browser's copy of the fixture's board: the same CaseDocument the pages use, in Node. */
function open(f: SyncFixture): DocumentSession {
  const session = new DocumentSession(f.name, {
    baseUrl: `${f.server.url.replace(/^http/, 'ws')}/sync`,
    WebSocket: webSocketWithHeaders(f.headers()),
    maxUpdateBytes: 4 * 1024,
  });
  sessions.push(session);
  return session;
}

const online = (session: DocumentSession, timeoutMs = 10_000) =>
  eventually(() => expect(session.current.state).toEqual({ kind: 'online' }), timeoutMs);

/** What this browser's IndexedDB keeps of the document, read as a fresh page would. */
async function stored(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  await persistence.destroy();
  return doc;
}

/** Everything in `doc` the server lacks: none once it holds only what the server accepted. */
async function lackingOnServer(f: SyncFixture, doc: Y.Doc): Promise<number> {
  const client = await f.connectSynced();
  const structs = Y.decodeUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(client.doc))).structs;
  client.destroy();
  return structs.length;
}

const goalId = 'goal-work';

describe('a refused change has a way back (SPEC C3)', () => {
  it('[C3] a sync step larger than the server accepts (4413) goes back in pieces: nothing is lost', async () => {
    fixture = await startSyncFixture({ maxMessageBytes: 16 * 1024 });
    const session = open(fixture);
    await online(session);
    const first = session.current;
    first.provider.disconnect();
    const long = (field: string) =>
      `${field}: ${'Gaat elke dag een stukje beter. '.repeat(160)}`.slice(0, 4_800);
    for (const id of ['patient', 'unemployed', 'refugee'] as const)
      for (const field of ['situation', 'strengths'] as const)
        perspectiveText(first.doc, id, field).insert(0, long(`${id} ${field}`));
    expect(Y.encodeStateAsUpdate(first.doc).byteLength).toBeGreaterThan(16 * 1024);
    first.provider.connect();

    await eventually(() => expect(session.current).not.toBe(first), 10_000);
    expect(first.state).toEqual({ kind: 'recovering', code: 4413 });
    await online(session);
    expect(notSaved.list()).toEqual([]);
    await eventually(async () => {
      const board = await fixture!.snapshot();
      for (const id of ['patient', 'unemployed', 'refugee'])
        for (const field of ['situation', 'strengths'])
          expect((board.perspectives[id] as Record<string, string>)[field]).toBe(long(`${id} ${field}`));
    });
    // IndexedDB holds only what the server has, and the next session opens without a refusal.
    await eventually(async () =>
      expect(await lackingOnServer(fixture!, await stored(fixture!.name))).toBe(0),
    );
    session.destroy();
    const next = open(fixture);
    await online(next);
    expect(perspectiveText(next.current.doc, 'refugee', 'strengths').toString()).toBe(
      long('refugee strengths'),
    );
  });

  it('[C3] two offline copies past a text limit (a genuine 4422) keep the rest and list what did not fit', async () => {
    fixture = await startSyncFixture();
    const setup = open(fixture);
    await online(setup);
    createGoal(setup.current.doc, { id: goalId, title: 'Werk', domain: 'work', phase: 'rebuilding' });
    await eventually(async () => expect((await fixture!.snapshot()).goals[goalId]).toBeDefined());
    setup.destroy();
    // Two tabs of one browser, offline, each typing in the same title; they share IndexedDB.
    const tabs = [open(fixture), open(fixture)];
    for (const tab of tabs) await online(tab);
    for (const [i, tab] of tabs.entries()) {
      tab.current.provider.disconnect();
      const title = goalText(tab.current.doc, goalId, 'title');
      title.insert(title.length, (i === 0 ? 'a' : 'b').repeat(200));
    }
    perspectiveText(tabs[0]!.current.doc, 'patient', 'concerns').insert(0, 'Slaapt slecht');
    await new Promise((resolve) => setTimeout(resolve, 100)); // y-indexeddb writes as it goes
    for (const tab of tabs) tab.destroy();

    // The next page loads both tabs' typing: one sync step adds 400 characters to a 300 limit.
    const page = open(fixture);
    const first = page.current;
    await eventually(() => expect(page.current).not.toBe(first), 10_000);
    expect(first.state).toEqual({ kind: 'recovering', code: 4422 });
    await online(page);

    const board = await fixture.snapshot();
    const title = (board.goals[goalId] as { title: string }).title;
    expect(title).toHaveLength(300);
    expect((board.perspectives.patient as { concerns: string }).concerns).toBe('Slaapt slecht');
    const lost = notSaved.list();
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({
      path: ['goals', goalId, 'title'],
      reason: 'tooLong',
      maxLength: 300,
      field: { key: 'goal.title' },
    });
    expect(title + lost[0]!.text).toHaveLength(404);
    expect(lost[0]!.text).toMatch(/^[ab]+$/);
    await eventually(async () =>
      expect(await lackingOnServer(fixture!, await stored(fixture!.name))).toBe(0),
    );
  });

  it('[C3] a refusal right after a recovery stops: server state on screen and in IndexedDB, the text listed', async () => {
    fixture = await startSyncFixture();
    const session = open(fixture);
    await online(session);
    createGoal(session.current.doc, { id: goalId, title: 'Werk', domain: 'work', phase: 'rebuilding' });
    const first = session.current;
    // No honest client sends this: the server refuses it (4422) and the browser recovers.
    goalsOf(first.doc).get(goalId)!.set('status', 'someday');
    await eventually(() => expect(session.current).not.toBe(first), 10_000);
    await online(session);
    expect(notSaved.list()).toMatchObject([{ reason: 'invalid', text: 'someday' }]);

    // And again, right away: now the recovery itself counts as refused.
    const recovered = session.current;
    recovered.doc.transact(() => {
      goalText(recovered.doc, goalId, 'title').insert(4, ' in de zorg');
      updateGoal(recovered.doc, goalId, { status: 'someday' as 'open' });
    });
    await eventually(() => expect(session.current).not.toBe(recovered), 10_000);
    expect(session.current.state).toEqual({ kind: 'refused', code: 4422, again: true });
    expect(session.current.provider.shouldConnect).toBe(false);
    expect(goalText(session.current.doc, goalId, 'title').toString()).toBe('Werk');
    expect(notSaved.list()).toMatchObject([
      { reason: 'invalid', text: 'someday' },
      { reason: 'invalid', text: 'someday' },
      {
        reason: 'refusedAgain',
        text: 'Werk in de zorg',
        field: { key: 'goal.title', names: { goal: 'Werk' } },
      },
    ]);
    expect(await lackingOnServer(fixture, await stored(fixture.name))).toBe(0);
  });

  it('[R2] the person whose characters the server cut off gets them listed, named by the field', async () => {
    fixture = await startSyncFixture();
    const [a, b] = [open(fixture), open(fixture)];
    await online(a);
    createGoal(a.current.doc, { id: goalId, title: 'Werk', domain: 'work', phase: 'rebuilding' });
    await online(b);
    await eventually(() => expect(goalsOf(b.current.doc).has(goalId)).toBe(true));
    for (const [i, session] of [a, b].entries()) {
      const title = goalText(session.current.doc, goalId, 'title');
      title.insert(title.length, (i === 0 ? 'a' : 'b').repeat(200));
    }
    await eventually(() => {
      const texts = [a, b].map((s) => goalText(s.current.doc, goalId, 'title').toString());
      expect(texts[0]).toHaveLength(300);
      expect(texts[1]).toBe(texts[0]);
    });
    const final = goalText(a.current.doc, goalId, 'title').toString();
    await eventually(() => expect(notSaved.list().length).toBeGreaterThan(0));
    const removed = notSaved.list().map((e) => e.text);
    expect(final.length + removed.join('').length).toBe(404);
    for (const entry of notSaved.list())
      expect(entry).toMatchObject({
        reason: 'trimmed',
        maxLength: 300,
        path: ['goals', goalId, 'title'],
        field: { key: 'goal.title' },
      });
    expect([a, b].map((s) => s.current.state.kind)).toEqual(['online', 'online']);
  });

  it('[C1] the server asking to come back (4503, 4509) is no error: the page says it reconnects, then it is live', async () => {
    fixture = await startSyncFixture();
    const session = open(fixture);
    await online(session);
    const document = session.current;
    const seen: string[] = [];
    document.subscribe(() => seen.push(document.state.kind));
    for (const code of [4503, 4509]) {
      seen.length = 0;
      // What the server does when a store write fails (D1) or held updates pass their bounds (V5).
      const { registry } = fixture.server.sync as unknown as {
        registry: {
          documents: Map<string, { connections: Set<{ close(code: number, reason: string): void }> }>;
        };
      };
      for (const peer of registry.documents.get(fixture.name)!.connections) peer.close(code, 'come back');
      await eventually(() => expect(seen).toContain('reconnecting'));
      await online(session);
      expect(seen).not.toContain('refused');
      expect(seen).not.toContain('recovering');
    }
    expect(session.current).toBe(document);
  });
});
