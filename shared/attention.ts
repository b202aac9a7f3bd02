import type { Goal } from './doc/board.js';

/** What makes a goal need attention at a glance on the board. */
export interface GoalAttention {
  stalled: boolean;
  /** The target date has passed and the goal is neither achieved nor dropped. */
  overdue: boolean;
  overdueSteps: number;
  stepsDone: number;
  stepsTotal: number;
}

const closed = new Set(['achieved', 'dropped']);

/** `today` is a YYYY-MM-DD date in the user's time zone. */
export function goalAttention(goal: Goal, today: string): GoalAttention {
  const open = !closed.has(goal.status);
  return {
    stalled: goal.status === 'stalled',
    overdue: open && goal.targetDate !== null && goal.targetDate < today,
    overdueSteps: open
      ? goal.steps.filter((s) => !s.done && s.dueDate !== null && s.dueDate < today).length
      : 0,
    stepsDone: goal.steps.filter((s) => s.done).length,
    stepsTotal: goal.steps.length,
  };
}

/** Today's date as YYYY-MM-DD in local time. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
