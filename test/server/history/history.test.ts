import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { FileAccess } from '../../../shared/api.js';
import { addStep, createGoal, goalText, updateGoal } from '../../../shared/doc/board.js';
import { addNote, noteText } from '../../../shared/doc/compartment.js';
import { addDecision } from '../../../shared/doc/meetingCase.js';
import { perspectiveText, setPerspectiveActive } from '../../../shared/doc/perspectives.js';
import type { HistoryAnswer, HistoryEntry, LatestAnswer } from '../../../shared/historyApi.js';
import { caseDocumentName, meetingCaseDocumentName } from '../../../shared/protocol.js';
import { signIn } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { connectClient, synced } from '../../utils/clients.js';
import type { SyncClient } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { planMeeting, putOnAgenda } from '../../utils/meetings.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Who changed what, with the real server and stock y-websocket providers: the change log behind
 * the board's history (SPEC H1–H3) and the change entries of the access log (H4, A6).
 */
let server: TestServer;
let t: CaseTeam;
beforeAll(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
});
afterAll(async () => {
  await server?.close();
});

const open: SyncClient[] = [];
afterEach(() => {
  for (const client of open.splice(0)) client.destroy();
});
/** A stock provider on one of the case's documents, signed in as `who`, synced. */
async function editor(who: Person, name = caseDocumentName(t.caseId)): Promise<SyncClient> {
  const client = connectClient(server.url, name, new Y.Doc(), (await signIn(server, who.userId)).headers);
  open.push(client);
  await synced(client);
  return client;
}
/** Closes a provider and waits until the server saw its session end. */
async function leave(client: SyncClient, who: Person) {
  const closes = async () =>
    (await server.services.audit.search({ event: 'document-close', userId: who.userId })).length;
  const before = await closes();
  client.destroy();
  open.splice(open.indexOf(client), 1);
  await eventually(async () => expect(await closes()).toBeGreaterThan(before));
}
async function history(who: Person, query: Record<string, string> = {}, caseId = t.caseId) {
  const answer = await api(
    server,
    who.userId,
    'GET',
    `/api/cases/${caseId}/history?${new URLSearchParams(query)}`,
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as HistoryAnswer;
}
const line = (e: HistoryEntry, people: HistoryAnswer['people']) =>
  `${people.find((p) => p.id === e.userId)?.name ?? e.userId} ${e.action} ${e.kind}${e.field ? `.${e.field}` : ''}`;
const type = (text: Y.Text, words: string) => {
  for (const char of words) text.insert(text.length, char); // one update per keystroke, as a person types
};

describe('the history of a board', () => {
  it('[H1] two people edit at once; the history names each for their own items', async () => {
    const gp = await editor(t.gp);
    const social = await editor(t.socialWorker);
    const medicationGoal = createGoal(gp.doc, {
      title: 'Medicijnen zelf beheren',
      domain: 'care',
      phase: 'treatment',
    });
    const workGoal = createGoal(social.doc, { title: 'Weer werken', domain: 'work', phase: 'rebuilding' });
    await eventually(() => expect(social.doc.getMap('goals').has(medicationGoal)).toBe(true));
    updateGoal(social.doc, medicationGoal, { status: 'active' });
    addStep(gp.doc, workGoal, { text: 'Gesprek met UWV' });
    setPerspectiveActive(social.doc, 'unemployed', true);

    const answer = await eventually(async () => {
      const a = await history(t.coordinator);
      expect(a.entries).toHaveLength(5);
      return a;
    });
    expect(answer.entries.map((e) => line(e, answer.people)).sort()).toEqual(
      [
        'Huisarts added goal',
        'Huisarts added step',
        'Schuldhulpverlener added goal',
        'Schuldhulpverlener changed goal.status',
        'Schuldhulpverlener changed perspective.active',
      ].sort(),
    );
    const step = answer.entries.find((e) => e.kind === 'step')!;
    expect(step).toMatchObject({ parentId: workGoal, source: 'board', userId: t.gp.userId });
    expect(answer.people.map((p) => p.name).sort()).toEqual(['Huisarts', 'Schuldhulpverlener']);

    // Filtered by person, and by item: a goal's history holds its steps.
    const mine = await history(t.coordinator, { userId: t.gp.userId });
    expect(mine.entries.every((e) => e.userId === t.gp.userId)).toBe(true);
    const ofWorkGoal = await history(t.coordinator, { kind: 'goal', itemId: workGoal });
    expect(ofWorkGoal.entries.map((e) => e.kind).sort()).toEqual(['goal', 'step']);
  });

  it('[H2] typing a long text keeps the rows few (a bound on rows, not on time)', async () => {
    const goalId = await server.sync.registry.use(caseDocumentName(t.caseId), (doc) =>
      createGoal(doc, { title: '', domain: 'housing', phase: 'transition' }),
    );
    const social = await editor(t.socialWorker);
    await eventually(() => expect(social.doc.getMap('goals').has(goalId)).toBe(true));
    const words = 'Een eigen kamer in de buurt van haar dochter, met begeleiding thuis. '.repeat(5);
    type(goalText(social.doc, goalId, 'title'), words.slice(0, 280));
    await eventually(() => expect(goalText(social.doc, goalId, 'title').length).toBe(280));
    const rows = await eventually(async () => {
      const { entries } = await history(t.coordinator, { kind: 'goal', itemId: goalId });
      expect(entries.reduce((sum, e) => sum + e.count, 0)).toBe(280);
      return entries;
    });
    expect(rows.length).toBeLessThanOrEqual(2);
    const stored = server.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM document_changes WHERE item_id = ?')
      .get(goalId)!.n;
    expect(stored).toBeLessThanOrEqual(2);
  });

  it("[H3] a compartment's changes are hidden from someone without the consent", async () => {
    const medical = await editor(t.gp, caseDocumentName(t.caseId, 'medical'));
    const noteId = addNote(medical.doc, t.gp.professionalId!);
    type(noteText(medical.doc, noteId), 'Bloeddruk te hoog');
    const notes = (who: Person) => history(who, { kind: 'note' }).then((a) => a.entries);
    await eventually(async () => expect(await notes(t.gp)).toHaveLength(1));
    expect((await notes(t.pharmacist))[0]).toMatchObject({ source: 'medical', itemId: noteId }); // medical, read-only
    // The social worker (social domain) sees the board's history, never that the notes changed.
    expect(await notes(t.socialWorker)).toEqual([]);
    const all = await history(t.socialWorker, { limit: '200' });
    expect(all.entries.some((e) => e.source === 'medical')).toBe(false);
    // Once the client shares the medical notes with the social domain, they are part of it.
    const consent = await server.services.caseAdmin.giveConsent(
      t.caseId,
      {
        compartment: 'medical',
        sharedWithDomain: 'social',
        how: 'spoken',
        givenOn: new Date().toISOString().slice(0, 10),
      },
      t.gp.userId,
    );
    expect(await notes(t.socialWorker)).toHaveLength(1);
    await server.services.caseAdmin.withdrawConsent(t.caseId, consent, t.coordinator.userId);
    expect(await notes(t.socialWorker)).toEqual([]);
  });

  it("[H3] a meeting's changes only for attendees who may open that case in the meeting", async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp]);
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId);
    const chair = await editor(t.coordinator, meetingCaseDocumentName(meetingId, t.caseId));
    addDecision(chair.doc, 'Huisarts belt de POH-GGZ');
    const decisions = (who: Person) => history(who, { kind: 'decision' }).then((a) => a.entries);
    await eventually(async () => expect(await decisions(t.coordinator)).toHaveLength(1));
    expect((await decisions(t.gp))[0]).toMatchObject({ source: 'meeting', meetingId });
    expect(await decisions(t.socialWorker)).toEqual([]); // on the case, not at the meeting
    // The agenda item the chair's API call made is the chair's.
    const agenda = await history(t.coordinator, { kind: 'agenda-item' });
    expect(agenda.entries).toMatchObject([
      { action: 'added', userId: t.coordinator.userId, itemId: t.caseId },
    ]);
  });

  it('[H1] what the server writes for a person through the API is in that person’s name', async () => {
    const asked = await api(server, t.client.userId, 'POST', '/api/my/questions', {
      text: 'Mag mijn zus mee?',
    });
    expect(asked.status).toBe(201);
    const answer = await history(t.gp, { kind: 'client-question' });
    expect(answer.entries).toMatchObject([{ userId: t.client.userId, action: 'added' }]);
    expect(answer.people.find((p) => p.id === t.client.userId)?.role).toBe('client');
    const questionId = (asked.body as { id: string }).id;
    await api(server, t.gp.userId, 'POST', `/api/cases/${t.caseId}/client-questions/${questionId}/discussed`);
    const after = await history(t.gp, { kind: 'client-question' });
    expect(after.entries[0]).toMatchObject({ userId: t.gp.userId, action: 'changed' });
  });

  it('[H3] the board hears the latest change per goal and perspective over one stream', async () => {
    const controller = new AbortController();
    try {
      const response = await fetch(`${server.url}/api/cases/${t.caseId}/history/stream`, {
        headers: (await signIn(server, t.pharmacist.userId)).headers,
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      const events: LatestAnswer[] = [];
      void (async () => {
        let text = '';
        const decoder = new TextDecoder();
        for await (const chunk of response.body!) {
          text += decoder.decode(chunk as Uint8Array, { stream: true });
          for (const match of text.matchAll(/event: latest\ndata: (.*)\n\n/g))
            events.push(JSON.parse(match[1]!));
          text = text.slice(text.lastIndexOf('\n\n') + 2);
        }
      })().catch(() => undefined);
      await eventually(() => expect(events).toHaveLength(1));
      const reads = (await server.services.audit.search({ userId: t.pharmacist.userId, event: 'api-read' }))
        .length;
      const social = await editor(t.socialWorker);
      type(perspectiveText(social.doc, 'refugee', 'situation'), 'Wacht op een verblijfsvergunning');
      await eventually(() =>
        expect(events.at(-1)?.latest).toContainEqual(
          expect.objectContaining({ kind: 'perspective', itemId: 'refugee', name: 'Schuldhulpverlener' }),
        ),
      );
      // The stream told the board without another read in the access log.
      expect(
        await server.services.audit.search({ userId: t.pharmacist.userId, event: 'api-read' }),
      ).toHaveLength(reads);
    } finally {
      controller.abort();
    }
  });
});

