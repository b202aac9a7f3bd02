import * as Y from 'yjs';
import type { PerspectiveId } from '../domain.js';
import { defaultPerspectives } from '../domain.js';
import { newId, perspectivesOf } from './board.js';

/** Writing a client's perspectives (lenses): switched on or off, their texts and lead. */
type YRecord = Y.Map<unknown>;
const str = (map: YRecord, key: string): string | null => {
  const v = map.get(key);
  return typeof v === 'string' ? v : null;
};

function emptyPerspective(): YRecord {
  const map = new Y.Map<unknown>();
  map.set('active', false);
  map.set('situation', new Y.Text());
  map.set('strengths', new Y.Text());
  map.set('concerns', new Y.Text());
  map.set('leadId', null);
  return map;
}

function perspectiveMap(doc: Y.Doc, id: PerspectiveId): YRecord {
  const stored = perspectivesOf(doc);
  let map = stored.get(id);
  if (!map) {
    map = emptyPerspective();
    stored.set(id, map);
  }
  return map;
}

/**
 * Gives the board an entry for every default perspective before anyone writes in one: two people
 * switching on the same lens at once would otherwise each create it, and Yjs keeps only one of
 * the two entries, with the other person's typing in it. Returns whether it wrote anything.
 */
export function ensureDefaultPerspectives(doc: Y.Doc, origin: unknown = null): boolean {
  const stored = perspectivesOf(doc);
  const missing = defaultPerspectives.filter((id) => !stored.has(id));
  if (missing.length === 0) return false;
  doc.transact(() => {
    for (const id of missing) stored.set(id, emptyPerspective());
  }, origin);
  return true;
}

/** Switches a perspective on or off for this client; its texts are kept either way. */
export function setPerspectiveActive(doc: Y.Doc, id: PerspectiveId, active: boolean): void {
  doc.transact(() => perspectiveMap(doc, id).set('active', active));
}

export function setPerspectiveLead(doc: Y.Doc, id: PerspectiveId, leadId: string | null): void {
  doc.transact(() => perspectiveMap(doc, id).set('leadId', leadId));
}

export type PerspectiveTextField = 'situation' | 'strengths' | 'concerns';

/** The co-edited text of a perspective; creates the perspective's entry if it has none yet. */
export function perspectiveText(doc: Y.Doc, id: PerspectiveId, field: PerspectiveTextField): Y.Text {
  let result: Y.Text | undefined;
  doc.transact(() => {
    result = perspectiveMap(doc, id).get(field) as Y.Text;
  });
  return result!;
}

/**
 * A timestamp later than every custom perspective's, so customs added within one millisecond
 * keep the order they were added instead of falling back to their id (which holds the label).
 */
function nextAddedAt(doc: Y.Doc): string {
  let at = Date.now();
  for (const map of perspectivesOf(doc).values()) {
    const previous = Date.parse(str(map, 'addedAt') ?? '');
    if (previous >= at) at = previous + 1;
  }
  return new Date(at).toISOString();
}

/** Adds a custom perspective (e.g. informal carer), switched on; returns its id. */
export function addCustomPerspective(doc: Y.Doc, label: string): PerspectiveId {
  const slug = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 24);
  const id = `custom-${slug ? `${slug}-` : ''}${newId().slice(0, 6)}` as PerspectiveId;
  doc.transact(() => {
    const map = perspectiveMap(doc, id);
    map.set('label', label.trim().slice(0, 60));
    map.set('addedAt', nextAddedAt(doc));
    map.set('active', true);
  });
  return id;
}
