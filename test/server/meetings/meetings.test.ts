import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGoal, moveGoal, readBoard, updateGoal } from '../../../shared/doc/board.js';
import { readAgenda } from '../../../shared/doc/meeting.js';
import {
  addAction,
  addDecision,
  meetingNotes,
  readMeetingCase,
  tagPerspective,
} from '../../../shared/doc/meetingCase.js';
import { appendObservation } from '../../../shared/doc/signalPlan.js';
import type { ActionsAnswer, ChangesAnswer, MeetingDetails, Minutes } from '../../../shared/meetingApi.js';
import { caseDocumentName, meetingCaseDocumentName, meetingDocumentName } from '../../../shared/protocol.js';
import { signIn } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam } from '../../utils/caseTeam.js';
import { connectClient, synced } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { planMeeting, putOnAgenda } from '../../utils/meetings.js';
import { openRawSocket, syncMessage } from '../../utils/rawSocket.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

let server: TestServer;
let t: CaseTeam;
beforeAll(async () => {
  server = await startTestServer({ projectionDebounceMs: 20 });
  t = caseTeam(server);
  server.db
    .prepare("UPDATE cases SET client_name = 'Ahmet Yılmaz', birth_year = 1961 WHERE id = ?")
    .run(t.caseId);
});
afterAll(async () => {
  await server?.close();
});

const headersOf = (userId: string) => signIn(server, userId).headers;
const details = async (userId: string, meetingId: string) =>
  (await api(server, userId, 'GET', `/api/meetings/${meetingId}`)).body as { meeting: MeetingDetails };

/** Opens a case board's action stream as the browser's EventSource would; `text` grows as events arrive. */
async function openCaseActionStream(userId: string, caseId: string, signal: AbortSignal) {
  const response = await fetch(`${server.url}/api/cases/${caseId}/actions/stream`, {
    headers: headersOf(userId),
    signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  const stream = { text: '' };
  void (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of response.body!)
      stream.text += decoder.decode(chunk as Uint8Array, { stream: true });
  })().catch(() => undefined);
  await eventually(() => expect(stream.text).toContain(': connected'));
  return stream;
}

describe('planning a meeting and its agenda', () => {
  it('the chair plans a meeting; the agenda line carries an alias, never the name', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp, t.teamMate]);
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId, 'Kan hij weer aan het werk?');
    const agenda = await server.sync.registry.use(meetingDocumentName(meetingId), readAgenda);
    expect(agenda).toMatchObject([
      { id: t.caseId, alias: 'A.Y. (1961)', question: 'Kan hij weer aan het werk?', slotMinutes: 15 },
    ]);
    const mine = await details(t.coordinator.userId, meetingId);
    expect(mine.meeting.agenda).toEqual([
      { caseId: t.caseId, alias: 'A.Y. (1961)', member: true, clientName: 'Ahmet Yılmaz', access: 'write' },
    ]);
    expect(mine.meeting.attendees.map((a) => a.professionalId).sort()).toEqual(
      [t.gp.professionalId, t.teamMate.professionalId].sort(),
    );
  });

  it('the caseload shows the next planned meeting a case is on', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [], { startsAt: '2026-11-30T09:30:00Z' });
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId);
    const rows = (await api(server, t.coordinator.userId, 'GET', '/api/caseload')).body as {
      rows: { caseId: string; nextMeetingAt: string | null }[];
    };
    expect(rows.rows.find((r) => r.caseId === t.caseId)?.nextMeetingAt).toBe('2026-11-30T09:30:00.000Z');
  });

  it('refuses a case from another neighbourhood, a case the person is not on, and bad input by name', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp]);
    server.db
      .prepare("INSERT OR IGNORE INTO neighbourhoods (id, district_id, name) VALUES ('n2', 'd1', 'Elders')")
      .run();
    const away = server.db.prepare<[], { id: string }>("SELECT 'case-away' AS id").get()!.id;
    server.db
      .prepare(
        "INSERT INTO cases (id, client_name, neighbourhood_id, recovery_context, coordinator_id, created_at) VALUES (?, 'X Y', 'n2', 'stroke', ?, '2026-01-01')",
      )
      .run(away, t.coordinator.professionalId);
    const add = (who: typeof t.gp, caseId: string, body: Record<string, unknown> = {}) =>
      api(server, who.userId, 'POST', `/api/meetings/${meetingId}/agenda`, { caseId, ...body });
    expect((await add(t.coordinator, away)).body).toEqual({
      error: 'caseId: the case belongs to another neighbourhood',
    });
    expect((await add(t.gp, t.otherCaseId)).status).toBe(404);
    expect((await add(t.coordinator, t.caseId, { slotMinutes: 0 })).body).toEqual({
      error: 'slotMinutes: Too small: expected number to be >=1',
    });
    expect(
      (
        await api(server, t.coordinator.userId, 'POST', '/api/meetings', {
          neighbourhoodId: 'n1',
          title: 'x',
          startsAt: 'morgen',
          attendeeIds: [],
        })
      ).body,
    ).toEqual({
      error: 'startsAt: must be a date and time (ISO 8601)',
    });
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId);
    expect((await add(t.coordinator, t.caseId)).status).toBe(409);
  });

  it('someone who does not attend gets 404 for the meeting and cannot open its documents', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp]);
    expect((await api(server, t.socialWorker.userId, 'GET', `/api/meetings/${meetingId}`)).status).toBe(404);
    const socket = openRawSocket(
      server.url,
      meetingDocumentName(meetingId),
      '',
      headersOf(t.socialWorker.userId),
    );
    expect((await socket.closed).code).toBe(4403);
  });
});

