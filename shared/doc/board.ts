import * as Y from 'yjs';
import type { GoalStatus, LifeDomain, PerspectiveId, RecoveryPhase, DefaultPerspective } from '../domain.js';
import { defaultPerspectives } from '../domain.js';
import { orderKeyAtEnd, planOrder, sortByOrder } from '../ordering.js';

/**
 * Typed access to the shared board document (`case:<id>:shared`). Every write goes through
 * these functions so the document always has the shape `boardShape` describes.
 */
export interface Step {
  id: string;
  text: string;
  ownerId: string | null;
  dueDate: string | null;
  done: boolean;
  order: string;
}

export interface Goal {
  id: string;
  title: string;
  clientWords: string;
  domain: LifeDomain;
  phase: RecoveryPhase;
  order: string;
  status: GoalStatus;
  ownerId: string | null;
  targetDate: string | null;
  visibleToClient: boolean;
  perspectives: PerspectiveId[];
  steps: Step[];
  createdAt: string | null;
}

export interface PerspectiveState {
  id: PerspectiveId;
  active: boolean;
  /** Set for custom perspectives; default ones are named by the UI's translations. */
  label: string | null;
  addedAt: string | null;
  situation: string;
  strengths: string;
  concerns: string;
  leadId: string | null;
}

export interface Board {
  goals: Goal[];
  perspectives: PerspectiveState[];
}

type YRecord = Y.Map<unknown>;

export const goalsOf = (doc: Y.Doc) => doc.getMap<YRecord>('goals');
export const perspectivesOf = (doc: Y.Doc) => doc.getMap<YRecord>('perspectives');

const str = (map: YRecord, key: string): string | null => {
  const v = map.get(key);
  return typeof v === 'string' ? v : null;
};
const textOf = (map: YRecord, key: string): string => {
  const v = map.get(key);
  return v instanceof Y.Text ? v.toString() : '';
};

function readStep(id: string, map: YRecord): Step {
  return {
    id,
    text: textOf(map, 'text'),
    ownerId: str(map, 'ownerId'),
    dueDate: str(map, 'dueDate'),
    done: map.get('done') === true,
    order: str(map, 'order') ?? '',
  };
}

export function readGoal(id: string, map: YRecord): Goal {
  const perspectives = map.get('perspectives');
  const steps = map.get('steps');
  return {
    id,
    title: textOf(map, 'title'),
    clientWords: textOf(map, 'clientWords'),
    domain: str(map, 'domain') as LifeDomain,
    phase: str(map, 'phase') as RecoveryPhase,
    order: str(map, 'order') ?? '',
    status: str(map, 'status') as GoalStatus,
    ownerId: str(map, 'ownerId'),
    targetDate: str(map, 'targetDate'),
    visibleToClient: map.get('visibleToClient') === true,
    perspectives: perspectives instanceof Y.Map ? ([...perspectives.keys()].sort() as PerspectiveId[]) : [],
    steps:
      steps instanceof Y.Map
        ? sortByOrder([...(steps as Y.Map<YRecord>).entries()].map(([k, v]) => readStep(k, v)))
        : [],
    createdAt: str(map, 'createdAt'),
  };
}

function readPerspective(id: string, map: YRecord): PerspectiveState {
  return {
    id: id as PerspectiveId,
    active: map.get('active') === true,
    label: str(map, 'label'),
    addedAt: str(map, 'addedAt'),
    situation: textOf(map, 'situation'),
    strengths: textOf(map, 'strengths'),
    concerns: textOf(map, 'concerns'),
    leadId: str(map, 'leadId'),
  };
}

/** The fixed neutral order of perspectives: defaults first as listed, then custom ones as added. */
export function orderPerspectives<T extends { id: string; addedAt: string | null }>(
  items: readonly T[],
): T[] {
  const rank = (id: string) => {
    const i = defaultPerspectives.indexOf(id as DefaultPerspective);
    return i === -1 ? defaultPerspectives.length : i;
  };
  return [...items].sort(
    (a, b) =>
      rank(a.id) - rank(b.id) || (a.addedAt ?? '').localeCompare(b.addedAt ?? '') || a.id.localeCompare(b.id),
  );
}

/** Every default perspective, plus the custom ones the case has, switched on or not. */
export function readPerspectives(doc: Y.Doc): PerspectiveState[] {
  const stored = perspectivesOf(doc);
  const states = new Map<string, PerspectiveState>();
  for (const id of defaultPerspectives) {
    states.set(id, {
      id,
      active: false,
      label: null,
      addedAt: null,
      situation: '',
      strengths: '',
      concerns: '',
      leadId: null,
    });
  }
  for (const [id, map] of stored.entries()) states.set(id, readPerspective(id, map));
  return orderPerspectives([...states.values()]);
}

export function readBoard(doc: Y.Doc): Board {
  const goals = [...goalsOf(doc).entries()].map(([id, map]) => readGoal(id, map));
  return { goals: sortByOrder(goals), perspectives: readPerspectives(doc) };
}

