import type { Goal } from './doc/board.js';
import type { Observation } from './doc/signalPlan.js';
import { currentSignalState } from './doc/signalPlan.js';
import type { BoardChange } from './meetingApi.js';

/** What a meeting needs of a board at one moment. */
export interface BoardMoment {
  goals: readonly Goal[];
  observations: readonly Observation[];
}

/**
 * "What changed since the last meeting": the differences between the version of a board kept when
 * the last meeting closed and the board now. Goals added, removed, moved to another cell, newly
 * achieved or stalled; a different signal state; observations recorded since. Goals first (in the
 * board's order), then the signal state, then observations oldest first.
 */
export function boardChanges(before: BoardMoment, after: BoardMoment): BoardChange[] {
  const changes: BoardChange[] = [];
  const old = new Map(before.goals.map((g) => [g.id, g]));
  const now = new Set(after.goals.map((g) => g.id));
  for (const goal of after.goals) {
    const was = old.get(goal.id);
    const title = goal.title;
    if (!was) {
      changes.push({ kind: 'goal-added', goalId: goal.id, title, domain: goal.domain, phase: goal.phase });
      continue;
    }
    if (was.domain !== goal.domain || was.phase !== goal.phase) {
      changes.push({
        kind: 'goal-moved',
        goalId: goal.id,
        title,
        from: { domain: was.domain, phase: was.phase },
        to: { domain: goal.domain, phase: goal.phase },
      });
    }
    if (goal.status !== was.status && goal.status === 'achieved')
      changes.push({ kind: 'goal-achieved', goalId: goal.id, title });
    if (goal.status !== was.status && goal.status === 'stalled')
      changes.push({ kind: 'goal-stalled', goalId: goal.id, title });
  }
  for (const goal of before.goals)
    if (!now.has(goal.id)) changes.push({ kind: 'goal-removed', goalId: goal.id, title: goal.title });

  const from = currentSignalState(before.observations);
  const to = currentSignalState(after.observations);
  if (from !== to) changes.push({ kind: 'signal-state', from, to });
  const seen = new Set(before.observations.map((o) => o.id));
  for (const o of after.observations) {
    if (seen.has(o.id)) continue;
    changes.push({ kind: 'observation', at: o.at, state: o.state, authorName: o.authorName, note: o.note });
  }
  return changes;
}