describe('[M1] what an attendee who is not a member of a case sees', () => {
  it('only the agenda line: alias and question, never the name, the notes or the board', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp, t.teamMate]);
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId, 'Werk of dagbesteding?');
    await server.sync.registry.use(meetingCaseDocumentName(meetingId, t.caseId), (doc) => {
      meetingNotes(doc)!.insert(0, 'Geheime notitie over de schulden');
      addDecision(doc, 'Besluit: budgetbeheer aanvragen');
    });

    const seen = await details(t.teamMate.userId, meetingId);
    expect(seen.meeting.agenda).toEqual([
      { caseId: t.caseId, alias: 'A.Y. (1961)', member: false, clientName: null, access: null },
    ]);
    expect(JSON.stringify(seen)).not.toContain('Yılmaz');

    // The agenda document opens; its bytes hold the alias and question and nothing else of the case.
    const agenda = openRawSocket(
      server.url,
      meetingDocumentName(meetingId),
      '',
      headersOf(t.teamMate.userId),
    );
    await agenda.opened;
    agenda.ws.send(syncMessage.step1(new Y.Doc()));
    await eventually(() =>
      expect(Buffer.concat(agenda.received).toString('utf8')).toContain('Werk of dagbesteding?'),
    );
    const bytes = Buffer.concat(agenda.received).toString('utf8');
    expect(bytes).toContain('A.Y. (1961)');
    expect(bytes).not.toContain('Yılmaz');
    expect(bytes).not.toContain('Geheime notitie');
    agenda.ws.terminate();

    // The case in the meeting and the board stay closed to them.
    const item = openRawSocket(
      server.url,
      meetingCaseDocumentName(meetingId, t.caseId),
      '',
      headersOf(t.teamMate.userId),
    );
    expect((await item.closed).code).toBe(4403);
    const board = openRawSocket(server.url, caseDocumentName(t.caseId), '', headersOf(t.teamMate.userId));
    expect((await board.closed).code).toBe(4403);
    expect(
      (await api(server, t.teamMate.userId, 'GET', `/api/meetings/${meetingId}/cases/${t.caseId}/changes`))
        .status,
    ).toBe(404);

    // Made a member, they see it all.
    server.db
      .prepare(
        "INSERT INTO case_members (case_id, professional_id, case_role, access) VALUES (?, ?, 'maatje', 'write')",
      )
      .run(t.caseId, t.teamMate.professionalId);
    try {
      const member = connectClient(
        server.url,
        meetingCaseDocumentName(meetingId, t.caseId),
        new Y.Doc(),
        headersOf(t.teamMate.userId),
      );
      await synced(member);
      expect(readMeetingCase(member.doc).notes).toBe('Geheime notitie over de schulden');
      member.destroy();
    } finally {
      server.db
        .prepare('DELETE FROM case_members WHERE case_id = ? AND professional_id = ?')
        .run(t.caseId, t.teamMate.professionalId);
    }
  });

  it('the minutes show such a reader the agenda line only', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp, t.teamMate]);
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId, 'Wonen?');
    await server.sync.registry.use(meetingCaseDocumentName(meetingId, t.caseId), (doc) =>
      addDecision(doc, 'Urgentie aanvragen'),
    );
    // Before the close an attendee hears why there are none yet; someone else not even that it exists.
    const early = await api(server, t.teamMate.userId, 'GET', `/api/meetings/${meetingId}/minutes`);
    expect(early.status).toBe(409);
    expect(early.body).toEqual({ error: 'meetingId: the meeting has no minutes until it is closed' });
    expect(
      (await api(server, t.socialWorker.userId, 'GET', `/api/meetings/${meetingId}/minutes`)).status,
    ).toBe(404);
    expect((await api(server, t.coordinator.userId, 'POST', `/api/meetings/${meetingId}/close`)).status).toBe(
      200,
    );
    const read = async (userId: string) =>
      ((await api(server, userId, 'GET', `/api/meetings/${meetingId}/minutes`)).body as { minutes: Minutes })
        .minutes;
    expect((await read(t.gp.userId)).cases[0]).toMatchObject({
      visible: true,
      decisions: ['Urgentie aanvragen'],
    });
    expect((await read(t.teamMate.userId)).cases[0]).toMatchObject({
      alias: 'A.Y. (1961)',
      question: 'Wonen?',
      visible: false,
      decisions: [],
      actions: [],
    });
  });
});

