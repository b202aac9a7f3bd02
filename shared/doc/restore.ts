import type * as Y from 'yjs';
import { textChange } from '../textChange.js';
import type { Goal, PerspectiveState, Step } from './board.js';
import { addStep, createGoal, goalsOf, moveStep, perspectivesOf, readGoal } from './board.js';
import {
  addCustomPerspective,
  perspectiveLabelProblem,
  perspectiveText,
  setPerspectiveActive,
  setPerspectiveLead,
} from './perspectives.js';
import type { PerspectiveTextField } from './perspectives.js';

/**
 * Brings something back from an earlier version of a board as a new change: the person's own edit,
 * which everyone receives, the history records and undo can take back (SPEC U3).
 */

/** A deleted goal comes back with its id, fields and steps, at the end of its old cell. */
export function restoreGoal(doc: Y.Doc, goal: Goal): void {
  if (goalsOf(doc).has(goal.id)) return;
  createGoal(doc, {
    id: goal.id,
    title: goal.title,
    clientWords: goal.clientWords,
    domain: goal.domain,
    phase: goal.phase,
    status: goal.status,
    ownerId: goal.ownerId,
    targetDate: goal.targetDate,
    visibleToClient: goal.visibleToClient,
    perspectives: goal.perspectives,
    steps: goal.steps.map(({ id, text, ownerId, dueDate, done }) => ({ id, text, ownerId, dueDate, done })),
    createdAt: goal.createdAt ?? undefined,
  });
}

/** A deleted step comes back in the place it had among the steps that are still there. */
export function restoreStep(doc: Y.Doc, goalId: string, step: Step): void {
  const goal = goalsOf(doc).get(goalId);
  if (!goal) return;
  doc.transact(() => {
    const id = addStep(doc, goalId, {
      id: (goal.get('steps') as Y.Map<unknown>).has(step.id) ? undefined : step.id,
      text: step.text,
      ownerId: step.ownerId,
      dueDate: step.dueDate,
      done: step.done,
    });
    const before = readGoal(goalId, goal).steps.filter((s) => s.id !== id && s.order < step.order).length;
    moveStep(doc, goalId, id, before);
  });
}

/**
 * A perspective switched off or lost comes back switched on, with its texts and lead. A removed
 * custom one whose name another perspective carries by now comes back as that one (names are
 * unique): its texts go where they are still empty.
 */
export function restorePerspective(doc: Y.Doc, perspective: PerspectiveState): void {
  doc.transact(() => {
    let id = perspective.id;
    if (!perspectivesOf(doc).has(id) && perspective.label) {
      const problem = perspectiveLabelProblem(doc, perspective.label);
      id = problem?.kind === 'duplicate' ? problem.existing : addCustomPerspective(doc, perspective.label);
    }
    setPerspectiveActive(doc, id, true);
    if (perspective.leadId) setPerspectiveLead(doc, id, perspective.leadId);
    for (const field of ['situation', 'strengths', 'concerns'] as const) {
      const text = perspectiveText(doc, id, field);
      if (text.length === 0 && perspective[field]) text.insert(0, perspective[field]);
    }
  });
}

/** A text reads again as it did: one splice, so whatever others type around it stays. */
export function restoreText(text: Y.Text, content: string): void {
  const change = textChange(text.toString(), content);
  text.doc?.transact(() => {
    if (change.remove > 0) text.delete(change.index, change.remove);
    if (change.insert) text.insert(change.index, change.insert);
  });
}

export type { PerspectiveTextField };
