import { z } from 'zod';
import { idSchema, isoDateSchema } from '../../../shared/domain.js';

export const caseParamsSchema = z.object({ caseId: idSchema });
export type CaseParams = z.infer<typeof caseParamsSchema>;

export const versionParamsSchema = caseParamsSchema.extend({
  versionId: z.coerce.number().int('must be a whole number').positive('must be a version number'),
});
export type VersionParams = z.infer<typeof versionParamsSchema>;

export const clientQuestionParamsSchema = caseParamsSchema.extend({ questionId: idSchema });
export type ClientQuestionParams = z.infer<typeof clientQuestionParamsSchema>;

export const memberParamsSchema = z.object({ caseId: idSchema, professionalId: idSchema });
export type MemberParams = z.infer<typeof memberParamsSchema>;

export const memberBodySchema = z.object({
  caseRole: z.string().trim().min(1, 'is required').max(80),
  access: z.enum(['write', 'read']),
});
export type MemberBody = z.infer<typeof memberBodySchema>;

const domain = z.enum(['medical', 'social']);
/** What a consent shares with whom: one compartment, with the other side or one named person. */
export const consentChoiceSchema = z
  .object({
    compartment: domain,
    sharedWithDomain: domain.nullable().optional(),
    sharedWithProfessionalId: idSchema.nullable().optional(),
    /** Its last day; default `CONSENT_DEFAULT_MONTHS` after it was given. */
    validUntil: isoDateSchema.optional(),
  })
  .refine((c) => !!c.sharedWithDomain !== !!c.sharedWithProfessionalId, {
    message: 'name either a domain or one professional to share with',
    path: ['sharedWithDomain'],
  })
  .refine((c) => c.sharedWithDomain !== c.compartment, {
    message: 'a compartment is already shared with its own domain',
    path: ['sharedWithDomain'],
  });

/**
 * A consent recorded on the client's behalf (SPEC A7): also how the client gave it and on which
 * day. "In the app" is only ever the client's own (`/api/my/consents`).
 */
export const consentBodySchema = consentChoiceSchema.and(
  z.object({
    how: z.enum(['spoken', 'written'], 'must be spoken or written'),
    givenOn: isoDateSchema,
  }),
);
export type ConsentBody = z.infer<typeof consentBodySchema>;

export const consentParamsSchema = z.object({ caseId: idSchema, consentId: z.uuid() });
export type ConsentParams = z.infer<typeof consentParamsSchema>;

export const invitationBodySchema = z.object({
  username: z.string().trim().min(3, 'must be at least 3 characters').max(200),
  displayName: z.string().trim().min(1, 'is required').max(120),
});
export type InvitationBody = z.infer<typeof invitationBodySchema>;