describe('actions: one owner, a due date, where that person works', () => {
  it('an action typed in the meeting appears in its owner’s list; done there, its step is done too', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp, t.socialWorker]);
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId);
    const goalId = await server.sync.registry.use(caseDocumentName(t.caseId), (doc) =>
      createGoal(doc, { title: 'Terug naar werk', domain: 'work', phase: 'rebuilding' }),
    );
    const chair = connectClient(
      server.url,
      meetingCaseDocumentName(meetingId, t.caseId),
      new Y.Doc(),
      headersOf(t.coordinator.userId),
    );
    await synced(chair);
    const actionId = addAction(chair.doc, {
      text: 'Werkgever bellen',
      ownerId: t.socialWorker.professionalId!,
      dueDate: '2026-12-10',
    });

    const mine = async () =>
      ((await api(server, t.socialWorker.userId, 'GET', '/api/actions/mine')).body as ActionsAnswer).actions;
    await eventually(async () =>
      expect(await mine()).toMatchObject([
        {
          meetingId,
          caseId: t.caseId,
          actionId,
          text: 'Werkgever bellen',
          dueDate: '2026-12-10',
          done: false,
          caseLabel: 'Ahmet Yılmaz',
        },
      ]),
    );
    // The case board lists it among its open actions.
    const open = (await api(server, t.gp.userId, 'GET', `/api/cases/${t.caseId}/actions`))
      .body as ActionsAnswer;
    expect(open.actions.map((a) => a.actionId)).toContain(actionId);

    // One move makes it a step of a goal, with the same owner and due date.
    const step = await api(
      server,
      t.gp.userId,
      'POST',
      `/api/meetings/${meetingId}/cases/${t.caseId}/actions/${actionId}/step`,
      { goalId },
    );
    expect(step.status).toBe(201);
    const goal = () =>
      server.sync.registry.use(caseDocumentName(t.caseId), (doc) =>
        readBoard(doc).goals.find((g) => g.id === goalId)!,
      );
    expect((await goal()).steps).toMatchObject([
      {
        text: 'Werkgever bellen',
        ownerId: t.socialWorker.professionalId,
        dueDate: '2026-12-10',
        done: false,
      },
    ]);
    await eventually(() =>
      expect(readMeetingCase(chair.doc).actions[0]).toMatchObject({
        goalId,
        stepId: (step.body as { stepId: string }).stepId,
      }),
    );

    const done = await api(
      server,
      t.socialWorker.userId,
      'PUT',
      `/api/actions/${meetingId}/${t.caseId}/${actionId}`,
      { done: true },
    );
    expect(done.status).toBe(200);
    await eventually(() => expect(readMeetingCase(chair.doc).actions[0]!.done).toBe(true));
    expect((await goal()).steps[0]!.done).toBe(true);
    expect((await mine())[0]!.done).toBe(true);
    expect((await api(server, t.gp.userId, 'GET', `/api/cases/${t.caseId}/actions`)).body).toEqual({
      actions: [],
    });
    chair.destroy();
  });

  it('an action typed in the meeting reaches the case board that is open, without it asking', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp]);
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId);
    const board = new AbortController();
    try {
      const stream = await openCaseActionStream(t.pharmacist.userId, t.caseId, board.signal);
      const elsewhere = await openCaseActionStream(t.otherCoordinator.userId, t.otherCaseId, board.signal);
      const chair = connectClient(
        server.url,
        meetingCaseDocumentName(meetingId, t.caseId),
        new Y.Doc(),
        headersOf(t.coordinator.userId),
      );
      await synced(chair);
      const actionId = addAction(chair.doc, {
        text: 'Apotheek bellen over de baxterrol',
        ownerId: t.gp.professionalId!,
        dueDate: '2026-12-12',
      });
      await eventually(() => expect(stream.text).toContain('event: changed\n'));
      expect(elsewhere.text).not.toContain('event: changed');
      // What the board then fetches holds the new action.
      const open = (await api(server, t.pharmacist.userId, 'GET', `/api/cases/${t.caseId}/actions`))
        .body as ActionsAnswer;
      expect(open.actions.map((a) => a.actionId)).toContain(actionId);
      chair.destroy();
    } finally {
      board.abort();
    }
  });

  it('[M3] refuses an action without an owner or due date (the team is not an owner)', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp]);
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId);
    const client = connectClient(
      server.url,
      meetingCaseDocumentName(meetingId, t.caseId),
      new Y.Doc(),
      headersOf(t.gp.userId),
    );
    await synced(client);
    client.doc.transact(() => {
      const action = new Y.Map<unknown>();
      action.set('text', new Y.Text('Het team pakt het op'));
      action.set('done', false);
      action.set('order', 'a0');
      client.doc.getMap('actions').set('x1', action);
    });
    await eventually(() => expect(client.closes.map((c) => c.code)).toContain(4422));
    client.destroy();
    expect(
      await server.sync.registry.use(
        meetingCaseDocumentName(meetingId, t.caseId),
        (doc) => readMeetingCase(doc).actions,
      ),
    ).toEqual([]);
  });

  it('only the owner or a member who may change the case marks an action done', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp]);
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId);
    const actionId = await server.sync.registry.use(meetingCaseDocumentName(meetingId, t.caseId), (doc) =>
      addAction(doc, { text: 'Huisbezoek', ownerId: t.gp.professionalId!, dueDate: '2026-12-02' }),
    );
    await eventually(async () =>
      expect((await api(server, t.gp.userId, 'GET', '/api/actions/mine')).status).toBe(200),
    );
    await eventually(() =>
      expect(server.services.meetings.actions.one(meetingId, t.caseId, actionId)).not.toBeNull(),
    );
    const path = `/api/actions/${meetingId}/${t.caseId}/${actionId}`;
    expect((await api(server, t.pharmacist.userId, 'PUT', path, { done: true })).status).toBe(404);
    expect((await api(server, t.teamMate.userId, 'PUT', path, { done: true })).status).toBe(404);
    expect((await api(server, t.gp.userId, 'PUT', path, { done: 'ja' })).body).toEqual({
      error: 'done: Invalid input: expected boolean, received string',
    });
    expect((await api(server, t.gp.userId, 'PUT', path, { done: true })).status).toBe(200);
  });
});

