import { z } from 'zod';
import { accountStates, sides } from '../../../../shared/adminApi.js';
import { idSchema } from '../../../../shared/domain.js';

/** What the admin keeps of a professional; the account's role stays as it is when left out. */
export const professionalBodySchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
  roleTitle: z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters'),
  side: z.enum(sides),
  teamId: idSchema.nullable(),
  organisationId: idSchema.nullable(),
  phone: z
    .string()
    .trim()
    .max(40, 'must be at most 40 characters')
    .regex(/^[+\d][\d\s-]*$/, 'must be a phone number')
    .nullable(),
  email: z.email('must be an e-mail address').max(200).nullable(),
  role: z.enum(['professional', 'coordinator']).optional(),
});
export type ProfessionalBody = z.infer<typeof professionalBodySchema>;

/** A new professional: their details, and the username and role of their account. */
export const newProfessionalBodySchema = professionalBodySchema.extend({
  username: z
    .string()
    .trim()
    .min(3, 'must be at least 3 characters')
    .max(200)
    .regex(/^[^\s]+$/, 'must not contain spaces'),
  role: z.enum(['professional', 'coordinator']),
});

export const professionalParamsSchema = z.object({ professionalId: idSchema });

export const professionalsQuerySchema = z.object({
  q: z.string().max(100).optional(),
  teamId: idSchema.optional(),
  side: z.enum(sides).optional(),
  state: z.enum(accountStates).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const passwordResetBodySchema = z.object({
  /** Also clear the second step (a lost phone): it is set up again after signing in. */
  twoFactor: z.boolean({ error: 'must be true or false' }).default(false),
});
