import type { Board, Goal, PerspectiveState, Step } from './doc/board.js';
import type { PerspectiveTextField } from './doc/perspectives.js';

/** What an earlier version of a board holds that the board now lacks, and can be brought back. */
export type Restorable =
  | { kind: 'goal'; goal: Goal }
  | { kind: 'step'; goalId: string; goalTitle: string; step: Step }
  | { kind: 'perspective'; perspective: PerspectiveState }
  | {
      kind: 'goal-text';
      goalId: string;
      goalTitle: string;
      field: 'title' | 'clientWords';
      then: string;
      now: string;
    }
  | { kind: 'step-text'; goalId: string; goalTitle: string; stepId: string; then: string; now: string }
  | {
      kind: 'perspective-text';
      perspectiveId: string;
      label: string | null;
      field: PerspectiveTextField;
      then: string;
      now: string;
    };

const perspectiveTextFields: readonly PerspectiveTextField[] = ['situation', 'strengths', 'concerns'];

/**
 * Compares a kept version with the board now: goals, steps and perspectives gone since (deleted,
 * or switched off) and texts that read differently, in the board's own order. Pure, so the page
 * and its tests agree on what "restore" offers.
 */
export function restorable(then: Board, now: Board): Restorable[] {
  const result: Restorable[] = [];
  const goalsNow = new Map(now.goals.map((g) => [g.id, g]));
  for (const goal of then.goals) {
    const current = goalsNow.get(goal.id);
    if (!current) {
      result.push({ kind: 'goal', goal });
      continue;
    }
    for (const field of ['title', 'clientWords'] as const) {
      if (goal[field] !== current[field])
        result.push({
          kind: 'goal-text',
          goalId: goal.id,
          goalTitle: current.title,
          field,
          then: goal[field],
          now: current[field],
        });
    }
    const stepsNow = new Map(current.steps.map((s) => [s.id, s]));
    for (const step of goal.steps) {
      const stepNow = stepsNow.get(step.id);
      if (!stepNow) result.push({ kind: 'step', goalId: goal.id, goalTitle: current.title, step });
      else if (stepNow.text !== step.text)
        result.push({
          kind: 'step-text',
          goalId: goal.id,
          goalTitle: current.title,
          stepId: step.id,
          then: step.text,
          now: stepNow.text,
        });
    }
  }
  const perspectivesNow = new Map(now.perspectives.map((p) => [p.id, p]));
  for (const perspective of then.perspectives) {
    const current = perspectivesNow.get(perspective.id);
    if (!current || (perspective.active && !current.active)) {
      result.push({ kind: 'perspective', perspective });
      if (!current) continue;
    }
    for (const field of perspectiveTextFields) {
      if (perspective[field] !== current[field])
        result.push({
          kind: 'perspective-text',
          perspectiveId: perspective.id,
          label: perspective.label,
          field,
          then: perspective[field],
          now: current[field],
        });
    }
  }
  return result;
}
