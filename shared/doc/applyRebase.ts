import * as Y from 'yjs';
import type { NewValue, RebaseEdit } from './rebase.js';
import { fitting } from './rebaseText.js';

/**
 * Applies a rebase (`rebase.ts`) to a document holding the server's state, as new edits of this
 * document's client, in transactions small enough that no single update passes the server's
 * message limit: a long offline session whose one sync message was too large (4413) goes back
 * in pieces. A record is created in one transaction with its required fields (SPEC V4); long
 * texts and optional fields follow in transactions of their own.
 */

interface Step {
  /** Rough size of the update this step makes, in bytes. */
  cost: number;
  run(doc: Y.Doc): void;
}

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;
/** What Yjs adds around each change (ids, parent, key): generous, so estimates stay above the truth. */
const overhead = 48;

/** Cuts a text into pieces of at most `size` code units, never inside a character. */
export function chunks(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let rest = text; rest.length > 0;) {
    const take = Math.max(1, fitting(rest, size));
    pieces.push(rest.slice(0, take));
    rest = rest.slice(take);
  }
  return pieces;
}

/** The map or text at a path of map keys in `doc`, or null when it is not there. */
function resolve(doc: Y.Doc, path: readonly string[]): Y.Map<unknown> | Y.Text | null {
  const [root, ...keys] = path;
  let node: unknown = doc.getMap(root!);
  for (const key of keys) node = node instanceof Y.Map ? node.get(key) : null;
  return node instanceof Y.Map || node instanceof Y.Text ? node : null;
}

const mapAt = (doc: Y.Doc, path: readonly string[]) => {
  const node = resolve(doc, path);
  return node instanceof Y.Map ? node : null;
};
const textAt = (doc: Y.Doc, path: readonly string[]) => {
  const node = resolve(doc, path);
  return node instanceof Y.Text ? node : null;
};

/** Steps inserting `text` at `index` of the text at `path`, piece by piece. */
function insertSteps(path: string[], index: number, text: string, pieceSize: number): Step[] {
  let at = index;
  return chunks(text, pieceSize).map((piece) => {
    const offset = at;
    at += piece.length;
    return { cost: bytes(piece) + overhead, run: (doc) => textAt(doc, path)?.insert(offset, piece) };
  });
}

/**
 * A new value as it is created in one step (`create`), with what follows in later steps: the
 * rest of long texts, optional fields and entries of collections.
 */
function skeleton(
  value: NewValue,
  path: string[],
  pieceSize: number,
): { cost: number; create(): unknown; later: Step[] } {
  if (value.kind === 'value') {
    const v = value.value;
    return { cost: bytes(JSON.stringify(v) ?? '') + overhead, create: () => v, later: [] };
  }
  if (value.kind === 'text') {
    // Created empty and filled piece by piece: the steps that fit go in the same transaction.
    return { cost: overhead, create: () => new Y.Text(), later: insertSteps(path, 0, value.text, pieceSize) };
  }
  const parts = new Map<string, ReturnType<typeof skeleton>>();
  const later: Step[] = [];
  let cost = overhead;
  for (const [key, entry] of value.entries) {
    if (!value.required.includes(key)) continue;
    const part = skeleton(entry, [...path, key], pieceSize);
    parts.set(key, part);
    cost += part.cost;
    later.push(...part.later);
  }
  for (const [key, entry] of value.entries) {
    if (!value.required.includes(key)) later.push(...setSteps(path, key, entry, pieceSize));
  }
  return {
    cost,
    create: () => {
      const map = new Y.Map<unknown>();
      for (const [key, part] of parts) map.set(key, part.create());
      return map;
    },
    later,
  };
}

function setSteps(path: string[], key: string, value: NewValue, pieceSize: number): Step[] {
  const { cost, create, later } = skeleton(value, [...path, key], pieceSize);
  return [{ cost, run: (doc) => mapAt(doc, path)?.set(key, create()) }, ...later];
}

function stepsOf(edit: RebaseEdit, pieceSize: number): Step[] {
  if (edit.kind === 'delete')
    return [{ cost: overhead, run: (doc) => mapAt(doc, edit.path)?.delete(edit.key) }];
  if (edit.kind === 'set') return setSteps(edit.path, edit.key, edit.value, pieceSize);
  return edit.ops.flatMap((op) => [
    ...(op.remove > 0
      ? [{ cost: overhead, run: (doc: Y.Doc) => textAt(doc, edit.path)?.delete(op.index, op.remove) }]
      : []),
    ...insertSteps(edit.path, op.index, op.insert, pieceSize),
  ]);
}

export interface ApplyOptions {
  /** No transaction's update should be larger than this (default 8 KiB). */
  maxUpdateBytes?: number;
  /** The transaction origin, so observers can tell the re-applied edits from typing. */
  origin?: unknown;
}

/** Applies the edits in order, in as few transactions as the size bound allows; returns how many. */
export function applyRebase(doc: Y.Doc, edits: RebaseEdit[], options: ApplyOptions = {}): number {
  const maxBytes = Math.max(1024, options.maxUpdateBytes ?? 8 * 1024);
  // A UTF-16 code unit is at most three bytes of UTF-8.
  const pieceSize = Math.floor((maxBytes - 4 * overhead) / 3);
  const steps = edits.flatMap((edit) => stepsOf(edit, pieceSize));
  let transactions = 0;
  for (let i = 0; i < steps.length;) {
    const group: Step[] = [steps[i]!];
    let cost = steps[i]!.cost;
    for (i++; i < steps.length && cost + steps[i]!.cost <= maxBytes; i++) {
      group.push(steps[i]!);
      cost += steps[i]!.cost;
    }
    doc.transact(() => {
      for (const step of group) step.run(doc);
    }, options.origin ?? null);
    transactions++;
  }
  return transactions;
}
