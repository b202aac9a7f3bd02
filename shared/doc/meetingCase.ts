import * as Y from 'yjs';
import { defaultPerspectives } from '../domain.js';
import type { PerspectiveId } from '../domain.js';
import { orderKeyAtEnd, sortByOrder } from '../ordering.js';
import { newId } from './board.js';

/**
 * Typed access to one case in one meeting (`meeting:<id>:case:<caseId>`): notes typed together,
 * decisions, actions with one owner and a due date, and the perspectives discussed.
 */
export interface Decision {
  id: string;
  text: string;
  order: string;
  createdAt: string | null;
}

export interface MeetingAction {
  id: string;
  text: string;
  ownerId: string;
  dueDate: string;
  done: boolean;
  order: string;
  createdAt: string | null;
  goalId: string | null;
  stepId: string | null;
}

export interface MeetingCase {
  notes: string;
  decisions: Decision[];
  actions: MeetingAction[];
  perspectives: PerspectiveId[];
}

type YRecord = Y.Map<unknown>;
const notesOf = (doc: Y.Doc) => doc.getMap<unknown>('notes');
const decisionsOf = (doc: Y.Doc) => doc.getMap<YRecord>('decisions');
const actionsOf = (doc: Y.Doc) => doc.getMap<YRecord>('actions');
const perspectivesOf = (doc: Y.Doc) => doc.getMap<true>('perspectives');

const textOf = (map: YRecord, key: string) => {
  const v = map.get(key);
  return v instanceof Y.Text ? v.toString() : '';
};
const strOrNull = (map: YRecord, key: string) => {
  const v = map.get(key);
  return typeof v === 'string' ? v : null;
};

/** Defaults in their fixed order, then custom ones by id: the same on every screen, never by size. */
const neutralOrder = (ids: PerspectiveId[]) => {
  const rank = (id: PerspectiveId) => {
    const i = (defaultPerspectives as readonly string[]).indexOf(id);
    return i === -1 ? defaultPerspectives.length : i;
  };
  return ids.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
};

export function readMeetingCase(doc: Y.Doc): MeetingCase {
  const decisions = [...decisionsOf(doc).entries()].map(([id, d]) => ({
    id,
    text: textOf(d, 'text'),
    order: String(d.get('order')),
    createdAt: strOrNull(d, 'createdAt'),
  }));
  const actions = [...actionsOf(doc).entries()].map(([id, a]) => ({
    id,
    text: textOf(a, 'text'),
    ownerId: String(a.get('ownerId')),
    dueDate: String(a.get('dueDate')),
    done: a.get('done') === true,
    order: String(a.get('order')),
    createdAt: strOrNull(a, 'createdAt'),
    goalId: strOrNull(a, 'goalId'),
    stepId: strOrNull(a, 'stepId'),
  }));
  return {
    notes: meetingNotes(doc)?.toString() ?? '',
    decisions: sortByOrder(decisions),
    actions: sortByOrder(actions),
    perspectives: neutralOrder([...perspectivesOf(doc).keys()] as PerspectiveId[]),
  };
}

/** The notes everyone types in; the server creates it when the document first loads. */
export function meetingNotes(doc: Y.Doc): Y.Text | null {
  const text = notesOf(doc).get('text');
  return text instanceof Y.Text ? text : null;
}

/** Server side: gives the notes their text before anyone types, so two first typists never collide. */
export function ensureMeetingNotes(doc: Y.Doc, origin?: unknown): void {
  if (meetingNotes(doc)) return;
  doc.transact(() => notesOf(doc).set('text', new Y.Text()), origin);
}

const withText = (content: string) => {
  const text = new Y.Text();
  if (content) text.insert(0, content);
  return text;
};

export function addDecision(doc: Y.Doc, text: string, now = new Date()): string {
  const id = newId();
  doc.transact(() => {
    const decision = new Y.Map<unknown>();
    decision.set('text', withText(text));
    decision.set('order', orderKeyAtEnd(readMeetingCase(doc).decisions));
    decision.set('createdAt', now.toISOString());
    decisionsOf(doc).set(id, decision);
  });
  return id;
}

export function removeDecision(doc: Y.Doc, id: string): void {
  decisionsOf(doc).delete(id);
}

export interface NewAction {
  text: string;
  ownerId: string;
  dueDate: string;
}

/** An action always has one owner and a due date; the shape refuses one without. */
export function addAction(doc: Y.Doc, input: NewAction, now = new Date()): string {
  const id = newId();
  doc.transact(() => {
    const action = new Y.Map<unknown>();
    action.set('text', withText(input.text));
    action.set('ownerId', input.ownerId);
    action.set('dueDate', input.dueDate);
    action.set('done', false);
    action.set('order', orderKeyAtEnd(readMeetingCase(doc).actions));
    action.set('createdAt', now.toISOString());
    action.set('goalId', null);
    action.set('stepId', null);
    actionsOf(doc).set(id, action);
  });
  return id;
}

export interface ActionPatch {
  ownerId?: string;
  dueDate?: string;
  done?: boolean;
  goalId?: string | null;
  stepId?: string | null;
}

/** Changes the plain fields of an action; false when there is no such action. */
export function updateAction(doc: Y.Doc, id: string, patch: ActionPatch): boolean {
  const action = actionsOf(doc).get(id);
  if (!action) return false;
  doc.transact(() => {
    for (const [key, v] of Object.entries(patch))
      if (v !== undefined && action.get(key) !== v) action.set(key, v);
  });
  return true;
}

export function removeAction(doc: Y.Doc, id: string): void {
  actionsOf(doc).delete(id);
}

/** The co-edited text of a decision or an action. */
export function itemText(doc: Y.Doc, kind: 'decisions' | 'actions', id: string): Y.Text | null {
  const text = doc.getMap<YRecord>(kind).get(id)?.get('text');
  return text instanceof Y.Text ? text : null;
}

/** Tags (or untags) a perspective as discussed for this case. */
export function tagPerspective(doc: Y.Doc, perspective: PerspectiveId, discussed: boolean): void {
  if (discussed) perspectivesOf(doc).set(perspective, true);
  else perspectivesOf(doc).delete(perspective);
}
