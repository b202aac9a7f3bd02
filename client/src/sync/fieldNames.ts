import type { TFunction } from 'i18next';
import * as Y from 'yjs';
import { textAt } from '../../../shared/doc/rebase.js';
import { parseDocumentName } from '../../../shared/protocol.js';
import '../i18n/nl/board.js';
import '../i18n/nl/recovery.js';
import '../i18n/nl/sync.js';

/**
 * Which field of which document something was typed in, in words a person recognises ("Titel
 * van doel ‘Werk vinden’"): `key` picks the sentence (`sync.field.<key>`), `names` fills it in.
 * Read from the document when the text is listed, so the name stays when the goal is gone.
 */
export interface FieldName {
  key: string;
  names: Record<string, string>;
}

const short = (text: string | null, max = 40) => {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

const valueAt = (doc: Y.Doc, path: readonly string[]): unknown => {
  const [root, ...keys] = path;
  let node: unknown = doc.getMap(root!);
  for (const key of keys) node = node instanceof Y.Map ? node.get(key) : undefined;
  return node;
};

const goalTexts = new Set(['title', 'clientWords']);
const perspectiveTexts = new Set(['situation', 'strengths', 'concerns']);
const signalTexts = new Set(['signs', 'triggers', 'clientActions', 'networkActions', 'professionalActions']);

function boardField(doc: Y.Doc, path: readonly string[]): FieldName | null {
  const [root, id, field, stepId, stepField] = path;
  if (root === 'goals' && id) {
    const goal = short(textAt(doc, ['goals', id, 'title']));
    if (field === 'steps' && stepId && stepField === 'text') return { key: 'stepText', names: { goal } };
    if (field && goalTexts.has(field) && path.length === 3) return { key: `goal.${field}`, names: { goal } };
    return { key: 'goal.other', names: { goal } };
  }
  if (root === 'perspectives' && id) {
    const label = valueAt(doc, ['perspectives', id, 'label']);
    const names = { perspectiveId: id, perspective: typeof label === 'string' ? short(label) : '' };
    if (field && perspectiveTexts.has(field)) return { key: `perspective.${field}`, names };
    return { key: 'perspective.other', names };
  }
  if (root === 'signalPlan') {
    if (id === 'protectiveFactors') return { key: 'signalPlan.protectiveFactors', names: {} };
    if (id && field && signalTexts.has(field)) return { key: `signalPlan.${field}`, names: { state: id } };
    return { key: 'signalPlan.other', names: {} };
  }
  if (root === 'teamRatings' && id) return { key: 'teamRating', names: { domain: id } };
  return null;
}

function meetingField(
  doc: Y.Doc,
  kind: 'meeting' | 'meeting-case',
  path: readonly string[],
): FieldName | null {
  const [root, id, field] = path;
  if (kind === 'meeting') {
    if (root !== 'agenda' || !id) return null;
    const alias = valueAt(doc, ['cases', id, 'alias']);
    return { key: 'agendaQuestion', names: { alias: typeof alias === 'string' ? alias : '' } };
  }
  if (root === 'notes') return { key: 'meetingNotes', names: {} };
  if ((root === 'decisions' || root === 'actions') && field === 'text')
    return { key: root === 'decisions' ? 'decision' : 'action', names: {} };
  return null;
}

/** The words for the field at `path` of the document called `documentName`. */
export function describeField(doc: Y.Doc, documentName: string, path: readonly string[]): FieldName {
  const name = parseDocumentName(documentName);
  let field: FieldName | null = null;
  try {
    if (name?.kind === 'case' && name.part === 'shared') field = boardField(doc, path);
    else if (name?.kind === 'case')
      field = path[0] === 'notes' ? { key: 'note', names: { part: name.part } } : null;
    else if (name) field = meetingField(doc, name.kind, path);
  } catch {
    field = null; // a root of another kind in a refused document: name it plainly
  }
  return field ?? { key: 'other', names: {} };
}

/** The field in words, with perspectives, signal states, life domains and parts translated. */
export function fieldLabel(t: TFunction, field: FieldName): string {
  const { perspectiveId, perspective, state, domain, part, goal, ...rest } = field.names;
  const names: Record<string, string> = { ...rest };
  if (goal !== undefined) names.goal = goal || t('goal.untitled');
  if (perspectiveId !== undefined)
    names.perspective = perspective || t(`perspective.${perspectiveId}`, { defaultValue: perspectiveId });
  if (state !== undefined)
    names.state = t(`signalState.name.${state}`, { defaultValue: state }).toLowerCase();
  if (domain !== undefined) names.domain = t(`domain.${domain}`, { defaultValue: domain });
  if (part !== undefined) names.part = t(`sync.field.part.${part}`, { defaultValue: part });
  return t(`sync.field.${field.key}`, { ...names, defaultValue: t('sync.field.other') });
}