export function goalsInCell(goals: readonly Goal[], domain: LifeDomain, phase: RecoveryPhase) {
  return sortByOrder(goals.filter((g) => g.domain === domain && g.phase === phase));
}

/** A random 16-character id; getRandomValues also works outside secure contexts. */
export function newId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const textWith = (content: string) => {
  const t = new Y.Text();
  if (content) t.insert(0, content);
  return t;
};

export interface NewGoal {
  title: string;
  clientWords?: string;
  domain: LifeDomain;
  phase: RecoveryPhase;
  status?: GoalStatus;
  ownerId?: string | null;
  targetDate?: string | null;
  visibleToClient?: boolean;
  perspectives?: readonly PerspectiveId[];
  steps?: readonly NewStep[];
  id?: string;
  createdAt?: string;
}

export interface NewStep {
  /** Given when a step comes back from a version; otherwise a new random id. */
  id?: string;
  text: string;
  ownerId?: string | null;
  dueDate?: string | null;
  done?: boolean;
}

function buildStep(input: NewStep, order: string): YRecord {
  const step = new Y.Map<unknown>();
  step.set('text', textWith(input.text));
  step.set('ownerId', input.ownerId ?? null);
  step.set('dueDate', input.dueDate ?? null);
  step.set('done', input.done ?? false);
  step.set('order', order);
  return step;
}

/** Creates a goal at the end of its cell, in one transaction; returns its id. */
export function createGoal(doc: Y.Doc, input: NewGoal): string {
  const id = input.id ?? newId();
  doc.transact(() => {
    const existing = readBoard(doc).goals;
    const cell = goalsInCell(existing, input.domain, input.phase);
    const goal = new Y.Map<unknown>();
    goal.set('title', textWith(input.title));
    goal.set('clientWords', textWith(input.clientWords ?? ''));
    goal.set('domain', input.domain);
    goal.set('phase', input.phase);
    goal.set('order', orderKeyAtEnd(cell));
    goal.set('status', input.status ?? 'open');
    goal.set('ownerId', input.ownerId ?? null);
    goal.set('targetDate', input.targetDate ?? null);
    goal.set('visibleToClient', input.visibleToClient ?? false);
    const perspectives = new Y.Map<true>();
    for (const p of input.perspectives ?? []) perspectives.set(p, true);
    goal.set('perspectives', perspectives);
    const steps = new Y.Map<YRecord>();
    let last: string | null = null;
    for (const s of input.steps ?? []) {
      const order: string = orderKeyAtEnd(last ? [{ id: '', order: last }] : []);
      steps.set(s.id ?? newId(), buildStep(s, order));
      last = order;
    }
    goal.set('steps', steps);
    goal.set('createdAt', input.createdAt ?? new Date().toISOString());
    goalsOf(doc).set(id, goal);
  });
  return id;
}

const goalMap = (doc: Y.Doc, id: string): YRecord => {
  const goal = goalsOf(doc).get(id);
  if (!goal) throw new Error(`no goal with id ${id}`);
  return goal;
};

export interface GoalPatch {
  status?: GoalStatus;
  ownerId?: string | null;
  targetDate?: string | null;
  visibleToClient?: boolean;
}

/** Changes the plain fields of a goal; only the fields named in the patch are written. */
export function updateGoal(doc: Y.Doc, id: string, patch: GoalPatch): void {
  doc.transact(() => {
    const goal = goalMap(doc, id);
    for (const [key, v] of Object.entries(patch)) {
      if (v !== undefined && goal.get(key) !== v) goal.set(key, v);
    }
  });
}

/** The co-edited text of a goal's title or the client's own words, for binding to an input. */
export function goalText(doc: Y.Doc, id: string, field: 'title' | 'clientWords'): Y.Text {
  return goalMap(doc, id).get(field) as Y.Text;
}

export function setGoalPerspective(
  doc: Y.Doc,
  goalId: string,
  perspective: PerspectiveId,
  serves: boolean,
): void {
  const set = goalMap(doc, goalId).get('perspectives') as Y.Map<true>;
  doc.transact(() => {
    if (serves) set.set(perspective, true);
    else set.delete(perspective);
  });
}

/**
 * Moves a goal to another cell and/or position: domain, phase and order key change in one
 * transaction, so concurrent moves of one card always leave exactly one card.
 */
export function moveGoal(
  doc: Y.Doc,
  id: string,
  to: { domain: LifeDomain; phase: RecoveryPhase; index: number },
): void {
  doc.transact(() => {
    const goals = readBoard(doc).goals;
    const plan = planOrder(goalsInCell(goals, to.domain, to.phase), id, to.index);
    const goal = goalMap(doc, id);
    if (goal.get('domain') !== to.domain) goal.set('domain', to.domain);
    if (goal.get('phase') !== to.phase) goal.set('phase', to.phase);
    goal.set('order', plan.order);
    for (const [otherId, order] of plan.rekeyed) goalMap(doc, otherId).set('order', order);
  });
}

export function deleteGoal(doc: Y.Doc, id: string): void {
  goalsOf(doc).delete(id);
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
