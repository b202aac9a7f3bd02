import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';
import { letterSides } from '../../../shared/letters.js';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** A standard letter as the administrator writes it (SPEC LT1). */
export const templateBodySchema = z.object({
  title: text(160).min(1, 'is required'),
  purpose: text(500).min(1, 'is required'),
  fromSide: z.enum(letterSides),
  toSide: z.enum(letterSides),
  body: text(20_000).min(1, 'is required'),
  legalBasis: text(1_000).min(1, 'is required'),
});

export const newTemplateBodySchema = templateBodySchema.extend({ districtId: idSchema });
export const templateParamsSchema = z.object({ templateId: z.uuid() });
export const templatesQuerySchema = z.object({
  districtId: idSchema.optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const archivedBodySchema = z.object({ archived: z.boolean() });
