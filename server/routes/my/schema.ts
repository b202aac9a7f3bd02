import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';

export const goalParamsSchema = z.object({ goalId: idSchema });
export type GoalParams = z.infer<typeof goalParamsSchema>;

export const wordsSchema = z.object({ words: z.string().max(2000, 'must be at most 2000 characters') });
export type WordsBody = z.infer<typeof wordsSchema>;
