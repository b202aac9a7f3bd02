import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGoal, readBoard } from '../../../shared/doc/board.js';
import { observationsOf, readObservations } from '../../../shared/doc/signalPlan.js';
import type { Observation } from '../../../shared/doc/signalPlan.js';
import { caseDocumentName, closeCodes } from '../../../shared/protocol.js';
import { signIn } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { connectClient, synced } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api, errorOf } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Recording an observation is the only way the signal state changes (SPEC V8): the server writes
 * it with the author and time from the session, a relapse moves goals back in the same change, and
 * nobody can rewrite the timeline afterwards.
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

const board = <T>(read: (doc: Y.Doc) => T, caseId = t.caseId) =>
  server.sync.registry.use(caseDocumentName(caseId), read);
const observations = () => board(readObservations);
const post = (who: Person | null, body: unknown, caseId = t.caseId) =>
  api(server, who?.userId ?? null, 'POST', `/api/cases/${caseId}/observations`, body);

describe('recording an observation', () => {
  it('is added to the timeline with the author and time from the session, never from the request', async () => {
    const before = Date.now();
    const answer = await post(t.gp, {
      state: 'green',
      note: '  Gaat goed, weer aan het werk  ',
      authorName: 'Iemand anders',
      at: '2020-01-01T00:00:00.000Z',
    });
    expect(answer.status).toBe(201);
    const { id } = answer.body as { id: string };
    const recorded = (await observations()).find((o) => o.id === id)!;
    expect(recorded).toMatchObject({
      authorId: t.gp.professionalId,
      authorName: 'Huisarts',
      state: 'green',
      note: 'Gaat goed, weer aan het werk',
      relapse: false,
      moves: [],
    });
    expect(Date.parse(recorded.at)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(recorded.at)).toBeLessThanOrEqual(Date.now());
  });

  it('the timeline only grows: later observations come after earlier ones, none is replaced', async () => {
    const before = await observations();
    await post(t.socialWorker, { state: 'amber', note: 'Mist afspraken' });
    await post(t.coordinator, { state: 'green', note: 'Gesproken, weer rustig' });
    const after = await observations();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((o) => o.state)).toEqual(['amber', 'green']);
  });
});

describe('a relapse moves goals back, and the move is part of the relapse', () => {
  it('named goals in a later phase move back; the moves are kept in the observation', async () => {
    const goals = await board((doc) => ({
      care: createGoal(doc, { title: 'Zelf koken', domain: 'care', phase: 'rebuilding' }),
      housing: createGoal(doc, { title: 'Eigen huis', domain: 'housing', phase: 'sustaining' }),
      work: createGoal(doc, { title: 'Werk', domain: 'work', phase: 'treatment' }),
      untouched: createGoal(doc, { title: 'Niet genoemd', domain: 'income', phase: 'sustaining' }),
    }));
    let updates = 0;
    const count = () => updates++;
    await board((doc) => doc.on('update', count));
    const answer = await post(t.socialWorker, {
      state: 'red',
      note: 'Terugval: weer gaan drinken',
      relapse: {
        goalIds: [goals.care, goals.housing, goals.work, goals.care, 'unknown-goal'],
        toPhase: 'transition',
      },
    });
    await board((doc) => doc.off('update', count));
    expect(answer.status).toBe(201);
    expect(updates).toBe(1); // one change: every editor sees the moves and the relapse together

    const phases = await board((doc) => Object.fromEntries(readBoard(doc).goals.map((g) => [g.id, g.phase])));
    expect(phases).toMatchObject({
      [goals.care]: 'transition',
      [goals.housing]: 'transition',
      [goals.work]: 'treatment', // already earlier: not moved forward
      [goals.untouched]: 'sustaining',
    });
    const relapse = (await observations()).find((o) => o.id === (answer.body as { id: string }).id)!;
    expect(relapse).toMatchObject({ state: 'red', relapse: true });
    // A goal named twice moved once, so the timeline says it once.
    expect(relapse.moves).toEqual([
      { goalId: goals.care, from: 'rebuilding', to: 'transition' },
      { goalId: goals.housing, from: 'sustaining', to: 'transition' },
    ]);
  });

  const rewrites: { name: string; edit: (doc: Y.Doc, target: Observation) => void }[] = [
    { name: 'deleting it', edit: (doc, o) => observationsOf(doc).delete(o.id) },
    {
      name: 'softening its note',
      edit: (doc, o) => observationsOf(doc).get(o.id)!.set('note', 'Niets aan de hand'),
    },
    { name: 'undoing its moves', edit: (doc, o) => observationsOf(doc).get(o.id)!.set('moves', []) },
  ];
  for (const { name, edit } of rewrites) {
    it(`[V8][S5] a member's browser ${name} later is refused; the relapse stays as it was`, async () => {
      const goalId = await board((doc) =>
        createGoal(doc, { title: 'Werk', domain: 'work', phase: 'rebuilding' }),
      );
      const answer = await post(t.coordinator, {
        state: 'red',
        note: 'Terugval',
        relapse: { goalIds: [goalId], toPhase: 'treatment' },
      });
      const target = (await observations()).find((o) => o.id === (answer.body as { id: string }).id)!;
      expect(target.moves).toHaveLength(1);
      const client = connectClient(
        server.url,
        caseDocumentName(t.caseId),
        new Y.Doc(),
        (await signIn(server, t.socialWorker.userId)).headers,
      );
      try {
        await synced(client);
        edit(client.doc, target);
        await eventually(() => expect(client.closes.map((c) => c.code)).toContain(closeCodes.invalidUpdate));
      } finally {
        client.destroy();
      }
      expect((await observations()).find((o) => o.id === target.id)).toEqual(target);
    });
  }
});