describe('changes in the access log (NEN 7513)', () => {
  it('[H4] an editing session that changed the board is a change entry with its items, never its text', async () => {
    const gp = await editor(t.gp);
    const goalId = createGoal(gp.doc, { title: 'Geheime woorden', domain: 'income', phase: 'rebuilding' });
    type(goalText(gp.doc, goalId, 'clientWords'), 'Ik wil mijn schulden kwijt');
    await eventually(async () =>
      expect((await history(t.gp, { kind: 'goal', itemId: goalId })).entries.length).toBeGreaterThan(0),
    );
    await leave(gp, t.gp);
    const [entry] = await server.services.audit.search({
      event: 'document-change',
      userId: t.gp.userId,
      limit: 1,
    });
    expect(entry).toMatchObject({
      caseId: t.caseId,
      role: 'professional',
      authorization: 'membership:write',
      details: expect.objectContaining({ part: 'shared', items: `goal:${goalId}` }),
    });
    expect(JSON.stringify(entry)).not.toMatch(/Geheime|schulden/);
    // The session's open and close entries are there too.
    const events = (await server.services.audit.search({ userId: t.gp.userId, limit: 5 }))
      .map((e) => e.event)
      .filter((e) => e.startsWith('document-'));
    expect(events.slice(0, 2).sort()).toEqual(['document-change', 'document-close']);
  });

  it('[H4] a session that only read writes no change entry; the API writes only its own', async () => {
    const before = (await server.services.audit.search({ event: 'document-change' })).length;
    const reader = await editor(t.pharmacist);
    await leave(reader, t.pharmacist);
    await api(server, t.client.userId, 'PUT', '/api/my/ratings/work', { score: 4, sentence: 'Beter' });
    expect(await server.services.audit.search({ event: 'document-change' })).toHaveLength(before);
  });

  it('[H4] the client sees who changed their plan', async () => {
    const social = await editor(t.socialWorker);
    setPerspectiveActive(social.doc, 'refugee', true);
    await leave(social, t.socialWorker);
    const answer = await api(server, t.client.userId, 'GET', '/api/my/access-log');
    const { entries } = answer.body as { entries: FileAccess[] };
    expect(entries).toContainEqual(
      expect.objectContaining({ event: 'document-change', name: 'Schuldhulpverlener', role: 'professional' }),
    );
  });
});
