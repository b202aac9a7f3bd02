import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';

const isoDateTime = z.iso.datetime({ offset: true }).or(z.iso.date());
export const accessLogQuerySchema = z.object({
  caseId: idSchema.optional(),
  userId: z.string().max(64).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().min(1).optional(),
});

/** The accounts that are not a professional's (clients, admins), a page at a time. */
export const usersQuerySchema = z.object({
  q: z.string().max(100).optional(),
  role: z.enum(['client', 'admin']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const userParamsSchema = z.object({ userId: idSchema });
