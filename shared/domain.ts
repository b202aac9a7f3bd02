import { z } from 'zod';
import { defaultPerspectives, goalStatuses, lifeDomains, recoveryPhases } from './vocabulary.js';

export {
  defaultPerspectives,
  goalStatuses,
  lifeDomains,
  professionalDomains,
  recoveryPhases,
} from './vocabulary.js';
export type {
  DefaultPerspective,
  GoalStatus,
  LifeDomain,
  ProfessionalDomain,
  RecoveryPhase,
} from './vocabulary.js';

export const lifeDomainSchema = z.enum(lifeDomains);
export const recoveryPhaseSchema = z.enum(recoveryPhases);
export const goalStatusSchema = z.enum(goalStatuses);

/** Ids of custom perspectives are `custom-` followed by a short slug or random id. */
export const customPerspectiveIdSchema = z
  .string()
  .regex(/^custom-[a-z0-9-]{1,40}$/, 'must look like custom-<letters, digits or dashes>');
export const perspectiveIdSchema = z.union([z.enum(defaultPerspectives), customPerspectiveIdSchema]);
export type PerspectiveId = z.infer<typeof perspectiveIdSchema>;

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
