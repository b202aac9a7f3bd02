import { z } from 'zod';
import { answersSchema, openRoundSchema } from '../../../shared/collaborationHealth.js';
import { idSchema } from '../../../shared/domain.js';

/** Opening a round (SPEC CH1) and answering one (CH2): the shared schemas, checked here. */
export { answersSchema, openRoundSchema };

export const roundParamsSchema = z.object({ roundId: z.uuid('must be the id of a round') });

/** The administrator's list of rounds: one district's, or all. */
export const roundsQuerySchema = z.object({ districtId: idSchema.optional() });

/** Whose results: a district, or one neighbourhood of it; the reader's own district by default. */
export const scopeQuerySchema = z.object({
  districtId: idSchema.optional(),
  neighbourhoodId: idSchema.optional(),
});
