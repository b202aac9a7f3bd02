import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';

const line = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => line(max).min(1, 'must not be empty');
/** A term or a form of it: letters, digits, spaces, hyphens and apostrophes (GL1). */
const wording = required(80).regex(
  /^[\p{L}\p{N}][\p{L}\p{N}\p{M} '’-]*$/u,
  'must be letters or digits, with spaces, hyphens or apostrophes between them',
);

/** What the administrator enters for a term (SPEC GL1). */
export const glossaryFieldsSchema = z.object({
  term: wording,
  variants: z.array(wording).max(20, 'must be at most 20 forms'),
  medicalMeaning: required(1_000),
  socialMeaning: required(1_000),
  sharedMeaning: required(1_000),
  related: z.array(z.uuid('must be the id of a term')).max(20, 'must be at most 20 terms'),
});
export type GlossaryFieldsBody = z.infer<typeof glossaryFieldsSchema>;

export const glossaryCreateSchema = glossaryFieldsSchema.extend({ districtId: idSchema });

export const termParamsSchema = z.object({ termId: z.uuid() });

/** The district whose terms to read; the professional's own by default. */
export const glossaryQuerySchema = z.object({ districtId: idSchema.optional() });
