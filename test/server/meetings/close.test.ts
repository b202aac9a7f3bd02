import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGoal, moveGoal, updateGoal } from '../../../shared/doc/board.js';
import {
  addAction,
  addDecision,
  meetingNotes,
  readMeetingCase,
  tagPerspective,
} from '../../../shared/doc/meetingCase.js';
import { appendObservation } from '../../../shared/doc/signalPlan.js';
import type { ChangesAnswer } from '../../../shared/meetingApi.js';
import { caseDocumentName, meetingCaseDocumentName } from '../../../shared/protocol.js';
import { signIn } from '../../utils/accounts.js';
import type { CaseTeam } from '../../utils/caseTeam.js';
import { accessOf, connectClient, synced } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { planMeeting, putOnAgenda, startMeetingServer } from '../../utils/meetings.js';
import type { TestServer } from '../../utils/server.js';

/** Closing a meeting: kept board versions, what changed since, read-only documents, minutes (SPEC M2). */
let server: TestServer;
let t: CaseTeam;
beforeAll(async () => {
  ({ server, t } = await startMeetingServer());
});
afterAll(async () => {
  await server?.close();
});

const headersOf = async (userId: string) => (await signIn(server, userId)).headers;

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
      await headersOf(t.gp.userId),
    );
    await synced(gp);
    // The server says whether this connection may write before anything else, and again on a change.
    expect(gp.notices[0]).toEqual({ kind: 'access', access: 'write' });
    expect((await api(server, t.gp.userId, 'POST', `/api/meetings/${meetingId}/close`)).status).toBe(403);
    expect((await api(server, t.coordinator.userId, 'POST', `/api/meetings/${meetingId}/close`)).status).toBe(
      200,
    );
    expect((await api(server, t.coordinator.userId, 'POST', `/api/meetings/${meetingId}/close`)).status).toBe(
      409,
    );
    await eventually(() => expect(accessOf(gp)).toBe('read'));
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
      headers: await headersOf(t.gp.userId),
    });
    expect(answer.headers.get('content-disposition')).toContain('attachment');
    const text = await answer.text();
    expect(text).toContain('# Verslag: Overleg Molenwijk');
    expect(text).toContain('**Vraag:** Hoe gaat het met slapen?');
    expect(text).toContain('- Slaapdagboek bijhouden');
    expect(text).toMatch(/- Medicatie bespreken — Huisarts, uiterlijk 15 dec\.? 2026/);
  });
});
