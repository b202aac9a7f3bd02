import { z } from 'zod';
import { idSchema } from '../../../../shared/domain.js';

const name = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters');

export const districtBodySchema = z.object({ name });
export type DistrictBody = z.infer<typeof districtBodySchema>;

export const districtParamsSchema = z.object({ districtId: idSchema });

export const neighbourhoodBodySchema = z.object({ districtId: idSchema, name });
export type NeighbourhoodBody = z.infer<typeof neighbourhoodBodySchema>;

export const renameBodySchema = z.object({ name });

export const neighbourhoodParamsSchema = z.object({ neighbourhoodId: idSchema });

/** Archive (true) or restore (false). */
export const archivedBodySchema = z.object({ archived: z.boolean({ error: 'must be true or false' }) });
