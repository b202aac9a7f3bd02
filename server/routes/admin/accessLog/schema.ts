import { z } from 'zod';
import { ACCESS_EVENTS } from '../../../../shared/accessLog.js';
import { idSchema } from '../../../../shared/domain.js';

const isoDateTime = z.iso.datetime({ offset: true }).or(z.iso.date());
export const accessLogQuerySchema = z.object({
  caseId: idSchema.optional(),
  userId: z.string().max(64).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  event: z.enum(ACCESS_EVENTS, { error: 'must be one of the access log’s events' }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().min(1).optional(),
});

/** Part of a name (or an id) to find a client or a person by; never logged (it may be a name). */
export const choicesQuerySchema = z.object({
  q: z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(100, { error: 'must be at most 100 characters' }),
});