describe('[M2] closing a meeting and what changed since', () => {
  it('keeps a version of each discussed board; the next meeting lists what changed since', async () => {
    const goalIds = await server.sync.registry.use(caseDocumentName(t.caseId), (doc) => ({
      stays: createGoal(doc, { title: 'Zelfstandig koken', domain: 'care', phase: 'transition' }),
      moves: createGoal(doc, { title: 'Eigen woning', domain: 'housing', phase: 'transition' }),
      achieves: createGoal(doc, {
        title: 'Uitkering geregeld',
        domain: 'income',
        phase: 'treatment',
        status: 'active',
      }),
    }));
    const first = await planMeeting(server, t.coordinator, [t.gp]);
    await putOnAgenda(server, t.coordinator, first, t.caseId);
    await server.sync.registry.use(meetingCaseDocumentName(first, t.caseId), (doc) =>
      tagPerspective(doc, 'patient', true),
    );
    const closed = await api(server, t.coordinator.userId, 'POST', `/api/meetings/${first}/close`);
    expect(closed.status).toBe(200);

    await server.sync.registry.use(caseDocumentName(t.caseId), (doc) => {
      moveGoal(doc, goalIds.moves, { domain: 'housing', phase: 'rebuilding', index: 0 });
      updateGoal(doc, goalIds.achieves, { status: 'achieved' });
      createGoal(doc, { id: 'new-goal', title: 'Vrijwilligerswerk', domain: 'work', phase: 'rebuilding' });
      appendObservation(doc, {
        at: new Date().toISOString(),
        authorId: 'p',
        authorName: 'Huisarts',
        state: 'amber',
        note: 'Slaapt slecht',
        relapse: false,
        moves: [],
      });
    });
    const second = await planMeeting(server, t.coordinator, [t.gp]);
    await putOnAgenda(server, t.coordinator, second, t.caseId);
    const answer = (
      await api(server, t.gp.userId, 'GET', `/api/meetings/${second}/cases/${t.caseId}/changes`)
    ).body as ChangesAnswer;
    expect(answer.since).toMatchObject({ meetingId: first });
    expect(answer.changes).toEqual(
      expect.arrayContaining([
        {
          kind: 'goal-added',
          goalId: 'new-goal',
          title: 'Vrijwilligerswerk',
          domain: 'work',
          phase: 'rebuilding',
        },
        {
          kind: 'goal-moved',
          goalId: goalIds.moves,
          title: 'Eigen woning',
          from: { domain: 'housing', phase: 'transition' },
          to: { domain: 'housing', phase: 'rebuilding' },
        },
        { kind: 'goal-achieved', goalId: goalIds.achieves, title: 'Uitkering geregeld' },
        { kind: 'signal-state', from: null, to: 'amber' },
        expect.objectContaining({ kind: 'observation', state: 'amber', note: 'Slaapt slecht' }),
      ]),
    );
    expect(answer.changes.some((c) => 'goalId' in c && c.goalId === goalIds.stays)).toBe(false);

    // The closed meeting's own view stays what it saw: nothing changed between its version and itself.
    const old = (await api(server, t.gp.userId, 'GET', `/api/meetings/${first}/cases/${t.caseId}/changes`))
      .body as ChangesAnswer;
    expect(old.changes.some((c) => c.kind === 'goal-added' && c.goalId === 'new-goal')).toBe(false);
  });

  it('after the close the documents can only be read and the chair cannot close twice', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp]);
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId);
    const gp = connectClient(
      server.url,
      meetingCaseDocumentName(meetingId, t.caseId),
      new Y.Doc(),
      headersOf(t.gp.userId),
    );
    await synced(gp);
    expect((await api(server, t.gp.userId, 'POST', `/api/meetings/${meetingId}/close`)).status).toBe(403);
    expect((await api(server, t.coordinator.userId, 'POST', `/api/meetings/${meetingId}/close`)).status).toBe(
      200,
    );
    expect((await api(server, t.coordinator.userId, 'POST', `/api/meetings/${meetingId}/close`)).status).toBe(
      409,
    );
    await new Promise((r) => setTimeout(r, 100));
    meetingNotes(gp.doc)!.insert(0, 'te laat');
    await new Promise((r) => setTimeout(r, 200));
    const stored = await server.sync.registry.use(
      meetingCaseDocumentName(meetingId, t.caseId),
      (doc) => readMeetingCase(doc).notes,
    );
    expect(stored).toBe('');
    gp.destroy();
  });

  it('exports the minutes in Dutch as a document', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp], { title: 'Overleg Molenwijk' });
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId, 'Hoe gaat het met slapen?');
    await server.sync.registry.use(meetingCaseDocumentName(meetingId, t.caseId), (doc) => {
      addDecision(doc, 'Slaapdagboek bijhouden');
      addAction(doc, { text: 'Medicatie bespreken', ownerId: t.gp.professionalId!, dueDate: '2026-12-15' });
    });
    await api(server, t.coordinator.userId, 'POST', `/api/meetings/${meetingId}/close`);
    const answer = await fetch(`${server.url}/api/meetings/${meetingId}/minutes.md`, {
      headers: headersOf(t.gp.userId),
    });
    expect(answer.headers.get('content-disposition')).toContain('attachment');
    const text = await answer.text();
    expect(text).toContain('# Verslag: Overleg Molenwijk');
    expect(text).toContain('**Vraag:** Hoe gaat het met slapen?');
    expect(text).toContain('- Slaapdagboek bijhouden');
    expect(text).toMatch(/- Medicatie bespreken — Huisarts, uiterlijk 15 dec\.? 2026/);
  });
});