describe('who may record an observation', () => {
  const refusals: { who: keyof CaseTeam | null; caseId?: () => string; status: number; why: string }[] = [
    { who: null, status: 401, why: 'anonymous' },
    { who: 'admin', status: 403, why: 'an admin never sees client data' },
    { who: 'client', status: 403, why: 'the client tells their team, not the timeline' },
    { who: 'pharmacist', status: 403, why: 'a read-only member' },
    { who: 'teamMate', status: 404, why: 'a team mate who is not on the case' },
    { who: 'formerMember', status: 404, why: 'a former member' },
    {
      who: 'coordinator',
      caseId: () => t.otherCaseId,
      status: 404,
      why: 'a coordinator on someone else’s case',
    },
    { who: 'coordinator', caseId: () => 'no-such-case', status: 404, why: 'an unknown case' },
  ];
  for (const { who, caseId, status, why } of refusals) {
    it(`${why} → ${status}, and nothing is written`, async () => {
      const id = caseId?.() ?? t.caseId;
      const count = id === 'no-such-case' ? 0 : (await board(readObservations, id)).length;
      const person = who ? (t[who] as Person) : null;
      const answer = await post(person, { state: 'red', note: 'Mag dit?' }, id);
      expect(answer.status).toBe(status);
      if (id !== 'no-such-case') expect(await board(readObservations, id)).toHaveLength(count);
    });
  }

  const invalid: { body: unknown; error: RegExp }[] = [
    { body: { state: 'purple', note: 'Vreemd' }, error: /^state:/ },
    { body: { state: 'amber' }, error: /^note:/ },
    { body: { state: 'amber', note: '   ' }, error: /^note: say what was seen/ },
    { body: { state: 'amber', note: 'x'.repeat(2_001) }, error: /^note:/ },
    {
      body: { state: 'red', note: 'Terugval', relapse: { goalIds: [], toPhase: 'treatment' } },
      error: /goalIds/,
    },
    {
      body: { state: 'red', note: 'Terugval', relapse: { goalIds: ['g1'], toPhase: 'later' } },
      error: /toPhase/,
    },
    {
      body: { state: 'red', note: 'Terugval', relapse: { goalIds: ['bad id!'], toPhase: 'treatment' } },
      error: /goalIds/,
    },
  ];
  for (const { body, error } of invalid) {
    it(`${JSON.stringify(body).slice(0, 80)} → 400 naming the field`, async () => {
      const count = (await observations()).length;
      const answer = await post(t.coordinator, body);
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatch(error);
      expect(await observations()).toHaveLength(count);
    });
  }
});
