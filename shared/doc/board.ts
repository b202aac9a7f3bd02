import * as Y from 'yjs';
import type { GoalStatus, LifeDomain, PerspectiveId, RecoveryPhase, DefaultPerspective } from '../domain.js';
import { defaultPerspectives } from '../domain.js';
import { orderKeyAtEnd, planOrder, sortByOrder } from '../ordering.js';
import { goalMap, goalsOf, newId, perspectivesOf, str, textOf, textWith } from './boardRecords.js';
import type { YRecord } from './boardRecords.js';
import { buildStep, readStep } from './steps.js';
import type { NewStep, Step } from './steps.js';

export { goalsOf, newId, perspectivesOf } from './boardRecords.js';
export { addStep, deleteStep, moveStep, stepText, updateStep } from './steps.js';
export type { NewStep, Step, StepPatch } from './steps.js';

/**
 * Typed access to the shared board document (`case:<id>:shared`). Every write goes through
 * these functions so the document always has the shape `boardShape` describes.
 */
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
  /** Services of the social map linked to the goal ("who helps"), by their UUID. */
  services: string[];
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

export function readGoal(id: string, map: YRecord): Goal {
  const perspectives = map.get('perspectives');
  const services = map.get('services');
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
    services: services instanceof Y.Map ? [...services.keys()].sort() : [],
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
    goal.set('services', new Y.Map<true>());
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
 * Links a service of the social map to a goal, or unlinks it. A goal from before links existed
 * gets its set from the server when the board opens (BoardDefaults); made here only if missing.
 */
export function setGoalService(doc: Y.Doc, goalId: string, serviceId: string, linked: boolean): void {
  const goal = goalMap(doc, goalId);
  doc.transact(() => {
    let set = goal.get('services');
    if (!(set instanceof Y.Map)) {
      if (!linked) return;
      set = new Y.Map<true>();
      goal.set('services', set);
    }
    if (linked) (set as Y.Map<true>).set(serviceId, true);
    else (set as Y.Map<true>).delete(serviceId);
  });
}

/** Gives every goal made before links existed its empty set of services (the server, on opening). */
export function ensureGoalServiceSets(doc: Y.Doc, origin?: unknown): void {
  const missing = [...goalsOf(doc).values()].filter((goal) => !(goal.get('services') instanceof Y.Map));
  if (missing.length === 0) return;
  doc.transact(() => {
    for (const goal of missing) goal.set('services', new Y.Map<true>());
  }, origin);
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
