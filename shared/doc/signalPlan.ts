import * as Y from 'yjs';
import type { SignalState } from '../risk.js';
import { signalStates } from '../risk.js';
import { newId } from './board.js';
import type { SignalPlan, SignalStatePlan, SignalStateTextField } from './signalPlanData.js';
import { signalStateTextFields } from './signalPlanData.js';
import type { GoalMove, RelapseKind } from './signalPlanShape.js';
import { relapseKinds } from './signalPlanShape.js';

/** Typed access to the signal plan and the observations in the board document. */
export { hasSignalPlan, signalStateTextFields } from './signalPlanData.js';
export type { SignalPlan, SignalStatePlan, SignalStateTextField } from './signalPlanData.js';

export interface Observation {
  id: string;
  at: string;
  authorId: string;
  authorName: string;
  state: SignalState;
  note: string;
  relapse: boolean;
  moves: GoalMove[];
}

type YRecord = Y.Map<unknown>;
export const signalPlanOf = (doc: Y.Doc) => doc.getMap<unknown>('signalPlan');
export const observationsOf = (doc: Y.Doc) => doc.getMap<YRecord>('observations');

const textOf = (map: YRecord | undefined, key: string) => {
  const v = map?.get(key);
  return v instanceof Y.Text ? v.toString() : '';
};
const strOf = (map: YRecord | undefined, key: string) => {
  const v = map?.get(key);
  return typeof v === 'string' ? v : '';
};

/**
 * Creates the empty structure of the signal plan. The server does it when a board is loaded, so
 * two people never create the same text field at once and lose each other's typing.
 */
export function ensureSignalPlan(doc: Y.Doc, origin: unknown = null): boolean {
  const plan = signalPlanOf(doc);
  if (plan.has('green')) return false;
  doc.transact(() => {
    plan.set('relapseKinds', new Y.Map<true>());
    plan.set('protectiveFactors', new Y.Text());
    for (const state of signalStates) {
      const s = new Y.Map<unknown>();
      for (const field of signalStateTextFields) s.set(field, new Y.Text());
      s.set('callName', '');
      s.set('callPhone', '');
      plan.set(state, s);
    }
  }, origin);
  return true;
}

export function readSignalPlan(doc: Y.Doc): SignalPlan {
  const plan = signalPlanOf(doc);
  const kinds = plan.get('relapseKinds');
  const states = {} as Record<SignalState, SignalStatePlan>;
  for (const state of signalStates) {
    const map = plan.get(state) as YRecord | undefined;
    states[state] = {
      signs: textOf(map, 'signs'),
      triggers: textOf(map, 'triggers'),
      clientActions: textOf(map, 'clientActions'),
      networkActions: textOf(map, 'networkActions'),
      professionalActions: textOf(map, 'professionalActions'),
      callName: strOf(map, 'callName'),
      callPhone: strOf(map, 'callPhone'),
    };
  }
  return {
    relapseKinds: kinds instanceof Y.Map ? relapseKinds.filter((k) => kinds.has(k)) : [],
    protectiveFactors: textOf(plan as YRecord, 'protectiveFactors'),
    states,
  };
}

export function signalText(doc: Y.Doc, state: SignalState, field: SignalStateTextField): Y.Text {
  return (signalPlanOf(doc).get(state) as YRecord).get(field) as Y.Text;
}

export const protectiveFactorsText = (doc: Y.Doc) => signalPlanOf(doc).get('protectiveFactors') as Y.Text;

export function setRelapseKind(doc: Y.Doc, kind: RelapseKind, watched: boolean): void {
  const kinds = signalPlanOf(doc).get('relapseKinds') as Y.Map<true>;
  if (watched) kinds.set(kind, true);
  else kinds.delete(kind);
}

export function setCallContact(
  doc: Y.Doc,
  state: SignalState,
  contact: { name?: string; phone?: string },
): void {
  const map = signalPlanOf(doc).get(state) as YRecord;
  doc.transact(() => {
    if (contact.name !== undefined) map.set('callName', contact.name);
    if (contact.phone !== undefined) map.set('callPhone', contact.phone);
  });
}

/** Every observation, oldest first: the timeline. */
export function readObservations(doc: Y.Doc): Observation[] {
  return [...observationsOf(doc).entries()]
    .map(([id, map]) => ({
      id,
      at: strOf(map, 'at'),
      authorId: strOf(map, 'authorId'),
      authorName: strOf(map, 'authorName'),
      state: strOf(map, 'state') as SignalState,
      note: strOf(map, 'note'),
      relapse: map.get('relapse') === true,
      moves: (map.get('moves') as GoalMove[] | undefined) ?? [],
    }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** The current state: that of the latest observation (green before any). */
export function currentSignalState(observations: readonly Observation[]): SignalState | null {
  return observations.at(-1)?.state ?? null;
}

/** Appends an observation (server only); returns its id. */
export function appendObservation(doc: Y.Doc, observation: Omit<Observation, 'id'>): string {
  const id = newId();
  const map = new Y.Map<unknown>();
  map.set('at', observation.at);
  map.set('authorId', observation.authorId);
  map.set('authorName', observation.authorName);
  map.set('state', observation.state);
  map.set('note', observation.note);
  map.set('relapse', observation.relapse);
  map.set('moves', observation.moves);
  observationsOf(doc).set(id, map);
  return id;
}
