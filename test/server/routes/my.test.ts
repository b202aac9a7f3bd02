import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ClientPlan, PlanContact } from '../../../shared/api.js';
import { createGoal, goalText, readBoard, updateGoal } from '../../../shared/doc/board.js';
import { perspectiveText, setPerspectiveActive } from '../../../shared/doc/perspectives.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { signIn } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam } from '../../utils/caseTeam.js';
import { connectClient, synced } from '../../utils/clients.js';
import type { SyncClient } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * The client never receives the board itself: /api/my/plan is a projection of the goals marked
 * visible to them, live, and their own words go through the API into the board.
 */
let server: TestServer;
let t: CaseTeam;
let gp: SyncClient;
const streams: AbortController[] = [];
beforeEach(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
  gp = connectClient(
    server.url,
    caseDocumentName(t.caseId),
    new Y.Doc(),
    (await signIn(server, t.gp.userId)).headers,
  );
  await synced(gp);
  createGoal(gp.doc, {
    id: 'visible',
    title: 'Zelf boodschappen doen',
    domain: 'care',
    phase: 'rebuilding',
    visibleToClient: true,
    ownerId: t.gp.professionalId,
    targetDate: '2026-06-01',
    steps: [{ text: 'Lijstje maken met de buurvrouw', ownerId: t.socialWorker.professionalId }],
  });
  createGoal(gp.doc, {
    id: 'hidden',
    title: 'GEHEIM: medicatie afbouwen',
    domain: 'care',
    phase: 'treatment',
  });
  setPerspectiveActive(gp.doc, 'patient', true);
  perspectiveText(gp.doc, 'patient', 'concerns').insert(0, 'GEHEIM: valgevaar');
  await eventually(async () => expect(await board((doc) => readBoard(doc).goals.length)).toBe(2));
});
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.abort();
  gp.destroy();
  await server.close();
});

const board = <T>(read: (doc: Y.Doc) => T) => server.sync.registry.use(caseDocumentName(t.caseId), read);
const myPlan = async () =>
  ((await api(server, t.client.userId, 'GET', '/api/my/plan')).body as { plan: ClientPlan }).plan;

/** Every field of the ClientPlan type, and no other (the compiler checks these lists against shared/api.ts). */
const planFields: Record<keyof ClientPlan, true> = {
  clientName: true,
  coordinator: true,
  contacts: true,
  goals: true,
  signalPlan: true,
  currentState: true,
  voice: true,
  readingLevel: true,
  supportEnded: true,
  referrals: true,
};
const contactFields: Record<keyof PlanContact, true> = {
  id: true,
  name: true,
  roleTitle: true,
  organisation: true,
  phone: true,
  email: true,
};
type PlanGoal = ClientPlan['goals'][number];
const goalFields: Record<keyof PlanGoal, true> = {
  id: true,
  domain: true,
  phase: true,
  status: true,
  title: true,
  clientWords: true,
  targetDate: true,
  owner: true,
  steps: true,
  services: true,
};
const stepFields: Record<keyof PlanGoal['steps'][number], true> = {
  id: true,
  text: true,
  done: true,
  dueDate: true,
  owner: true,
};
const keys = (o: object) => Object.keys(o).sort();

/** How many plan events a stream received. */
const planEvents = (text: string) => text.match(/^event: plan$/gm)?.length ?? 0;

/** Opens the plan's event stream as a browser's EventSource would; collects what arrives. */
async function openPlanStream(cookie: string) {
  const controller = new AbortController();
  streams.push(controller);
  const response = await fetch(`${server.url}/api/my/plan/events`, {
    headers: { cookie },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  const stream = { text: '', ended: false };
  void (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of response.body!)
      stream.text += decoder.decode(chunk as Uint8Array, { stream: true });
    stream.ended = true;
  })().catch(() => undefined);
  await eventually(() => expect(stream.text).toContain(': connected'));
  return stream;
}

