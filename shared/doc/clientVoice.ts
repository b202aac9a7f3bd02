import type * as Y from 'yjs';
import type { z } from 'zod';
import { lifeDomains } from '../domain.js';
import type { LifeDomain } from '../domain.js';
import { newId } from './board.js';
import { clientQuestionSchema, clientRatingSchema, teamRatingSchema } from './clientVoiceShape.js';

/** Typed access to the client's voice in the board: questions, ratings per life domain, the team's view. */
export interface ClientQuestion {
  id: string;
  text: string;
  askedAt: string;
  /** Set once the team discussed it; an open question has null. */
  discussedAt: string | null;
  discussedBy: string | null;
  /** The meeting it was marked discussed in (its minutes list it); null when marked on the board. */
  discussedIn: string | null;
}
export type ClientRating = z.infer<typeof clientRatingSchema>;
export type TeamRating = z.infer<typeof teamRatingSchema>;

/** Everything the client said and the team's view, per life domain (absent when not given). */
export interface ClientVoice {
  questions: ClientQuestion[];
  ratings: Partial<Record<LifeDomain, ClientRating>>;
  teamRatings: Partial<Record<LifeDomain, TeamRating>>;
}

/** What the client sees of their own voice: their questions and ratings (not the team's view). */
export type ClientOwnVoice = Pick<ClientVoice, 'questions' | 'ratings'>;

export const clientQuestionsOf = (doc: Y.Doc) => doc.getMap<unknown>('clientQuestions');
export const clientRatingsOf = (doc: Y.Doc) => doc.getMap<unknown>('clientRatings');
export const teamRatingsOf = (doc: Y.Doc) => doc.getMap<unknown>('teamRatings');

/** The client's questions for the next meeting, oldest first; discussed ones carry who and when. */
export function readClientQuestions(doc: Y.Doc): ClientQuestion[] {
  const questions: ClientQuestion[] = [];
  for (const [id, raw] of clientQuestionsOf(doc).entries()) {
    const parsed = clientQuestionSchema.safeParse(raw);
    if (parsed.success) questions.push({ id, ...parsed.data, discussedIn: parsed.data.discussedIn ?? null });
  }
  return questions.sort((a, b) => a.askedAt.localeCompare(b.askedAt) || a.id.localeCompare(b.id));
}

/** The questions the team has not discussed yet (what a meeting should take up). */
export const openClientQuestions = (questions: readonly ClientQuestion[]) =>
  questions.filter((q) => q.discussedAt === null);

/** The questions marked discussed in one meeting (what its page and minutes show). */
export const questionsDiscussedIn = (questions: readonly ClientQuestion[], meetingId: string) =>
  questions.filter((q) => q.discussedIn === meetingId);

function readPerDomain<T>(map: Y.Map<unknown>, schema: z.ZodType<T>): Partial<Record<LifeDomain, T>> {
  const result: Partial<Record<LifeDomain, T>> = {};
  for (const domain of lifeDomains) {
    const parsed = schema.safeParse(map.get(domain));
    if (parsed.success) result[domain] = parsed.data;
  }
  return result;
}

/** The client's questions, their ratings and the team's ratings, as plain data. */
export function readClientVoice(doc: Y.Doc): ClientVoice {
  return {
    questions: readClientQuestions(doc),
    ratings: readPerDomain(clientRatingsOf(doc), clientRatingSchema),
    teamRatings: readPerDomain(teamRatingsOf(doc), teamRatingSchema),
  };
}

/** Adds a client's question (server only, SPEC V9); returns its id. */
export function addClientQuestion(doc: Y.Doc, text: string, askedAt: string): string {
  const id = newId();
  clientQuestionsOf(doc).set(id, { text, askedAt, discussedAt: null, discussedBy: null });
  return id;
}

/**
 * Removes a question the client takes back (server only). Refused once the team discussed it, so
 * the record of what was discussed stays.
 */
export function withdrawClientQuestion(doc: Y.Doc, id: string): 'withdrawn' | 'unknown' | 'discussed' {
  const question = readClientQuestions(doc).find((q) => q.id === id);
  if (!question) return 'unknown';
  if (question.discussedAt !== null) return 'discussed';
  clientQuestionsOf(doc).delete(id);
  return 'withdrawn';
}

/**
 * Marks a question discussed by a named person (server only), in a meeting or (null) on the
 * board; false when there is no such question. Marked once: the first mark stays.
 */
export function markQuestionDiscussed(
  doc: Y.Doc,
  id: string,
  by: string,
  at: string,
  meetingId: string | null = null,
): boolean {
  const question = readClientQuestions(doc).find((q) => q.id === id);
  if (!question) return false;
  if (question.discussedAt !== null) return true;
  const { id: _id, ...stored } = question;
  clientQuestionsOf(doc).set(id, { ...stored, discussedAt: at, discussedBy: by, discussedIn: meetingId });
  return true;
}

/** The client's latest rating of one life domain (server only): a face and an optional sentence. */
export function setClientRating(doc: Y.Doc, domain: LifeDomain, rating: ClientRating): void {
  clientRatingsOf(doc).set(domain, { score: rating.score, sentence: rating.sentence, at: rating.at });
}

/** The team's view of one life domain, set on the board; null clears it. */
export function setTeamRating(doc: Y.Doc, domain: LifeDomain, rating: TeamRating | null): void {
  if (rating === null) teamRatingsOf(doc).delete(domain);
  else teamRatingsOf(doc).set(domain, { ...rating });
}
