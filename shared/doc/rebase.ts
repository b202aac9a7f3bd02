import * as Y from 'yjs';
import { childShape } from './shape.js';
import type { CollectionShape, DocumentShape, RecordShape, Shape } from './shape.js';
import { fitting, mergeText, plainText, serverKnowledge } from './rebaseText.js';
import type { ServerKnowledge, TextOp } from './rebaseText.js';

/**
 * Rebasing a browser's work on what the server accepts (SPEC C3). When the server refuses a
 * browser's changes, the browser cannot take them out of its Y.Doc: Yjs never forgets an item.
 * So it opens a fresh copy of the server's document and re-applies the local person's changes as
 * new edits, field by field along the document shape. Yjs merges the two (server state plus what
 * the local document has that the server lacks) and the merge is the target; every change in it
 * is checked as the server would: values against their zod schema, texts within their limit,
 * records only with all required fields. What cannot be kept is returned with its text.
 */

export type MapShape = RecordShape | CollectionShape;

/** A value to write as a new edit: a plain value, a text, or a map with its entries. */
export type NewValue =
  | { kind: 'value'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'map'; required: readonly string[]; entries: Map<string, NewValue> };

/** One change to re-apply, addressed by its path of map keys from a root. */
export type RebaseEdit =
  | { kind: 'text'; path: string[]; ops: TextOp[] }
  | { kind: 'set'; path: string[]; key: string; value: NewValue }
  | { kind: 'delete'; path: string[]; key: string };

/**
 * Why something the local person wrote is not kept: a text past its limit (`tooLong`), a value
 * the shape refuses (`invalid`), a record that lacks a required field (`incomplete`), or edits
 * inside something another person removed meanwhile (`removed`).
 */
export type LostReason = 'tooLong' | 'invalid' | 'incomplete' | 'removed';

export interface LostText {
  /** Path of map keys to the field, e.g. `['goals', '<goalId>', 'title']`. */
  path: string[];
  text: string;
  reason: LostReason;
  maxLength?: number;
}

export interface Rebase {
  edits: RebaseEdit[];
  lost: LostText[];
  /** Every text the edits write, with its whole new content (to list should they be refused too). */
  written: { path: string[]; text: string }[];
}

interface Context {
  server: ServerKnowledge;
  edits: RebaseEdit[];
  lost: LostText[];
  written: Rebase['written'];
}

const isMapShape = (shape: Shape): shape is MapShape =>
  shape.kind === 'record' || shape.kind === 'collection';
const alive = (item: Y.Item | undefined): item is Y.Item => !!item && !item.deleted;
const typeOf = (item: Y.Item | undefined) =>
  item?.content instanceof Y.ContentType ? (item.content.type as Y.AbstractType<unknown>) : null;
const valueText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/**
 * Plans how to bring `server` (a fresh copy of the server's document) to the local person's
 * version in `local`, keeping only what `shape` allows. Neither document is changed.
 */
export function rebase(local: Y.Doc, server: Y.Doc, shape: DocumentShape): Rebase {
  const merged = new Y.Doc({ gc: false });
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(server));
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(local, Y.encodeStateVector(server)));
  const context: Context = { server: serverKnowledge(server), edits: [], lost: [], written: [] };
  for (const [name, root] of Object.entries(shape)) {
    if (root.serverOnly) continue; // the server alone writes these (SPEC V8): nothing honest to keep
    walkMap(context, root, merged.getMap(name), rootOf(server, name), rootOf(local, name), [name]);
  }
  merged.destroy();
  return { edits: context.edits, lost: context.lost, written: context.written };
}

/** A root map of a document, or null when the document used that name for something else. */
function rootOf(doc: Y.Doc, name: string): Y.Map<unknown> | null {
  try {
    return doc.getMap(name);
  } catch {
    return null;
  }
}

function walkMap(
  context: Context,
  shape: MapShape,
  merged: Y.Map<unknown>,
  server: Y.Map<unknown> | null,
  local: Y.Map<unknown> | null,
  path: string[],
): void {
  const { knows, shows } = context.server;
  const keys = new Set([...merged._map.keys(), ...(server?._map.keys() ?? [])]);
  for (const key of keys) {
    const at = [...path, key];
    const item = merged._map.get(key);
    const serverItem = server?._map.get(key);
    const field = childShape(shape, key);
    const isLocal = alive(item) && !knows(item.id.client, item.id.clock);
    if (!field) {
      if (isLocal) lose(context, item.content, at, 'invalid');
      continue;
    }
    if (isLocal) {
      const value = build(context, field, item.content, at);
      if (!value) continue;
      context.edits.push({ kind: 'set', path, key, value });
      context.written.push(...textsOf(value, at));
      continue;
    }
    if (alive(item)) {
      // The server's own entry: the local person may have changed what is inside it.
      const mergedType = typeOf(item);
      const serverType = typeOf(serverItem);
      const localType = typeOf(local?._map.get(key));
      if (field.kind === 'text' && mergedType instanceof Y.Text) {
        const change = mergeText(mergedType, context.server, field.maxLength);
        if (!change) continue;
        if (change.ops.length > 0) {
          context.edits.push({ kind: 'text', path: at, ops: change.ops });
          context.written.push({ path: at, text: change.text });
        }
        if (change.cut)
          context.lost.push({ path: at, text: change.cut, reason: 'tooLong', maxLength: field.maxLength });
      } else if (isMapShape(field) && mergedType instanceof Y.Map && serverType instanceof Y.Map) {
        walkMap(context, field, mergedType, serverType, localType instanceof Y.Map ? localType : null, at);
      }
      continue;
    }
    if (alive(serverItem)) {
      // The local person removed it; a required field of a record that stays is never removed alone (V6).
      if (shape.kind === 'record' && shape.required.includes(key)) continue;
      context.edits.push({ kind: 'delete', path, key });
      continue;
    }
    // Gone on both sides. If someone else removed it while the local person was still editing in
    // it, Yjs drops those edits: say so, with their text.
    const localItem = local?._map.get(key);
    if (
      alive(localItem) &&
      knows(localItem.id.client, localItem.id.clock) &&
      !shows(localItem.id.client, localItem.id.clock)
    )
      loseLocalEdits(context, field, localItem.content, at);
  }
}

