import type * as Y from 'yjs';
import { localToday } from '../../shared/attention.js';
import { readBoard } from '../../shared/doc/board.js';
import {
  currentSignalState,
  hasSignalPlan,
  readObservations,
  readSignalPlan,
} from '../../shared/doc/signalPlan.js';
import { escalationsOf } from '../../shared/risk.js';
import { summarizeBoard } from '../../shared/summary.js';
import type { Db } from '../db/database.js';

/**
 * The summary row per case that the caseload reads instead of the board: written shortly after the
 * board changes. It keeps the inputs of risk (state, escalations, due dates), not the risk itself,
 * so "days since the last observation" and overdue steps stay right as days pass.
 */
export function summaryStore(db: Db) {
  const upsert = db.prepare(`INSERT INTO case_summaries
    (case_id, signal_state, phase_by_domain, open_step_due_dates, stalled_goals, open_goals, owners, perspectives,
     escalations, has_signal_plan, last_observation_at, last_change_at, updated_at)
    VALUES (@caseId, @signalState, @phaseByDomain, @openStepDueDates, @stalledGoals, @openGoals, @owners, @perspectives,
     @escalations, @hasSignalPlan, @lastObservationAt, @lastChangeAt, @updatedAt)
    ON CONFLICT (case_id) DO UPDATE SET signal_state = excluded.signal_state, phase_by_domain = excluded.phase_by_domain,
      open_step_due_dates = excluded.open_step_due_dates, stalled_goals = excluded.stalled_goals,
      open_goals = excluded.open_goals, owners = excluded.owners, perspectives = excluded.perspectives,
      escalations = excluded.escalations, has_signal_plan = excluded.has_signal_plan,
      last_observation_at = excluded.last_observation_at, last_change_at = excluded.last_change_at,
      updated_at = excluded.updated_at`);
  const exists = db.prepare<[string], { caseId: string }>(
    'SELECT case_id AS caseId FROM case_summaries WHERE case_id = ?',
  );

  return {
    has: (caseId: string) => exists.get(caseId) !== undefined,
    /** Projects the board of a case into its summary row; `changedAt` is when the board last changed. */
    project(caseId: string, doc: Y.Doc, changedAt: Date | null, now = new Date()): void {
      const board = readBoard(doc);
      const observations = readObservations(doc);
      const summary = summarizeBoard(board, localToday(now));
      upsert.run({
        caseId,
        signalState: currentSignalState(observations),
        phaseByDomain: JSON.stringify(summary.phaseByDomain),
        openStepDueDates: JSON.stringify(summary.openStepDueDates),
        stalledGoals: summary.stalledGoals,
        openGoals: summary.openGoals,
        owners: JSON.stringify(summary.owners),
        perspectives: JSON.stringify(summary.perspectives),
        escalations: JSON.stringify(escalationsOf(observations)),
        hasSignalPlan: hasSignalPlan(readSignalPlan(doc)) ? 1 : 0,
        lastObservationAt: observations.at(-1)?.at ?? null,
        lastChangeAt: changedAt?.toISOString() ?? null,
        updatedAt: now.toISOString(),
      });
    },
  };
}
export type SummaryStore = ReturnType<typeof summaryStore>;
