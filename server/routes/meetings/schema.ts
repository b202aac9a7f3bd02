import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';
import { slotMinutesSchema } from '../../../shared/doc/meetingShape.js';
import { guestRelations } from '../../../shared/meetingApi.js';
import { isTimeZone } from '../../meetings/minutes.js';

export const meetingParamsSchema = z.object({ meetingId: idSchema });
export type MeetingParams = z.infer<typeof meetingParamsSchema>;

export const meetingCaseParamsSchema = z.object({ meetingId: idSchema, caseId: idSchema });
export type MeetingCaseParams = z.infer<typeof meetingCaseParamsSchema>;

export const meetingQuestionParamsSchema = z.object({
  meetingId: idSchema,
  caseId: idSchema,
  questionId: idSchema,
});
export type MeetingQuestionParams = z.infer<typeof meetingQuestionParamsSchema>;

/** The export's times: the reader's IANA time zone, e.g. Europe/Amsterdam (default). */
export const minutesExportQuerySchema = z.object({
  tz: z
    .string()
    .max(64)
    .refine(isTimeZone, { error: 'must be a time zone such as Europe/Amsterdam' })
    .optional(),
});
export type MinutesExportQuery = z.infer<typeof minutesExportQuerySchema>;

export const actionParamsSchema = z.object({ meetingId: idSchema, caseId: idSchema, actionId: idSchema });
export type ActionParams = z.infer<typeof actionParamsSchema>;

const planFields = {
  title: z.string().trim().min(1, 'is required').max(120),
  startsAt: z.iso.datetime({ offset: true, error: 'must be a date and time (ISO 8601)' }),
  attendeeIds: z.array(idSchema).max(60, 'at most 60 attendees'),
  guests: z
    .array(
      z.object({ name: z.string().trim().min(1, 'is required').max(80), relation: z.enum(guestRelations) }),
    )
    .max(10, 'at most 10 guests')
    .default([]),
};

export const newMeetingSchema = z.object({
  neighbourhoodId: idSchema,
  chairId: idSchema.optional(),
  ...planFields,
});
export type NewMeetingBody = z.infer<typeof newMeetingSchema>;

export const meetingPlanSchema = z.object({ chairId: idSchema, ...planFields });
export type MeetingPlanBody = z.infer<typeof meetingPlanSchema>;

export const agendaCaseSchema = z.object({
  caseId: idSchema,
  question: z.string().trim().max(1_000).default(''),
  slotMinutes: slotMinutesSchema.default(10),
});
export type AgendaCaseBody = z.infer<typeof agendaCaseSchema>;

export const actionStepSchema = z.object({ goalId: idSchema });
export type ActionStepBody = z.infer<typeof actionStepSchema>;

export const actionDoneSchema = z.object({ done: z.boolean() });
export type ActionDoneBody = z.infer<typeof actionDoneSchema>;
