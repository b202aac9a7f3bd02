import * as Y from 'yjs';
import { orderKeyAtEnd, planOrder } from '../ordering.js';
import { goalMap, newId, str, textOf, textWith } from './boardRecords.js';
import type { YRecord } from './boardRecords.js';

/** The steps of a goal on the shared board: read, created, edited, moved and deleted. */
export interface Step {
  id: string;
  text: string;
  ownerId: string | null;
  dueDate: string | null;
  done: boolean;
  order: string;
}

export interface NewStep {
  /** Given when a step comes back from a version; otherwise a new random id. */
  id?: string;
  text: string;
  ownerId?: string | null;
  dueDate?: string | null;
  done?: boolean;
}

/** A step as its map in the document holds it. */
export function readStep(id: string, map: YRecord): Step {
  return {
    id,
    text: textOf(map, 'text'),
    ownerId: str(map, 'ownerId'),
    dueDate: str(map, 'dueDate'),
    done: map.get('done') === true,
    order: str(map, 'order') ?? '',
  };
}

/** The map of a new step at `order`, ready to be put into a goal's steps. */
export function buildStep(input: NewStep, order: string): YRecord {
  const step = new Y.Map<unknown>();
  step.set('text', textWith(input.text));
  step.set('ownerId', input.ownerId ?? null);
  step.set('dueDate', input.dueDate ?? null);
  step.set('done', input.done ?? false);
  step.set('order', order);
  return step;
}

const stepsOf = (doc: Y.Doc, goalId: string) => goalMap(doc, goalId).get('steps') as Y.Map<YRecord>;

export function addStep(doc: Y.Doc, goalId: string, input: NewStep): string {
  const id = input.id ?? newId();
  doc.transact(() => {
    const steps = stepsOf(doc, goalId);
    const existing = [...steps.entries()].map(([k, v]) => readStep(k, v));
    steps.set(id, buildStep(input, orderKeyAtEnd(existing)));
  });
  return id;
}

export interface StepPatch {
  ownerId?: string | null;
  dueDate?: string | null;
  done?: boolean;
}

export function updateStep(doc: Y.Doc, goalId: string, stepId: string, patch: StepPatch): void {
  doc.transact(() => {
    const step = stepsOf(doc, goalId).get(stepId);
    if (!step) throw new Error(`no step with id ${stepId}`);
    for (const [key, v] of Object.entries(patch)) {
      if (v !== undefined && step.get(key) !== v) step.set(key, v);
    }
  });
}

export function stepText(doc: Y.Doc, goalId: string, stepId: string): Y.Text {
  const step = stepsOf(doc, goalId).get(stepId);
  if (!step) throw new Error(`no step with id ${stepId}`);
  return step.get('text') as Y.Text;
}

export function moveStep(doc: Y.Doc, goalId: string, stepId: string, index: number): void {
  doc.transact(() => {
    const steps = stepsOf(doc, goalId);
    const existing = [...steps.entries()].map(([k, v]) => readStep(k, v));
    const plan = planOrder(existing, stepId, index);
    steps.get(stepId)?.set('order', plan.order);
    for (const [otherId, order] of plan.rekeyed) steps.get(otherId)?.set('order', order);
  });
}

export function deleteStep(doc: Y.Doc, goalId: string, stepId: string): void {
  stepsOf(doc, goalId).delete(stepId);
}
