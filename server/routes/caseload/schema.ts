import { z } from 'zod';
import { caseloadSorts } from '../../../shared/api.js';
import { idSchema, perspectiveIdSchema } from '../../../shared/domain.js';

export const caseloadQuerySchema = z.object({
  /** Closed cases leave the caseload; `status=closed` shows them (SPEC CL8). */
  status: z.enum(['open', 'closed']).optional(),
  state: z.enum(['green', 'amber', 'red', 'none']).optional(),
  neighbourhood: idSchema.optional(),
  perspective: perspectiveIdSchema.optional(),
  owner: idSchema.optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(caseloadSorts).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type CaseloadQuery = z.infer<typeof caseloadQuerySchema>;

export const caseParamsSchema = z.object({ caseId: idSchema });
