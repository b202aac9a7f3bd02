import type { Router } from 'express';
import { z } from 'zod';
import { goalsInCell, moveGoal, readBoard } from '../../../shared/doc/board.js';
import { appendObservation, currentSignalState, readObservations } from '../../../shared/doc/signalPlan.js';
import type { GoalMove } from '../../../shared/doc/signalPlanShape.js';
import { idSchema, recoveryPhaseSchema, recoveryPhases } from '../../../shared/domain.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { signalStates } from '../../../shared/risk.js';
import { validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { boardState } from '../../versions/store.js';
import type { BoardState } from '../../versions/store.js';
import { openCase } from './openCase.js';
import { caseParamsSchema } from './schema.js';

export const observationBodySchema = z.object({
  state: z.enum(signalStates),
  note: z.string().trim().min(1, 'say what was seen').max(2_000),
  relapse: z
    .object({
      goalIds: z.array(idSchema).min(1, 'name at least one goal').max(200),
      toPhase: recoveryPhaseSchema,
    })
    .optional(),
});
export type ObservationBody = z.infer<typeof observationBodySchema>;

const rank = { green: 0, amber: 1, red: 2 } as const;

/**
 * Recording an observation: the only way the signal state changes. The server writes it into the
 * board's timeline with the author and time from the session; a relapse moves the named goals
 * back to an earlier phase in the same transaction and the moves are kept in the observation.
 */
export function observationRoutes(s: Services, router: Router): void {
  router.post(
    '/:caseId/observations',
    validate('params', caseParamsSchema),
    validate('body', observationBodySchema),
    async (req, res) => {
      const { user, facts, grant, point } = await openCase(s, req, res, 'write');
      const body = req.body as ObservationBody;
      const now = new Date().toISOString();
      // The board as it was before a relapse moves goals back, so it can be looked at and restored:
      // read inside `use` (before the moves), stored once `use` is done.
      let boardBefore: BoardState | null = null;
      const { id, before, leads } = await s.registry.use(
        caseDocumentName(facts.caseId),
        (doc) => {
          const before = currentSignalState(readObservations(doc));
          const board = readBoard(doc);
          const moves: GoalMove[] = [];
          let id = '';
          if (body.relapse) boardBefore = boardState(doc);
          doc.transact(() => {
            // A goal named twice moves once, so the timeline records each move once.
            for (const goalId of new Set(body.relapse?.goalIds ?? [])) {
              const goal = board.goals.find((g) => g.id === goalId);
              if (
                !goal ||
                recoveryPhases.indexOf(goal.phase) <= recoveryPhases.indexOf(body.relapse!.toPhase)
              )
                continue;
              const index = goalsInCell(readBoard(doc).goals, goal.domain, body.relapse!.toPhase).length;
              moveGoal(doc, goal.id, { domain: goal.domain, phase: body.relapse!.toPhase, index });
              moves.push({ goalId: goal.id, from: goal.phase, to: body.relapse!.toPhase });
            }
            id = appendObservation(doc, {
              at: now,
              authorId: user.professionalId ?? user.id,
              authorName: user.displayName,
              state: body.state,
              note: body.note,
              relapse: body.relapse !== undefined,
              moves,
            });
          }, 'server');
          const leads = board.perspectives.filter((p) => p.active && p.leadId).map((p) => p.leadId!);
          return { id, before, leads };
        },
        { userId: user.id, role: user.role },
      );
      // The version is stored before the answer.
      if (boardBefore) await s.meetings.versions.keep(facts.caseId, null, '', boardBefore, now, 'relapse');
      await s.audit.record({
        event: 'api-write',
        caseId: facts.caseId,
        userId: user.id,
        role: user.role,
        authorization: grant.authorization,
        ...point,
        details: { resource: 'observation', state: body.state, relapse: body.relapse !== undefined },
      });
      if (body.state !== 'green' && rank[body.state] > rank[before ?? 'green']) {
        await s.notifications.notifyStateChange({
          caseId: facts.caseId,
          state: body.state,
          note: body.note,
          professionalIds: [...(facts.coordinatorId ? [facts.coordinatorId] : []), ...leads],
          exceptUserId: user.id,
        });
      }
      res.status(201).json({ id });
    },
  );
}
