import { z } from 'zod';
import type { ProfessionalSummary } from './api.js';
import { normaliseBsn } from './bsn.js';
import { defaultPerspectives, idSchema, isoDateSchema } from './domain.js';

/**
 * Registering a client (intake) and the life of a case after it: handing the coordinator role
 * over, closing with a reason, reopening. The request schemas are here because the intake page
 * builds the same bodies the server checks.
 */
export const recoveryContexts = ['stroke', 'psychiatric', 'addiction', 'other'] as const;
export type RecoveryContext = (typeof recoveryContexts)[number];

/**
 * How the client reads: without trouble, preferably plain language (B1), or with difficulty
 * (laaggeletterd), for whom the low-literacy perspective and the plan read aloud are suggested.
 */
export const readingLevels = ['fluent', 'plain', 'low'] as const;
export type ReadingLevel = (typeof readingLevels)[number];

export const closeReasons = ['goals-reached', 'moved-away', 'client-stopped', 'deceased', 'other'] as const;
export type CloseReason = (typeof closeReasons)[number];

const name = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters');
const dateOfBirth = isoDateSchema
  .refine((day) => day >= '1900-01-01', 'must be after 1900')
  .refine(
    // A day in the future cannot be a birthday, in any time zone.
    (day) => Date.parse(`${day}T00:00:00Z`) <= Date.now() + 86_400_000,
    'cannot be in the future',
  );
/** Empty text means not given. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((value) => value || null);
const phone = optionalText(40).refine(
  (value) => value === null || /^[+\d(][\d\s()-]*$/.test(value),
  'must be a phone number',
);

/** Spaces and dots are allowed; an eight-digit number gets its leading zero back; empty is none. */
const checkBsn = (value: string | null | undefined, context: z.RefinementCtx) => {
  if (!value?.trim()) return null;
  const checked = normaliseBsn(value);
  if (!checked) {
    context.addIssue({ code: 'custom', message: 'is not a valid BSN (nine digits that pass the elfproef)' });
    return z.NEVER;
  }
  return checked;
};
const bsn = z.string().max(20, 'must be nine digits').nullable().optional().transform(checkBsn);
const language = z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as nl or tr');
const readingLevel = z.enum(readingLevels, `must be one of ${readingLevels.join(', ')}`);

const member = z.strictObject({
  professionalId: idSchema,
  access: z.enum(['write', 'read'], 'must be write or read'),
  /** Their role in this case; their role title when left out. */
  caseRole: optionalText(80),
});

/** `POST /api/cases`: the client, the reason, the first perspectives, the coordinator and the first members. */
export const intakeBodySchema = z.strictObject({
  clientName: name,
  dateOfBirth,
  neighbourhoodId: idSchema,
  address: optionalText(200),
  phone,
  /** An ISO 639 code: nl, tr, ar, ti, … */
  preferredLanguage: language,
  readingLevel,
  recoveryContext: z.enum(recoveryContexts, `must be one of ${recoveryContexts.join(', ')}`),
  perspectives: z
    .array(z.enum(defaultPerspectives, `must be one of ${defaultPerspectives.join(', ')}`))
    .max(defaultPerspectives.length)
    .refine((list) => new Set(list).size === list.length, 'name each perspective once'),
  coordinatorId: idSchema,
  members: z
    .array(member)
    .max(50, 'at most 50 people at intake')
    .refine(
      (list) => new Set(list.map((m) => m.professionalId)).size === list.length,
      'name each professional once',
    ),
  bsn,
  /** Register although a case with this name and date of birth may exist (the person was told). */
  despitePossibleDuplicate: z.boolean().optional().default(false),
});
/** What the page sends (before the server's defaults and clean-up). */
export type IntakeRequest = z.input<typeof intakeBodySchema>;
/** What the server works with once the schema checked and cleaned it (the BSN as nine digits). */
export type IntakeBody = z.output<typeof intakeBodySchema>;

/** `POST /api/cases/access-requests`: ask the coordinator of a possible duplicate to add me. */
export const accessRequestBodySchema = z.strictObject({
  clientName: name,
  dateOfBirth,
  coordinatorId: idSchema,
  /** Why I should be on the case; the coordinator reads it in their notice. */
  message: optionalText(300),
});
export type AccessRequest = z.input<typeof accessRequestBodySchema>;
export type AccessRequestBody = z.output<typeof accessRequestBodySchema>;

/**
 * `PUT /api/cases/:caseId/client`: the coordinator corrects the client's details, with the same
 * rules as at intake. The date of birth may stay unknown (null: cases from before intake keep
 * their birth year). The BSN left out stays as it is (the page shows it masked), null or empty
 * takes it away, nine digits that pass the elfproef replace it.
 */
