import { z } from 'zod';

/** The four life domains a recovery goal belongs to (rows of the board). */
export const lifeDomains = ['care', 'housing', 'income', 'work'] as const;
export type LifeDomain = (typeof lifeDomains)[number];
export const lifeDomainSchema = z.enum(lifeDomains);

/** The default recovery phases (columns of the board), in their fixed order. */
export const recoveryPhases = ['treatment', 'transition', 'rebuilding', 'sustaining'] as const;
export type RecoveryPhase = (typeof recoveryPhases)[number];
export const recoveryPhaseSchema = z.enum(recoveryPhases);

export const goalStatuses = ['open', 'active', 'achieved', 'stalled', 'dropped'] as const;
export type GoalStatus = (typeof goalStatuses)[number];
export const goalStatusSchema = z.enum(goalStatuses);

/** The five default perspectives (lenses), in the fixed neutral order the UI always uses. */
export const defaultPerspectives = [
  'patient',
  'unemployed',
  'refugee',
  'low-literacy',
  'ex-detainee',
] as const;
export type DefaultPerspective = (typeof defaultPerspectives)[number];

/** Ids of custom perspectives are `custom-` followed by a short slug or random id. */
export const customPerspectiveIdSchema = z
  .string()
  .regex(/^custom-[a-z0-9-]{1,40}$/, 'must look like custom-<letters, digits or dashes>');
export const perspectiveIdSchema = z.union([z.enum(defaultPerspectives), customPerspectiveIdSchema]);
export type PerspectiveId = z.infer<typeof perspectiveIdSchema>;

/** Professionals work either in the medical (GP, POH-GGZ, FACT…) or the social domain. */
export const professionalDomains = ['medical', 'social'] as const;
export type ProfessionalDomain = (typeof professionalDomains)[number];

export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, dashes or underscores');

/** A calendar date as the board stores it: YYYY-MM-DD. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'must be a real date');

/** Fractional-index keys (base 62) as produced by `fractional-indexing`. */
export const orderKeySchema = z
  .string()
  .regex(/^[0-9A-Za-z]{1,128}$/, 'must be a fractional index key (letters and digits)');
