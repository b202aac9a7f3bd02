import * as Y from 'yjs';
import {
  addStep,
  createGoal,
  goalText,
  moveGoal,
  perspectivesOf,
  readBoard,
} from '../../shared/doc/board.js';
import { perspectiveText } from '../../shared/doc/perspectives.js';
import type { PerspectiveTextField } from '../../shared/doc/perspectives.js';
import { defaultPerspectives, lifeDomains, recoveryPhases } from '../../shared/domain.js';
import type { LifeDomain, RecoveryPhase } from '../../shared/domain.js';
import { connectClient } from './clients.js';
import type { SyncClient } from './clients.js';

/**
 * People editing a board through stock providers, with a record of every edit they made, so a
 * test can tell afterwards whether each one is on the server. Edits are typing (unique tokens
 * ending in `;`, in shared perspective texts and in the editor's own goal), adding steps and moving
 * the editor's own goal card.
 */
export interface Editor {
  /** Unique per board: starts every token this editor types. */
  letter: string;
  client: SyncClient;
  goalId: string;
  made: number;
  /** When the provider last became synced (ms since the epoch). */
  syncedAt: number;
}

/** Everything the editors of one board did. */
export interface BoardRecord {
  /** Tokens typed per text: `goal:<id>:title`, `goal:<id>:clientWords`, `perspective:<id>:<field>`. */
  texts: Map<string, string[]>;
  steps: Map<string, { goalId: string; text: string }>;
  /** The last cell each goal was moved to by its editor. */
  cells: Map<string, { domain: LifeDomain; phase: RecoveryPhase }>;
}

export const emptyRecord = (): BoardRecord => ({ texts: new Map(), steps: new Map(), cells: new Map() });

const fields: PerspectiveTextField[] = ['situation', 'strengths', 'concerns'];

/** A small seeded random generator (mulberry32), so a run's mix of edits can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Opens a provider for `letter` on `documentName`; `syncedAt` follows its sync events. */
export function openEditor(
  url: string,
  documentName: string,
  headers: Record<string, string>,
  letter: string,
): Editor {
  const client = connectClient(url, documentName, new Y.Doc(), headers);
  const editor: Editor = { letter, client, goalId: '', made: 0, syncedAt: 0 };
  client.provider.on('sync', (isSynced: boolean) => {
    if (isSynced) editor.syncedAt = Date.now();
  });
  return editor;
}

const push = (record: BoardRecord, key: string, token: string) =>
  record.texts.set(key, [...(record.texts.get(key) ?? []), token]);

/** The editor's own card; call once its provider synced. */
export function createOwnGoal(editor: Editor, record: BoardRecord): void {
  editor.goalId = createGoal(editor.client.doc, {
    title: `G${editor.letter};`,
    domain: 'care',
    phase: 'treatment',
  });
  push(record, `goal:${editor.goalId}:title`, `G${editor.letter}`);
  record.cells.set(editor.goalId, { domain: 'care', phase: 'treatment' });
}

/** One edit, chosen by `random`, made in the editor's document (online or not) and recorded. */
export function editOnce(editor: Editor, record: BoardRecord, random: () => number): void {
  const doc = editor.client.doc;
  const token = `${editor.letter}${++editor.made}`;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const type = (text: Y.Text, key: string) => {
    text.insert(random() < 0.5 ? 0 : text.length, `${token};`);
    push(record, key, token);
  };
  const r = random();
  const title = goalText(doc, editor.goalId, 'title');
  if (r < 0.35) {
    const id = pick(defaultPerspectives);
    const field = pick(fields);
    type(perspectiveText(doc, id, field), `perspective:${id}:${field}`);
  } else if (r < 0.55) {
    type(goalText(doc, editor.goalId, 'clientWords'), `goal:${editor.goalId}:clientWords`);
  } else if (r < 0.65 && title.length < 280) {
    type(title, `goal:${editor.goalId}:title`);
  } else if (r < 0.8) {
    const stepId = addStep(doc, editor.goalId, { text: token });
    record.steps.set(stepId, { goalId: editor.goalId, text: token });
  } else {
    const to = { domain: pick(lifeDomains), phase: pick(recoveryPhases), index: Math.floor(random() * 3) };
    moveGoal(doc, editor.goalId, to);
    record.cells.set(editor.goalId, { domain: to.domain, phase: to.phase });
  }
}

const tokensOf = (text: string) => text.split(';').filter(Boolean).sort();

/**
 * Compares what a board holds with what its editors did. Returns how many edits are missing (a
 * token, a step, a card not in the cell it was last moved to) and a description of each.
 */
export function missingEdits(doc: Y.Doc, record: BoardRecord): { lost: number; problems: string[] } {
  const board = readBoard(doc);
  const goals = new Map(board.goals.map((g) => [g.id, g]));
  const problems: string[] = [];
  let lost = 0;
  for (const [key, typed] of record.texts) {
    const [kind, id, field] = key.split(':') as [string, string, string];
    const goal = goals.get(id);
    const text =
      kind === 'perspective'
        ? String(perspectivesOf(doc).get(id)?.get(field) ?? '') // read only: never creates the entry
        : ((goal?.[field as 'title' | 'clientWords'] as string | undefined) ?? '');
    const have = new Set(tokensOf(text));
    const missing = typed.filter((t) => !have.has(t));
    lost += missing.length;
    if (missing.length > 0) problems.push(`${key}: ${missing.length} tokens missing, e.g. ${missing[0]}`);
    if (tokensOf(text).join() !== [...typed].sort().join() && missing.length === 0)
      problems.push(`${key}: holds tokens nobody typed there`);
  }
  for (const [stepId, step] of record.steps) {
    const found = goals.get(step.goalId)?.steps.find((s) => s.id === stepId);
    if (found?.text === step.text) continue;
    lost++;
    problems.push(`step ${stepId} of ${step.goalId} missing`);
  }
  for (const [goalId, cell] of record.cells) {
    const goal = goals.get(goalId);
    if (goal?.domain === cell.domain && goal.phase === cell.phase) continue;
    lost++;
    problems.push(`goal ${goalId} is not in ${cell.domain}/${cell.phase}`);
  }
  return { lost, problems };
}