/** A value created by the local person, checked against its shape; null when it cannot be kept. */
function build(context: Context, shape: Shape, content: Y.Item['content'], path: string[]): NewValue | null {
  const type = content instanceof Y.ContentType ? (content.type as Y.AbstractType<unknown>) : null;
  if (shape.kind === 'value') {
    const value = content instanceof Y.ContentAny && content.arr.length === 1 ? content.arr[0] : undefined;
    if (value === undefined || !shape.schema.safeParse(value).success) {
      lose(context, content, path, 'invalid');
      return null;
    }
    return { kind: 'value', value };
  }
  if (shape.kind === 'text') {
    if (!(type instanceof Y.Text)) {
      lose(context, content, path, 'invalid');
      return null;
    }
    const full = plainText(type);
    const take = fitting(full, shape.maxLength);
    if (take < full.length)
      context.lost.push({ path, text: full.slice(take), reason: 'tooLong', maxLength: shape.maxLength });
    return { kind: 'text', text: full.slice(0, take) };
  }
  if (!(type instanceof Y.Map)) {
    lose(context, content, path, 'invalid');
    return null;
  }
  const entries = new Map<string, NewValue>();
  for (const [key, item] of type._map) {
    if (item.deleted) continue;
    const field = childShape(shape, key);
    if (!field) {
      lose(context, item.content, [...path, key], 'invalid');
      continue;
    }
    const value = build(context, field, item.content, [...path, key]);
    if (value) entries.set(key, value);
  }
  const required = shape.kind === 'record' ? shape.required : [];
  if (required.some((key) => !entries.has(key))) {
    // Without all its required fields the record cannot exist (V4): keep its texts to copy.
    for (const lost of textsOf({ kind: 'map', required, entries }, path))
      context.lost.push({ ...lost, reason: 'incomplete' });
    return null;
  }
  return { kind: 'map', required, entries };
}

/** Something that cannot be kept at all: its text (if it has any) goes to the list. */
function lose(context: Context, content: Y.Item['content'], path: string[], reason: LostReason): void {
  if (content instanceof Y.ContentAny) {
    for (const value of content.arr) context.lost.push({ path, text: valueText(value), reason });
    return;
  }
  if (!(content instanceof Y.ContentType)) return;
  const type = content.type as Y.AbstractType<unknown>;
  if (type instanceof Y.Text) {
    const text = plainText(type);
    if (text) context.lost.push({ path, text, reason });
  } else if (type instanceof Y.Map) {
    for (const [key, item] of type._map)
      if (!item.deleted) lose(context, item.content, [...path, key], reason);
  }
}

/** Texts the local person edited inside something that is gone now. */
function loseLocalEdits(context: Context, shape: Shape, content: Y.Item['content'], path: string[]): void {
  if (!(content instanceof Y.ContentType)) return;
  const type = content.type as Y.AbstractType<unknown>;
  const { knows } = context.server;
  if (shape.kind === 'text' && type instanceof Y.Text) {
    let edited = false;
    for (let item = type._start; item && !edited; item = item.right)
      edited = !item.deleted && !knows(item.id.client, item.id.clock + item.length - 1);
    const text = plainText(type);
    if (edited && text) context.lost.push({ path, text, reason: 'removed' });
    return;
  }
  if (!isMapShape(shape) || !(type instanceof Y.Map)) return;
  for (const [key, item] of type._map) {
    const field = childShape(shape, key);
    if (field && !item.deleted) loseLocalEdits(context, field, item.content, [...path, key]);
  }
}

/** Every text in a new value, with its path. */
function textsOf(value: NewValue, path: string[]): { path: string[]; text: string }[] {
  if (value.kind === 'text') return value.text ? [{ path, text: value.text }] : [];
  if (value.kind === 'value') return [];
  return [...value.entries].flatMap(([key, entry]) => textsOf(entry, [...path, key]));
}

/** The text at a path of map keys, or null. */
export function textAt(doc: Y.Doc, path: readonly string[]): string | null {
  const [root, ...keys] = path;
  let node: unknown = rootOf(doc, root!);
  for (const key of keys) node = node instanceof Y.Map ? node.get(key) : null;
  return node instanceof Y.Text ? plainText(node) : null;
}
