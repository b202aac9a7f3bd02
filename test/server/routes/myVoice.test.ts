import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ClientPlan } from '../../../shared/api.js';
import { readClientVoice } from '../../../shared/doc/clientVoice.js';
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
 * The client's voice (SPEC V9): questions for the next meeting and how it is going per life
 * domain go through /api/my and land in the team's open board at once, marked as the client's.
 */
let server: TestServer;
let t: CaseTeam;
let coordinator: SyncClient;
beforeEach(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
  coordinator = connectClient(
    server.url,
    caseDocumentName(t.caseId),
    new Y.Doc(),
    (await signIn(server, t.coordinator.userId)).headers,
  );
  await synced(coordinator);
});
afterEach(async () => {
  coordinator.destroy();
  await server.close();
});

const asClient = (method: string, path: string, body?: unknown) =>
  api(server, t.client.userId, method, path, body);
const ask = async (text: string) => {
  const answer = await asClient('POST', '/api/my/questions', { text });
  expect(answer.status).toBe(201);
  return (answer.body as { id: string }).id;
};
const boardVoice = () => readClientVoice(coordinator.doc);
const myPlan = async () => ((await asClient('GET', '/api/my/plan')).body as { plan: ClientPlan }).plan;
const lastLog = () =>
  server.db
    .prepare<[], { event: string; details: string }>(
      'SELECT event, details FROM access_log ORDER BY id DESC LIMIT 1',
    )
    .get();

describe('my questions for the next meeting', () => {
  it('[V9] a question reaches the open board live, as the client’s, and is in the plan', async () => {
    const id = await ask('  Kan ik weer autorijden?  ');
    await eventually(() =>
      expect(boardVoice().questions).toEqual([
        {
          id,
          text: 'Kan ik weer autorijden?',
          askedAt: expect.any(String),
          discussedAt: null,
          discussedBy: null,
          discussedIn: null,
        },
      ]),
    );
    expect(lastLog()).toMatchObject({ event: 'api-write' });
    expect(JSON.parse(lastLog()!.details)).toMatchObject({ resource: 'client-question', questionId: id });
    expect((await myPlan()).voice.questions.map((q) => q.text)).toEqual(['Kan ik weer autorijden?']);
  });

  it('the client takes back an open question; it leaves the board', async () => {
    const id = await ask('Wie betaalt de taxi?');
    await eventually(() => expect(boardVoice().questions).toHaveLength(1));
    expect((await asClient('DELETE', `/api/my/questions/${id}`)).status).toBe(204);
    await eventually(() => expect(boardVoice().questions).toEqual([]));
  });

  it('a question the team discussed stays: taking it back is refused (409)', async () => {
    const id = await ask('Mag mijn zoon mee naar het overleg?');
    const marked = await api(
      server,
      t.gp.userId,
      'POST',
      `/api/cases/${t.caseId}/client-questions/${id}/discussed`,
    );
    expect(marked.status).toBe(204);
    await eventually(() =>
      expect(boardVoice().questions[0]).toMatchObject({
        discussedBy: 'Huisarts',
        discussedAt: expect.any(String),
      }),
    );
    const refused = await asClient('DELETE', `/api/my/questions/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: 'questionId: the team already discussed this question' });
    expect((await myPlan()).voice.questions[0]?.discussedBy).toBe('Huisarts');
  });

  it('an unknown question, or one of another client, is 404', async () => {
    const theirs = (
      await api(server, t.otherClient.userId, 'POST', '/api/my/questions', { text: 'Van een ander' })
    ).body as { id: string };
    expect((await asClient('DELETE', `/api/my/questions/${theirs.id}`)).status).toBe(404);
    expect((await asClient('DELETE', '/api/my/questions/nope')).status).toBe(404);
    expect(
      (await api(server, t.gp.userId, 'POST', `/api/cases/${t.caseId}/client-questions/nope/discussed`))
        .status,
    ).toBe(404);
  });

  it.each([
    { body: { text: '   ' }, error: 'text: write your question' },
    { body: { text: 'x'.repeat(501) }, error: 'text: must be at most 500 characters' },
    { body: {}, error: expect.stringMatching(/^text: /) },
  ])('bad input is 400 with field: message ($error)', async ({ body, error }) => {
    const answer = await asClient('POST', '/api/my/questions', body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error });
  });
});

describe('how is it going, per life domain', () => {
  it('[V9] a face and a sentence reach the board beside the team’s own view', async () => {
    const answer = await asClient('PUT', '/api/my/ratings/housing', {
      score: 2,
      sentence: 'Het is te druk in huis.',
    });
    expect(answer.status).toBe(204);
    await eventually(() =>
      expect(boardVoice().ratings.housing).toMatchObject({ score: 2, sentence: 'Het is te druk in huis.' }),
    );
    // A second rating replaces the first; the sentence is optional.
    expect((await asClient('PUT', '/api/my/ratings/housing', { score: 4 })).status).toBe(204);
    await eventually(() => expect(boardVoice().ratings.housing).toMatchObject({ score: 4, sentence: '' }));
    expect(JSON.parse(lastLog()!.details)).toMatchObject({ resource: 'client-rating', domain: 'housing' });
    expect((await myPlan()).voice.ratings).toEqual({ housing: expect.objectContaining({ score: 4 }) });
  });

  it.each([
    { path: '/api/my/ratings/housing', body: { score: 6 }, error: 'score: must be 1 to 5' },
    { path: '/api/my/ratings/housing', body: { score: 2.5 }, error: expect.stringMatching(/^score: /) },
    {
      path: '/api/my/ratings/housing',
      body: { score: 3, sentence: 'x'.repeat(301) },
      error: 'sentence: must be at most 300 characters',
    },
    { path: '/api/my/ratings/garden', body: { score: 3 }, error: expect.stringMatching(/^domain: /) },
  ])('bad input is 400 with field: message ($path $body.score)', async ({ path, body, error }) => {
    const answer = await asClient('PUT', path, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error });
  });
});
