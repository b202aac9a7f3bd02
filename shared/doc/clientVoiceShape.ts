import { z } from 'zod';
import { idSchema, lifeDomainSchema } from '../domain.js';
import { faceScores } from '../vocabulary.js';
import { collection, serverOnly, value } from './shape.js';

export { faceScores } from '../vocabulary.js';
export type { FaceScore } from '../vocabulary.js';
export const faceScoreSchema = z.literal(faceScores, { error: 'must be 1 to 5' });

const moment = z.string().max(40);

/** A question the client wants discussed at the next case meeting. */
export const clientQuestionSchema = z.strictObject({
  text: z.string().min(1).max(500),
  askedAt: moment,
  discussedAt: moment.nullable(),
  discussedBy: z.string().max(120).nullable(),
  /** The meeting it was marked discussed in; absent or null when marked on the board. */
  discussedIn: z.string().max(64).nullable().optional(),
});

/** How it is going in one life domain, in the client's own rating and (optional) sentence. */
export const clientRatingSchema = z.strictObject({
  score: faceScoreSchema,
  sentence: z.string().max(300),
  at: moment,
});

/** The team's own view of the same life domain, set on the board by a professional. */
export const teamRatingSchema = z.strictObject({
  score: faceScoreSchema,
  byId: z.string().max(64),
  byName: z.string().max(120),
  at: moment,
});

/**
 * The client's voice in the board. `clientQuestions` and `clientRatings` are server-only (SPEC V9):
 * the server writes them on the client's behalf through /api/my, so they are the client's for
 * sure. `teamRatings` is co-edited by the team like the rest of the board.
 */
export const clientVoiceRoots = {
  clientQuestions: serverOnly(collection(idSchema, value(clientQuestionSchema))),
  clientRatings: serverOnly(collection(lifeDomainSchema, value(clientRatingSchema))),
  teamRatings: collection(lifeDomainSchema, value(teamRatingSchema)),
};
