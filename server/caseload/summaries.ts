import { EventEmitter } from 'node:events';
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
import type { Data, Executor } from '../storage/data.js';
import { GroupCommit } from '../storage/groupCommit.js';
import type { CaseSummariesTable } from '../storage/tables.js';
import { riskSummaryOf, scoreWithValidity } from './riskScore.js';

/** What a projection writes; `next_meeting_at` is not the board's (the caseload reads the agenda). */
type SummaryRow = Omit<CaseSummariesTable, 'next_meeting_at'>;

/** The columns an existing row takes over from a new projection: all but the case id. */
const updated = [
  'signal_state',
  'phase_by_domain',
  'open_step_due_dates',
  'stalled_goals',
  'open_goals',
  'owners',
  'perspectives',
  'escalations',
  'has_signal_plan',
  'last_observation_at',
  'last_change_at',
  'updated_at',
  'risk_score',
  'risk_valid_until',
  'goals_by_domain',
] as const;

/** The summary row of a board, read from the document at once. */
function summaryRow(caseId: string, doc: Y.Doc, changedAt: Date | null, now: Date): SummaryRow {
  const board = readBoard(doc);
  const observations = readObservations(doc);
  const summary = summarizeBoard(board, localToday(now));
  const row = {
    case_id: caseId,
    signal_state: currentSignalState(observations),
    phase_by_domain: JSON.stringify(summary.phaseByDomain),
    open_step_due_dates: JSON.stringify(summary.openStepDueDates),
    stalled_goals: summary.stalledGoals,
    open_goals: summary.openGoals,
    owners: JSON.stringify(summary.owners),
    perspectives: JSON.stringify(summary.perspectives),
    goals_by_domain: JSON.stringify(summary.goalsByDomain),
    escalations: JSON.stringify(escalationsOf(observations)),
    has_signal_plan: hasSignalPlan(readSignalPlan(doc)) ? 1 : 0,
    last_observation_at: observations.at(-1)?.at ?? null,
    last_change_at: changedAt?.toISOString() ?? null,
    updated_at: now.toISOString(),
  };
  const risk = scoreWithValidity(riskSummaryOf(row), now);
  return { ...row, risk_score: risk.score, risk_valid_until: risk.validUntil };
}

/**
 * The summary row per case that the caseload reads instead of the board: written shortly after the
 * board changes. It keeps the inputs of risk (state, escalations, due dates) and the score they
 * give with the moment time alone changes it, which the caseload re-scores when it has passed
 * (server/caseload/caseloadQuery.ts), so it sorts on a score that is right on the day.
 */
export function summaryStore(data: Data) {
  // Boards projected while a write is in flight go in the next one, all in one statement: with
  // hundreds of boards changing, that is a few writes a second instead of one per board.
  /** 'case' (caseId) after a case's row was written: the open caseloads update that row. */
  const changes = new EventEmitter();
  const rows = new GroupCommit<SummaryRow, void>(async (batch) => {
    // The newest row of each case (one statement cannot update a row twice).
    const latest = new Map(batch.map((row) => [row.case_id, row]));
    await upsert(data.db, [...latest.values()]);
    for (const caseId of latest.keys()) changes.emit('case', caseId);
    return batch.map(() => undefined);
  });
  return {
    changes,
    /** The case has a row with everything a projection writes now (rows from before 0011 lack goals). */
    async has(caseId: string): Promise<boolean> {
      const row = await data.db
        .selectFrom('case_summaries')
        .select('case_id')
        .where('case_id', '=', caseId)
        .where('goals_by_domain', 'is not', null)
        .executeTakeFirst();
      return row !== undefined;
    },
    /**
     * Projects the board of a case into its summary row; `changedAt` is when the board last changed.
     * The board is read before the first await (the document may be destroyed right after).
     */
    async project(
      caseId: string,
      doc: Y.Doc,
      changedAt: Date | null,
      now = new Date(),
      tx: Executor = data.db,
    ): Promise<void> {
      const row = summaryRow(caseId, doc, changedAt, now);
      if (tx === data.db) await rows.submit(row);
      else await upsert(tx, [row]);
    },
  };
}
export type SummaryStore = ReturnType<typeof summaryStore>;

async function upsert(db: Executor, rows: SummaryRow[]): Promise<void> {
  await db
    .insertInto('case_summaries')
    .values(rows)
    .onConflict((oc) =>
      oc
        .column('case_id')
        .doUpdateSet((eb) => Object.fromEntries(updated.map((c) => [c, eb.ref(`excluded.${c}`)]))),
    )
    .execute();
}
