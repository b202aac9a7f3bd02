import { z } from 'zod';
import { organisationKinds, teamKinds } from '../../../../shared/adminApi.js';
import { idSchema } from '../../../../shared/domain.js';

const name = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters');

export const teamBodySchema = z.object({
  name,
  kind: z.enum(teamKinds),
  neighbourhoodId: idSchema,
});
export type TeamBody = z.infer<typeof teamBodySchema>;

export const teamParamsSchema = z.object({ teamId: idSchema });

export const organisationBodySchema = z.object({ name, kind: z.enum(organisationKinds) });

export const organisationParamsSchema = z.object({ organisationId: idSchema });
