import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';

export const teamBodySchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120),
  kind: z.enum(['primary-care', 'neighbourhood-team', 'other']),
  neighbourhoodId: idSchema,
});
export type TeamBody = z.infer<typeof teamBodySchema>;

export const professionalBodySchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120),
  roleTitle: z.string().trim().min(1, 'is required').max(80),
  domain: z.enum(['medical', 'social']),
  teamId: idSchema.nullable(),
  organisationId: idSchema.nullable(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+\d][\d\s-]*$/, 'must be a phone number')
    .nullable(),
  email: z.email().nullable(),
  username: z.string().trim().min(3, 'must be at least 3 characters').max(200),
  role: z.enum(['professional', 'coordinator']),
});
export type ProfessionalBody = z.infer<typeof professionalBodySchema>;

const isoDateTime = z.iso.datetime({ offset: true }).or(z.iso.date());
export const accessLogQuerySchema = z.object({
  caseId: idSchema.optional(),
  userId: z.string().max(64).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().min(1).optional(),
});
export type AccessLogQuery = z.infer<typeof accessLogQuerySchema>;

export const userParamsSchema = z.object({ userId: idSchema });
export type UserParams = z.infer<typeof userParamsSchema>;
