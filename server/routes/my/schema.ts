import { z } from 'zod';
import { faceScoreSchema } from '../../../shared/doc/clientVoiceShape.js';
import { idSchema, lifeDomainSchema } from '../../../shared/domain.js';
import type { consentChoiceSchema } from '../cases/schema.js';

export const goalParamsSchema = z.object({ goalId: idSchema });
export type GoalParams = z.infer<typeof goalParamsSchema>;

export const wordsSchema = z.object({ words: z.string().max(2000, 'must be at most 2000 characters') });
export type WordsBody = z.infer<typeof wordsSchema>;

export const questionSchema = z.object({
  text: z.string().trim().min(1, 'write your question').max(500, 'must be at most 500 characters'),
});
export type QuestionBody = z.infer<typeof questionSchema>;

export const questionParamsSchema = z.object({ questionId: idSchema });
export type QuestionParams = z.infer<typeof questionParamsSchema>;

export const ratingParamsSchema = z.object({ domain: lifeDomainSchema });
export type RatingParams = z.infer<typeof ratingParamsSchema>;

export const ratingSchema = z.object({
  score: faceScoreSchema,
  sentence: z.string().trim().max(300, 'must be at most 300 characters').default(''),
});
export type RatingBody = z.infer<typeof ratingSchema>;

export { consentChoiceSchema as myConsentSchema } from '../cases/schema.js';
export type MyConsentBody = z.infer<typeof consentChoiceSchema>;
export const consentParamsSchema = z.object({ consentId: z.uuid() });
export type MyConsentParams = z.infer<typeof consentParamsSchema>;
