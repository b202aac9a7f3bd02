import { z } from 'zod';
import { idSchema } from '../../../../shared/domain.js';
import { historyItemKinds } from '../../../../shared/history.js';

/** `GET /api/cases/:caseId/history`: filter by person and item, one page at a time. */
export const historyQuerySchema = z
  .object({
    userId: idSchema.optional(),
    kind: z.enum(historyItemKinds).optional(),
    itemId: idSchema.optional(),
    /** The `next` of the previous page. */
    before: z
      .string()
      .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\|\d{1,15}$/, 'must be the next of an earlier page')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.itemId || q.kind, { message: 'name the kind of the item too', path: ['itemId'] });
export type HistoryQuery = z.infer<typeof historyQuerySchema>;
