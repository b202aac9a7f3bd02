import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGoal, readBoard } from '../../../shared/doc/board.js';
import { addAction, readMeetingCase } from '../../../shared/doc/meetingCase.js';
import type { ActionsAnswer } from '../../../shared/meetingApi.js';
import { caseDocumentName, meetingCaseDocumentName } from '../../../shared/protocol.js';
import { signIn } from '../../utils/accounts.js';
import type { CaseTeam } from '../../utils/caseTeam.js';
import { connectClient, synced } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { planMeeting, putOnAgenda, startMeetingServer } from '../../utils/meetings.js';
import type { TestServer } from '../../utils/server.js';

/** Actions from meetings: one owner, a due date, and where that person works (SPEC M3). */
let server: TestServer;
let t: CaseTeam;
beforeAll(async () => {
  ({ server, t } = await startMeetingServer());
});
afterAll(async () => {
  await server?.close();
});

const headersOf = async (userId: string) => (await signIn(server, userId)).headers;

/** Opens a case board's action stream as the browser's EventSource would; `text` grows as events arrive. */
async function openCaseActionStream(userId: string, caseId: string, signal: AbortSignal) {
  const response = await fetch(`${server.url}/api/cases/${caseId}/actions/stream`, {
    headers: await headersOf(userId),
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
      await headersOf(t.coordinator.userId),
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
        await headersOf(t.coordinator.userId),
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
      await headersOf(t.gp.userId),
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
    await eventually(async () =>
      expect(await server.services.meetings.actions.one(meetingId, t.caseId, actionId)).not.toBeNull(),
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
