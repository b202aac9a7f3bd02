import type { Board } from './doc/board.js';
import { lifeDomains, recoveryPhases } from './domain.js';
import type { LifeDomain, RecoveryPhase } from './domain.js';

/**
 * What the caseload needs to know about one board, without the board: where the client is per
 * life domain, what is overdue or stuck, and who owns the work. Pure, so it is tested on its own
 * and the server stores its result as one SQL row per case.
 */
export interface BoardSummary {
  /** The earliest phase that still has open work, per domain (the latest phase when all is done). */
  phaseByDomain: Record<LifeDomain, RecoveryPhase | null>;
  overdueSteps: number;
  /** Due dates of steps not done in open goals: overdue is counted again each day from these. */
  openStepDueDates: string[];
  stalledGoals: number;
  openGoals: number;
  /** Everyone who owns a goal or a step that is not done. */
  owners: string[];
  perspectives: string[];
  /** Goals that are not dropped, and of them the achieved ones, per domain (the aims, SPEC CH6). */
  goalsByDomain: Record<LifeDomain, { goals: number; achieved: number }>;
}

const closed = new Set(['achieved', 'dropped']);

export function summarizeBoard(board: Board, today: string): BoardSummary {
  const phaseByDomain = {} as Record<LifeDomain, RecoveryPhase | null>;
  const goalsByDomain = {} as BoardSummary['goalsByDomain'];
  for (const domain of lifeDomains) {
    const goals = board.goals.filter((g) => g.domain === domain && g.status !== 'dropped');
    goalsByDomain[domain] = {
      goals: goals.length,
      achieved: goals.filter((g) => g.status === 'achieved').length,
    };
    const open = goals.filter((g) => !closed.has(g.status));
    const pool = open.length > 0 ? open : goals;
    const ranks = pool.map((g) => recoveryPhases.indexOf(g.phase));
    phaseByDomain[domain] =
      ranks.length === 0 ? null : recoveryPhases[open.length > 0 ? Math.min(...ranks) : Math.max(...ranks)]!;
  }
  const openGoals = board.goals.filter((g) => !closed.has(g.status));
  const owners = new Set<string>();
  const openStepDueDates: string[] = [];
  for (const goal of openGoals) {
    if (goal.ownerId) owners.add(goal.ownerId);
    for (const step of goal.steps) {
      if (step.done) continue;
      if (step.ownerId) owners.add(step.ownerId);
      if (step.dueDate !== null) openStepDueDates.push(step.dueDate);
    }
  }
  openStepDueDates.sort();
  return {
    phaseByDomain,
    overdueSteps: countOverdue(openStepDueDates, today),
    openStepDueDates,
    stalledGoals: board.goals.filter((g) => g.status === 'stalled').length,
    openGoals: openGoals.length,
    owners: [...owners].sort(),
    perspectives: board.perspectives.filter((p) => p.active).map((p) => p.id),
    goalsByDomain,
  };
}

/** Steps whose due date lies before today. */
export const countOverdue = (dueDates: readonly string[], today: string): number =>
  dueDates.filter((d) => d < today).length;