export const clientDetailsBodySchema = z.strictObject({
  dateOfBirth: dateOfBirth.nullable(),
  address: optionalText(200),
  phone,
  preferredLanguage: language,
  readingLevel,
  bsn: z.string().max(20, 'must be nine digits').nullable().transform(checkBsn).optional(),
});
export type ClientDetailsRequest = z.input<typeof clientDetailsBodySchema>;
export type ClientDetailsBody = z.output<typeof clientDetailsBodySchema>;
/** The fields of the client's details, as the access log names what a correction changed. */
export const clientDetailFields = [
  'dateOfBirth',
  'address',
  'phone',
  'preferredLanguage',
  'readingLevel',
  'bsn',
] as const;
export type ClientDetailField = (typeof clientDetailFields)[number];

/** `PUT /api/cases/:caseId/coordinator`: hand the case over; the previous coordinator may stay on it. */
export const transferBodySchema = z.strictObject({
  coordinatorId: idSchema,
  previousCoordinator: z.enum(['write', 'read', 'leave'], 'must be write, read or leave'),
  note: optionalText(300),
});
export type TransferRequest = z.input<typeof transferBodySchema>;
export type TransferBody = z.output<typeof transferBodySchema>;

/** `POST /api/cases/:caseId/close`. */
export const closeBodySchema = z.strictObject({
  reason: z.enum(closeReasons, `must be one of ${closeReasons.join(', ')}`),
  note: z
    .string()
    .trim()
    .min(1, 'is required: say in a sentence why')
    .max(500, 'must be at most 500 characters'),
  /** Whom the client calls once the support has ended; the coordinator when left out. */
  contactAfterId: idSchema.nullable().optional(),
});
export type CloseRequest = z.input<typeof closeBodySchema>;
export type CloseBody = z.output<typeof closeBodySchema>;

/** `POST /api/cases/:caseId/reopen`. */
export const reopenBodySchema = z.strictObject({
  reason: z.string().trim().min(1, 'is required: say why the case opens again').max(500),
});
export type ReopenRequest = z.input<typeof reopenBodySchema>;
export type ReopenBody = z.output<typeof reopenBodySchema>;

/** A professional as the intake page's pickers offer them. */
export interface IntakeProfessional extends ProfessionalSummary {
  /** Has an account that is not disabled: can coordinate and sign in. */
  mayCoordinate: boolean;
}

/** `GET /api/cases/intake`: what the intake page offers. */
export interface IntakeOptions {
  neighbourhoods: { id: string; name: string }[];
  /** The neighbourhood of the registering person's team, offered first. */
  myNeighbourhoodId: string | null;
  /** Coordinators and professionals of a team register clients. */
  mayRegister: boolean;
  professionals: IntakeProfessional[];
}

/** Someone to contact about a case that may be this client's: never the case itself. */
export type DuplicateContact = Pick<
  ProfessionalSummary,
  'id' | 'name' | 'roleTitle' | 'team' | 'organisation' | 'phone' | 'email'
>;

/**
 * 409 of `POST /api/cases` when a case with this name and date of birth exists: whom to contact
 * (the coordinator of each such case, or null when it has none with an account), and nothing
 * else. Nothing was stored.
 */
export interface PossibleDuplicateAnswer {
  error: string;
  code: 'possible-duplicate';
  contacts: (DuplicateContact | null)[];
}

/**
 * The client's details as the members of their case see them. The BSN itself is not here: the
 * board shows it masked, and `GET /api/cases/:caseId/client/bsn` answers it (logged as a read)
 * when someone presses "Toon BSN".
 */
export interface ClientDetails {
  /** YYYY-MM-DD; null for cases registered before intake (the birth year only). */
  dateOfBirth: string | null;
  address: string | null;
  phone: string | null;
  preferredLanguage: string | null;
  readingLevel: ReadingLevel | null;
  hasBsn: boolean;
}

/** Why and when a case was closed, and whom the client calls since. */
export interface CaseClosure {
  closedAt: string;
  /** Null for cases closed before a reason was asked. */
  reason: CloseReason | null;
  note: string | null;
  closedBy: string | null;
  contactAfter: { id: string; name: string } | null;
}

/** One step in a case's life, newest first on the board. */
export interface CaseEvent {
  at: string;
  kind: 'registered' | 'coordinator-transferred' | 'closed' | 'reopened';
  by: string | null;
  /** closed: the reason's code; reopened: the coordinator's words. */
  reason: string | null;
  note: string | null;
  from: { id: string; name: string } | null;
  to: { id: string; name: string } | null;
}

/** What the signed-in coordinator may do with the case's life now. */
export interface LifecycleRights {
  transfer: boolean;
  close: boolean;
  reopen: boolean;
  /** Correct the client's details (`PUT /api/cases/:caseId/client`). */
  correctClient: boolean;
}
