import type { Goal } from '../../../../shared/doc/board.js';
import type { GoalStatus, PerspectiveId } from '../../../../shared/domain.js';

/** What the board shows: every goal, or those of one owner, status, perspective, or with overdue steps. */
export interface BoardFilter {
  /** A professional's id, 'none' for goals nobody owns, or null for everyone. */
  owner: string | null;
  status: GoalStatus | null;
  perspective: PerspectiveId | null;
  overdueOnly: boolean;
}

export const noFilter: BoardFilter = { owner: null, status: null, perspective: null, overdueOnly: false };

export const isFiltering = (f: BoardFilter) =>
  f.owner !== null || f.status !== null || f.perspective !== null || f.overdueOnly;

/** A step not done whose due date lies before today. */
const hasOverdueStep = (goal: Goal, today: string) =>
  goal.steps.some((s) => !s.done && s.dueDate !== null && s.dueDate < today);

export function matchesFilter(goal: Goal, f: BoardFilter, today: string): boolean {
  if (f.owner === 'none' ? goal.ownerId !== null : f.owner !== null && goal.ownerId !== f.owner) return false;
  if (f.status !== null && goal.status !== f.status) return false;
  if (f.perspective !== null && !goal.perspectives.includes(f.perspective)) return false;
  return !f.overdueOnly || hasOverdueStep(goal, today);
}

/**
 * Where a card dropped among the cards shown goes among all cards of its cell, when some are
 * hidden by a filter: right after the shown card before it (or right before the shown card after
 * it), so hidden cards keep their places. `others` is the cell's order without the moving card,
 * `shown` the shown cards of the cell after the drop, the moving one included.
 */
export function indexAmongAll(others: readonly string[], shown: readonly string[], movingId: string): number {
  const at = shown.indexOf(movingId);
  const before = shown[at - 1];
  if (before !== undefined && others.includes(before)) return others.indexOf(before) + 1;
  const after = shown[at + 1];
  if (after !== undefined && others.includes(after)) return others.indexOf(after);
  return 0;
}
