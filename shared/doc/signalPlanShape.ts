import { z } from 'zod';
import { idSchema, recoveryPhaseSchema } from '../domain.js';
import { signalStates } from '../risk.js';
import { collection, record, text, value } from './shape.js';

export const relapseKinds = ['somatic', 'psychiatric', 'addiction'] as const;
export type RelapseKind = (typeof relapseKinds)[number];

/** What everyone does in one state (green, amber, red) of the signal plan. */
export const signalStateShape = record(
  {
    signs: text(3_000),
    triggers: text(3_000),
    clientActions: text(3_000),
    networkActions: text(3_000),
    professionalActions: text(3_000),
    callName: value(z.string().max(120)),
    callPhone: value(
      z
        .string()
        .max(40)
        .regex(/^[+\d][\d\s()-]*$|^$/, 'must be a phone number'),
    ),
  },
  ['signs', 'triggers', 'clientActions', 'networkActions', 'professionalActions'],
);

/** The signal plan (signaleringsplan): co-edited by the team, visible to the client. */
export const signalPlanShape = record(
  {
    relapseKinds: collection(z.enum(relapseKinds), value(z.literal(true))),
    protectiveFactors: text(3_000),
    green: signalStateShape,
    amber: signalStateShape,
    red: signalStateShape,
  },
  ['relapseKinds', 'protectiveFactors', 'green', 'amber', 'red'],
);

/** A goal moved back to an earlier phase as part of a relapse. */
export const goalMoveSchema = z.object({
  goalId: idSchema,
  from: recoveryPhaseSchema,
  to: recoveryPhaseSchema,
});
export type GoalMove = z.infer<typeof goalMoveSchema>;

/**
 * What someone saw, when, and which state it points to. Written only by the server (through the
 * API, with the author and time from the session), never changed: the timeline is never rewritten.
 */
export const observationShape = record(
  {
    at: value(z.string().max(40)),
    authorId: value(z.string().max(64)),
    authorName: value(z.string().max(120)),
    state: value(z.enum(signalStates)),
    note: value(z.string().max(2_000)),
    relapse: value(z.boolean()),
    moves: value(z.array(goalMoveSchema).max(200)),
  },
  ['at', 'authorId', 'authorName', 'state', 'note', 'relapse', 'moves'],
);
export const observationsShape = collection(idSchema, observationShape);
