import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardShape } from '../../../shared/doc/boardShape.js';
import {
  addClientQuestion,
  clientQuestionsOf,
  clientRatingsOf,
  markQuestionDiscussed,
  readClientQuestions,
  readClientVoice,
  setClientRating,
  setTeamRating,
  teamRatingsOf,
  withdrawClientQuestion,
} from '../../../shared/doc/clientVoice.js';
import { InvalidUpdate, validateUpdate } from '../../../server/sync/validation/updateValidator.js';
import { capture, inSyncWith } from '../../utils/updates.js';

/**
 * The client's voice is server-only (SPEC V9): no board can add, change or remove a client's
 * question or rating, so what the board shows as the client's is the client's. The team's own
 * view per life domain is an ordinary, validated board root.
 */
function setup() {
  const server = new Y.Doc();
  const questionId = addClientQuestion(server, 'Mag ik weer autorijden?', '2026-03-01T10:00:00.000Z');
  setClientRating(server, 'housing', { score: 2, sentence: 'Te druk', at: '2026-03-01T10:00:00.000Z' });
  const client = inSyncWith(server);
  return { server, client, questionId };
}
const team = { score: 3 as const, byId: 'p-1', byName: 'Sevda Kaya', at: '2026-03-02T09:00:00.000Z' };

describe('[V9] the client’s voice cannot be written from a board', () => {
  it.each([
    {
      name: 'adding a question in the client’s name',
      edit: (c: Y.Doc) => addClientQuestion(c, 'Nep', '2026-03-01'),
    },
    {
      name: 'changing the text of a question',
      edit: (c: Y.Doc, id: string) =>
        clientQuestionsOf(c).set(id, { text: 'Anders', askedAt: 'x', discussedAt: null, discussedBy: null }),
    },
    {
      name: 'marking a question discussed on the board',
      edit: (c: Y.Doc, id: string) => markQuestionDiscussed(c, id, 'Iemand', 'nu'),
    },
    { name: 'deleting a question', edit: (c: Y.Doc, id: string) => withdrawClientQuestion(c, id) },
    {
      name: 'changing the client’s rating',
      edit: (c: Y.Doc) => setClientRating(c, 'housing', { score: 5, sentence: 'Prima', at: 'nu' }),
    },
    { name: 'deleting the client’s rating', edit: (c: Y.Doc) => clientRatingsOf(c).delete('housing') },
  ])('refuses $name', ({ edit }) => {
    const { server, client, questionId } = setup();
    const update = capture(client, () => edit(client, questionId));
    expect(() => validateUpdate(server, update, boardShape)).toThrow(InvalidUpdate);
    expect(() => validateUpdate(server, update, boardShape)).toThrow(/written by the server only/);
  });
});

describe('the team’s own view per life domain', () => {
  it('[V2] a score from 1 to 5 is accepted, and clearing it', () => {
    const { server, client } = setup();
    const set = capture(client, () => setTeamRating(client, 'housing', team));
    expect(() => validateUpdate(server, set, boardShape)).not.toThrow();
    Y.applyUpdate(server, set);
    const clear = capture(client, () => setTeamRating(client, 'housing', null));
    expect(() => validateUpdate(server, clear, boardShape)).not.toThrow();
  });

  it.each([
    {
      name: 'a score of 6',
      edit: (c: Y.Doc) => teamRatingsOf(c).set('housing', { ...team, score: 6 }),
      reason: /must be 1 to 5/,
    },
    {
      name: 'an unknown life domain',
      edit: (c: Y.Doc) => teamRatingsOf(c).set('garden', team),
      reason: /teamRatings\.garden/,
    },
    {
      name: 'a field beyond the shape',
      edit: (c: Y.Doc) => teamRatingsOf(c).set('care', { ...team, mood: 'x' }),
      reason: /teamRatings\.care/,
    },
  ])('[V2] refuses $name', ({ edit, reason }) => {
    const { server, client } = setup();
    const update = capture(client, () => edit(client));
    expect(() => validateUpdate(server, update, boardShape)).toThrow(reason);
  });
});

describe('reading the client’s voice', () => {
  it('questions come oldest first; a discussed one keeps who and when, and cannot be taken back', () => {
    const doc = new Y.Doc();
    const later = addClientQuestion(doc, 'Tweede', '2026-03-02T10:00:00.000Z');
    const first = addClientQuestion(doc, 'Eerste', '2026-03-01T10:00:00.000Z');
    expect(readClientQuestions(doc).map((q) => q.text)).toEqual(['Eerste', 'Tweede']);
    expect(markQuestionDiscussed(doc, first, 'Sevda Kaya', '2026-03-03T10:00:00.000Z')).toBe(true);
    expect(withdrawClientQuestion(doc, first)).toBe('discussed');
    expect(withdrawClientQuestion(doc, later)).toBe('withdrawn');
    expect(withdrawClientQuestion(doc, 'unknown')).toBe('unknown');
    expect(readClientQuestions(doc)).toEqual([
      {
        id: first,
        text: 'Eerste',
        askedAt: '2026-03-01T10:00:00.000Z',
        discussedAt: '2026-03-03T10:00:00.000Z',
        discussedBy: 'Sevda Kaya',
        discussedIn: null,
      },
    ]);
  });

  it('ratings are per life domain; an odd value is left out rather than shown', () => {
    const { server } = setup();
    teamRatingsOf(server).set('work', { score: 9 });
    setTeamRating(server, 'care', team);
    expect(readClientVoice(server)).toMatchObject({
      ratings: { housing: { score: 2, sentence: 'Te druk' } },
      teamRatings: { care: team },
    });
    expect(readClientVoice(server).teamRatings.work).toBeUndefined();
  });
});
