import { z } from 'zod';
import {
  goalStatusSchema,
  idSchema,
  isoDateSchema,
  lifeDomainSchema,
  orderKeySchema,
  perspectiveIdSchema,
  recoveryPhaseSchema,
} from '../domain.js';
import { collection, documentJsonSchema, record, serverOnly, text, value } from './shape.js';
import { clientVoiceRoots } from './clientVoiceShape.js';
import { observationsShape, signalPlanShape } from './signalPlanShape.js';
import type { DocumentShape } from './shape.js';

const optionalId = value(idSchema.nullable());
const optionalDate = value(isoDateSchema.nullable());

/** A step towards a goal: ordered by a fractional key, one owner, a due date. */
export const stepShape = record(
  {
    text: text(1_000),
    ownerId: optionalId,
    dueDate: optionalDate,
    done: value(z.boolean()),
    order: value(orderKeySchema),
  },
  ['text', 'done', 'order'],
);

/** A recovery goal card on the board (one cell = life domain x recovery phase). */
export const goalShape = record(
  {
    title: text(300),
    clientWords: text(2_000),
    domain: value(lifeDomainSchema),
    phase: value(recoveryPhaseSchema),
    order: value(orderKeySchema),
    status: value(goalStatusSchema),
    ownerId: optionalId,
    targetDate: optionalDate,
    visibleToClient: value(z.boolean()),
    perspectives: collection(perspectiveIdSchema, value(z.literal(true))),
    /** Services of the social map that help with it, by UUID (SPEC SM3). */
    services: collection(z.uuid(), value(z.literal(true))),
    steps: collection(idSchema, stepShape),
    createdAt: value(z.string().max(40)),
  },
  ['title', 'domain', 'phase', 'order', 'status', 'visibleToClient', 'perspectives', 'steps'],
);

/** One lens on the client: switched on or off, with the situation as seen through it. */
export const perspectiveShape = record(
  {
    active: value(z.boolean()),
    /**
     * Only custom perspectives carry their own label; defaults are translated by id. Never blank;
     * that no two share a name is checked by `perspectiveLabelProblem` before writing.
     */
    label: value(z.string().min(1).max(60).regex(/\S/, 'must not be blank')),
    /** Custom perspectives keep the order in which they were added (never sorted by content). */
    addedAt: value(z.string().max(40)),
    situation: text(5_000),
    strengths: text(5_000),
    concerns: text(5_000),
    leadId: optionalId,
  },
  ['active'],
);

/** The shared board of a case: `case:<caseId>:shared`. */
export const boardShape = {
  goals: collection(idSchema, goalShape),
  perspectives: collection(perspectiveIdSchema, perspectiveShape),
  signalPlan: signalPlanShape,
  observations: serverOnly(observationsShape),
  ...clientVoiceRoots,
} satisfies DocumentShape;

export const boardJsonSchema = documentJsonSchema(boardShape);