describe('the client’s plan', () => {
  it('holds only the goals marked visible to the client, and no field beyond the ClientPlan type', async () => {
    const answer = await api(server, t.client.userId, 'GET', '/api/my/plan');
    expect(answer.status).toBe(200);
    expect(keys(answer.body as object)).toEqual(['plan']);
    const plan = (answer.body as { plan: ClientPlan }).plan;

    expect(keys(plan)).toEqual(keys(planFields));
    for (const contact of [plan.coordinator!, ...plan.contacts])
      expect(keys(contact)).toEqual(keys(contactFields));
    expect(plan.goals.map((g) => g.id)).toEqual(['visible']);
    const [goal] = plan.goals;
    expect(keys(goal!)).toEqual(keys(goalFields));
    expect(keys(goal!.owner!)).toEqual(keys(contactFields));
    for (const step of goal!.steps) expect(keys(step)).toEqual(keys(stepFields));
    expect(goal).toMatchObject({
      title: 'Zelf boodschappen doen',
      targetDate: '2026-06-01',
      owner: { id: t.gp.professionalId, name: 'Huisarts' },
    });
    expect(goal!.steps.map((s) => [s.text, s.owner?.name])).toEqual([
      ['Lijstje maken met de buurvrouw', 'Schuldhulpverlener'],
    ]);
    expect(plan.coordinator?.id).toBe(t.coordinator.professionalId);
    expect(JSON.stringify(answer.body)).not.toContain('GEHEIM'); // hidden goals and perspectives stay out
  });

  it('a goal the team hides later disappears from the plan', async () => {
    expect((await myPlan()).goals.map((g) => g.id)).toEqual(['visible']);
    updateGoal(gp.doc, 'visible', { visibleToClient: false });
    await eventually(async () => expect((await myPlan()).goals).toEqual([]));
  });

  it('changes the team makes reach the client’s open page as plan events', async () => {
    const stream = await openPlanStream((await signIn(server, t.client.userId)).cookie);
    goalText(gp.doc, 'visible', 'title').insert(0, 'Weer ');
    await eventually(() =>
      expect(stream.text).toMatch(/event: plan\ndata: .*"title":"Weer Zelf boodschappen doen"/),
    );
    expect(stream.text).not.toContain('GEHEIM');
  });

  it('an opened stream sends the plan at once, so a page that reconnects catches up', async () => {
    const stream = await openPlanStream((await signIn(server, t.client.userId)).cookie);
    await eventually(() =>
      expect(stream.text).toMatch(/event: plan\ndata: .*"title":"Zelf boodschappen doen"/),
    );
    expect(planEvents(stream.text)).toBe(1);
  });

  it('a board change that leaves the client’s plan as it was sends no plan event', async () => {
    const stream = await openPlanStream((await signIn(server, t.client.userId)).cookie);
    await eventually(() => expect(planEvents(stream.text)).toBe(1));
    goalText(gp.doc, 'hidden', 'title').insert(0, 'Nog ');
    await eventually(async () =>
      expect(await board((doc) => readBoard(doc).goals.find((g) => g.id === 'hidden')?.title)).toMatch(
        /^Nog /,
      ),
    );
    // Nothing may arrive: wait out the stream's 300 ms debounce with room to spare.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(planEvents(stream.text)).toBe(1);
    goalText(gp.doc, 'visible', 'title').insert(0, 'Weer ');
    await eventually(() => expect(planEvents(stream.text)).toBe(2));
    expect(stream.text).not.toContain('GEHEIM');
  });

  it('[A4] signing out ends the client’s open plan stream within seconds', async () => {
    const session = await signIn(server, t.client.userId);
    const stream = await openPlanStream(session.cookie);
    const out = await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(out.status).toBe(204);
    await eventually(() => expect(stream.ended).toBe(true), server.config.accessRecheckMs + 3_000);
    goalText(gp.doc, 'visible', 'title').insert(0, 'Na afmelden ');
    await eventually(async () =>
      expect(await board((doc) => readBoard(doc).goals.find((g) => g.id === 'visible')?.title)).toMatch(
        /^Na afmelden/,
      ),
    );
    expect(stream.text).not.toContain('Na afmelden');
  });

  it('the client’s own words land in the board as a live edit the team sees', async () => {
    const words = 'Ik wil weer zelf naar de markt op zaterdag';
    const answer = await api(server, t.client.userId, 'PUT', '/api/my/goals/visible/words', { words });
    expect(answer.status).toBe(204);
    await eventually(() =>
      expect(readBoard(gp.doc).goals.find((g) => g.id === 'visible')?.clientWords).toBe(words),
    );
    expect(await board((doc) => readBoard(doc).goals.find((g) => g.id === 'visible')?.clientWords)).toBe(
      words,
    );
    expect((await myPlan()).goals[0]?.clientWords).toBe(words);
  });

  it('words for a goal that is hidden from the client are refused (404) and change nothing', async () => {
    const answer = await api(server, t.client.userId, 'PUT', '/api/my/goals/hidden/words', { words: 'toch' });
    expect(answer.status).toBe(404);
    expect(await board((doc) => readBoard(doc).goals.find((g) => g.id === 'hidden')?.clientWords)).toBe('');
  });
});
