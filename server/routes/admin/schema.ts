import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';

/** The accounts that are not a professional's (clients, admins), a page at a time. */
export const usersQuerySchema = z.object({
  q: z.string().max(100).optional(),
  role: z.enum(['client', 'admin']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const userParamsSchema = z.object({ userId: idSchema });
