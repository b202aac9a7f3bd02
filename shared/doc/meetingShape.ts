import { z } from 'zod';
import { idSchema, isoDateSchema, orderKeySchema, perspectiveIdSchema } from '../domain.js';
import { collection, documentJsonSchema, record, serverOnly, text, value } from './shape.js';
import type { DocumentShape } from './shape.js';

/** Minutes a case may take on the agenda. */
export const slotMinutesSchema = z.number().int().min(1).max(180);

/**
 * One line of the agenda, keyed by case id: the question to discuss, the time slot, the place in
 * the agenda, and the time the chair spent on it so far (`startedAt` is set while it is current).
 */
export const agendaItemShape = record(
  {
    question: text(1_000),
    slotMinutes: value(slotMinutesSchema),
    order: value(orderKeySchema),
    usedMs: value(
      z
        .number()
        .int()
        .min(0)
        .max(24 * 3_600_000),
    ),
    startedAt: value(z.number().int().min(0).nullable()),
  },
  ['question', 'slotMinutes', 'order'],
);

/**
 * The meeting's own document `meeting:<meetingId>`, seen by every attendee: only the alias of
 * each case (written by the server, which checked the case may be put on the agenda) and the
 * agenda line. Nothing of a case's board is in it.
 */
export const meetingShape = {
  cases: serverOnly(
    collection(
      idSchema,
      record({ alias: value(z.string().min(1).max(40)), addedAt: value(z.string().max(40)) }, ['alias']),
    ),
  ),
  agenda: collection(idSchema, agendaItemShape),
} satisfies DocumentShape;

/** A decision taken on a case. */
export const decisionShape = record(
  { text: text(2_000), order: value(orderKeySchema), createdAt: value(z.string().max(40)) },
  ['text', 'order'],
);

/** An action: exactly one owner (a person) and a due date, never "the team". */
export const actionShape = record(
  {
    text: text(1_000),
    ownerId: value(idSchema),
    dueDate: value(isoDateSchema),
    done: value(z.boolean()),
    order: value(orderKeySchema),
    createdAt: value(z.string().max(40)),
    /** Set when the action became a step of a goal on the case board. */
    goalId: value(idSchema.nullable()),
    stepId: value(idSchema.nullable()),
  },
  ['text', 'ownerId', 'dueDate', 'done', 'order'],
);

/**
 * One case in one meeting, `meeting:<meetingId>:case:<caseId>`: only for attendees who are members
 * of the case. Notes typed together, decisions, actions and the perspectives discussed.
 */
export const meetingCaseShape = {
  notes: record({ text: text(20_000) }, []),
  decisions: collection(idSchema, decisionShape),
  actions: collection(idSchema, actionShape),
  perspectives: collection(perspectiveIdSchema, value(z.literal(true))),
} satisfies DocumentShape;

export const meetingJsonSchema = documentJsonSchema(meetingShape);
export const meetingCaseJsonSchema = documentJsonSchema(meetingCaseShape);
