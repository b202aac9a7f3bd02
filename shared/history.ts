import type { DocumentName } from './protocol.js';

/**
 * The change log's vocabulary (SPEC H1, H4): which item of which document a change touched, read
 * from its path in the document. Ids and field names only, never content, so both the change log
 * and the access log can keep it.
 */
export const historyItemKinds = [
  'goal',
  'step',
  'perspective',
  'signal-plan',
  'observation',
  'client-question',
  'client-rating',
  'team-rating',
  'note',
  'meeting-notes',
  'decision',
  'action',
  'agenda-item',
  'discussed-perspective',
] as const;
export type HistoryItemKind = (typeof historyItemKinds)[number];

export const changeActions = ['added', 'changed', 'removed'] as const;
export type ChangeAction = (typeof changeActions)[number];

/** One item a change touched: e.g. the status (field) of goal g1, or step s2 (of goal g1) added. */
export interface ChangedItem {
  kind: HistoryItemKind;
  /** The item's id (a goal id, a life domain of a rating, a signal state); null for one-of items. */
  id: string | null;
  /** The goal of a step; null otherwise. */
  parentId: string | null;
  /** The field that changed; null when the item itself was added or removed. */
  field: string | null;
  action: ChangeAction;
}

/** One place a change touched (see server/sync/touched.ts); `added` when a map entry is new. */
export interface TouchedPath {
  path: readonly string[];
  removed: boolean;
  added?: boolean;
}

/** Moving a card sets its life domain, phase and order together: one move, one field. */
const placeFields = new Set(['order', 'domain', 'phase']);
const fieldName = (field: string) => (placeFields.has(field) ? 'place' : field);

const item = (
  kind: HistoryItemKind,
  id: string | null,
  field: string | null,
  action: ChangeAction,
  parentId: string | null = null,
): ChangedItem => ({ kind, id, parentId, field: field === null ? null : fieldName(field), action });

/** A record in a collection (a goal, a step, a note): added or removed; a field of it: changed. */
function record(
  kind: HistoryItemKind,
  rest: readonly string[],
  removed: boolean,
  parentId: string | null = null,
) {
  const [id, field] = rest;
  if (id === undefined) return null;
  if (field === undefined) return item(kind, id, null, removed ? 'removed' : 'added', parentId);
  return item(kind, id, field, 'changed', parentId);
}

/** A plain value in a collection (a rating, a question): new, replaced or deleted. */
function entry(kind: HistoryItemKind, rest: readonly string[], { removed, added }: TouchedPath) {
  if (rest.length !== 1) return null;
  return item(kind, rest[0]!, null, removed ? 'removed' : added ? 'added' : 'changed');
}

function boardItem(touched: TouchedPath): ChangedItem | null {
  const [root, ...rest] = touched.path;
  switch (root) {
    case 'goals': {
      const [goalId, field, childId, childField] = rest;
      if (goalId === undefined) return null;
      if (field === 'steps' && childId !== undefined) {
        return record(
          'step',
          [childId, ...(childField === undefined ? [] : [childField])],
          touched.removed,
          goalId,
        );
      }
      if (field === undefined) return record('goal', [goalId], touched.removed);
      // A perspective switched on or off for the goal is a change of the goal's perspectives.
      return item('goal', goalId, field, 'changed');
    }
    case 'perspectives':
      return record('perspective', rest.slice(0, 2), touched.removed);
    case 'signalPlan': {
      const [first, second] = rest;
      if (first === undefined) return null;
      if (first === 'green' || first === 'amber' || first === 'red')
        return item('signal-plan', first, second ?? null, 'changed');
      return item('signal-plan', null, first, 'changed');
    }
    case 'observations':
      return entry('observation', rest, touched);
    case 'clientQuestions':
      return entry('client-question', rest, touched);
    case 'clientRatings':
      return entry('client-rating', rest, touched);
    case 'teamRatings':
      return entry('team-rating', rest, touched);
    default:
      return null;
  }
}

/** The chair's clock (time used, started at) is not a change anyone makes to the agenda. */
const clockFields = new Set(['usedMs', 'startedAt']);

function meetingItem(touched: TouchedPath): ChangedItem | null {
  const [root, ...rest] = touched.path;
  // `cases` holds the alias the server wrote with the agenda item: that item says it.
  if (root !== 'agenda' || (rest[1] !== undefined && clockFields.has(rest[1]))) return null;
  return record('agenda-item', rest.slice(0, 2), touched.removed);
}

function meetingCaseItem(touched: TouchedPath): ChangedItem | null {
  const [root, ...rest] = touched.path;
  switch (root) {
    case 'notes':
      return rest.length === 0 ? null : item('meeting-notes', null, rest[0]!, 'changed');
    case 'decisions':
      return record('decision', rest.slice(0, 2), touched.removed);
    case 'actions':
      return record('action', rest.slice(0, 2), touched.removed);
    case 'perspectives':
      return rest.length === 1 ? record('discussed-perspective', rest, touched.removed) : null;
    default:
      return null;
  }
}

/**
 * The item a touched path of a document stands for, or null for what is nobody's change (the
 * chair's clock, the alias the server keeps) and for paths no document of that kind has.
 */
export function changedItem(document: DocumentName, touched: TouchedPath): ChangedItem | null {
  if (document.kind === 'meeting') return meetingItem(touched);
  if (document.kind === 'meeting-case') return meetingCaseItem(touched);
  if (document.part === 'shared') return boardItem(touched);
  const [root, ...rest] = touched.path;
  return root === 'notes' ? record('note', rest.slice(0, 2), touched.removed) : null;
}

/** The client whose file a change is part of: from the document's name, or the agenda item's key. */
export function caseOfChange(document: DocumentName, changed: ChangedItem): string | null {
  if (document.caseId) return document.caseId;
  return changed.kind === 'agenda-item' ? changed.id : null;
}

/** Kinds whose id is a perspective id: a custom one carries a slug of its label. */
const perspectiveKinds = new Set<HistoryItemKind>(['perspective', 'discussed-perspective']);

/**
 * How the access log names an item (`goal:g1`, `step:s2`): ids only. A custom perspective's id is
 * a slug of its label, which is content, so it is named only as a custom perspective.
 */
export function accessLogItem(changed: ChangedItem): string {
  if (changed.id === null) return changed.kind;
  if (perspectiveKinds.has(changed.kind) && changed.id.startsWith('custom-')) return `${changed.kind}:custom`;
  return `${changed.kind}:${changed.id}`;
}
