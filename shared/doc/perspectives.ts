import * as Y from 'yjs';
import type { DefaultPerspective, PerspectiveId } from '../domain.js';
import { defaultPerspectives } from '../domain.js';
import { foldName } from '../search.js';
import { defaultPerspectiveNamesEn, defaultPerspectiveNamesNl } from '../vocabulary.js';
import { goalsOf, newId, perspectivesOf } from './board.js';
import type { PerspectiveState } from './board.js';

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

/** How long a custom perspective's label may be (the shape allows no more). */
export const perspectiveLabelMaxLength = 60;

export { defaultPerspectiveNamesEn } from '../vocabulary.js';

/** A label as it is stored: trimmed, inner spaces kept single, at most the length limit. */
export function cleanPerspectiveLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').slice(0, perspectiveLabelMaxLength).trim();
}

/** Why a label cannot name a custom perspective: empty, or the name of one that exists. */
export type PerspectiveLabelProblem = { kind: 'empty' } | { kind: 'duplicate'; existing: PerspectiveId };

const sameName = (a: string, b: string) =>
  foldName(cleanPerspectiveLabel(a)) === foldName(cleanPerspectiveLabel(b));

/**
 * Whether `label` may name a custom perspective (a new one, or `renaming` under a new name): not
 * empty, and no other perspective, custom or default (in Dutch or English), carries the same name
 * once case and accents are set aside ("patient" is "Patiënt"). Null when it may.
 */
export function perspectiveLabelProblem(
  doc: Y.Doc,
  label: string,
  renaming?: PerspectiveId,
): PerspectiveLabelProblem | null {
  if (!cleanPerspectiveLabel(label)) return { kind: 'empty' };
  for (const id of defaultPerspectives) {
    if (sameName(label, defaultPerspectiveNamesNl[id]) || sameName(label, defaultPerspectiveNamesEn[id])) {
      return { kind: 'duplicate', existing: id };
    }
  }
  for (const [id, map] of perspectivesOf(doc).entries()) {
    const existing = str(map, 'label');
    if (id !== renaming && existing && sameName(label, existing)) {
      return { kind: 'duplicate', existing: id as PerspectiveId };
    }
  }
  return null;
}

/** Thrown when a label is refused; the UI asks `perspectiveLabelProblem` first and names the problem. */
export class PerspectiveLabelRefused extends Error {
  constructor(readonly problem: PerspectiveLabelProblem) {
    super(
      problem.kind === 'empty'
        ? 'a perspective needs a name'
        : `a perspective with this name exists already (${problem.existing})`,
    );
    this.name = 'PerspectiveLabelRefused';
  }
}

function refuseProblem(doc: Y.Doc, label: string, renaming?: PerspectiveId): void {
  const problem = perspectiveLabelProblem(doc, label, renaming);
  if (problem) throw new PerspectiveLabelRefused(problem);
}

/**
 * Adds a custom perspective (e.g. informal carer), switched on; returns its id. Refuses an empty
 * label and one that names an existing perspective (`PerspectiveLabelRefused`).
 */
export function addCustomPerspective(doc: Y.Doc, label: string): PerspectiveId {
  refuseProblem(doc, label);
  const slug = foldName(label)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 24);
  const id = `custom-${slug ? `${slug}-` : ''}${newId().slice(0, 6)}` as PerspectiveId;
  doc.transact(() => {
    const map = perspectiveMap(doc, id);
    map.set('label', cleanPerspectiveLabel(label));
    map.set('addedAt', nextAddedAt(doc));
    map.set('active', true);
  });
  return id;
}

/**
 * A perspective as an exported case holds it (SPEC FH6), written with its own id, name, place
 * and texts into a board that does not have it filled in yet.
 */
export function writePerspective(doc: Y.Doc, p: PerspectiveState): void {
  doc.transact(() => {
    const map = perspectiveMap(doc, p.id);
    if (p.label && !isDefaultPerspective(p.id)) map.set('label', cleanPerspectiveLabel(p.label));
    if (p.addedAt) map.set('addedAt', p.addedAt);
    map.set('active', p.active);
    map.set('leadId', p.leadId);
    for (const field of ['situation', 'strengths', 'concerns'] as const) {
      const text = perspectiveText(doc, p.id, field);
      if (text.length === 0 && p[field]) text.insert(0, p[field]);
    }
  });
}

/** Default perspectives are named by the UI's translations and are never renamed or removed. */
export const isDefaultPerspective = (id: string): id is DefaultPerspective =>
  (defaultPerspectives as readonly string[]).includes(id);

function customMap(doc: Y.Doc, id: PerspectiveId): YRecord {
  const map = perspectivesOf(doc).get(id);
  if (isDefaultPerspective(id))
    throw new Error(`${id} is a default perspective: it can only be switched off`);
  if (!map) throw new Error(`no perspective ${id}`);
  return map;
}

/** Gives a custom perspective another name, by the same rules as adding one. */
export function renamePerspective(doc: Y.Doc, id: PerspectiveId, label: string): void {
  const map = customMap(doc, id);
  refuseProblem(doc, label, id);
  doc.transact(() => map.set('label', cleanPerspectiveLabel(label)));
}

/** The goals that serve this perspective: what removing it would take it off. */
export function goalsWithPerspective(doc: Y.Doc, id: PerspectiveId): string[] {
  const ids: string[] = [];
  for (const [goalId, goal] of goalsOf(doc).entries()) {
    const set = goal.get('perspectives');
    if (set instanceof Y.Map && set.has(id)) ids.push(goalId);
  }
  return ids;
}

/**
 * Removes a custom perspective and, in the same transaction, takes it off every goal that served
 * it, so no goal points at a perspective that is gone. Meeting documents and minutes are history
 * and keep what they noted. Default perspectives are never removed, only switched off.
 */
export function removePerspective(doc: Y.Doc, id: PerspectiveId): void {
  customMap(doc, id);
  doc.transact(() => {
    for (const goalId of goalsWithPerspective(doc, id)) {
      (goalsOf(doc).get(goalId)!.get('perspectives') as Y.Map<true>).delete(id);
    }
    perspectivesOf(doc).delete(id);
  });
}
