import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';
import { cancelReasons, failReasons, rejectReasons, urgencies } from '../../../shared/referralApi.js';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** A referral as the form sends it (SPEC RF1). */
export const referralBodySchema = z.object({
  toProfessionalId: idSchema,
  serviceId: z.uuid().nullable().default(null),
  goalId: idSchema.nullable().default(null),
  reason: text(1_000).min(1, 'is required'),
  question: text(1_000).min(1, 'is required'),
  urgency: z.enum(urgencies),
  carries: z.enum(['medical', 'social']).nullable().default(null),
  /** The letter as the referrer edited it (SPEC LT3); kept with the referral as sent. */
  letter: text(20_000).nullable().default(null),
  letterTemplateId: z.uuid().nullable().default(null),
});

/** A standard letter filled in for a referral about to be made (SPEC LT3). */
export const letterBodySchema = referralBodySchema
  .pick({ toProfessionalId: true, serviceId: true, goalId: true, carries: true })
  .extend({
    templateId: z.uuid(),
    reason: text(1_000),
    question: text(1_000),
  });

export const referralParamsSchema = z.object({ referralId: z.uuid() });
export const optionsQuerySchema = z.object({ toProfessionalId: idSchema });

const note = { note: text(1_000).optional() };
/** One step of the loop (SPEC RF2), with the reason the step needs. */
export const stepBodySchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('accepted'), ...note }),
  z.object({ to: z.literal('rejected'), reason: z.enum(rejectReasons), ...note }),
  z.object({ to: z.literal('in-progress'), ...note }),
  z.object({ to: z.literal('completed'), ...note }),
  z.object({ to: z.literal('failed'), reason: z.enum(failReasons), ...note }),
  z.object({ to: z.literal('cancelled'), reason: z.enum(cancelReasons), ...note }),
]);
