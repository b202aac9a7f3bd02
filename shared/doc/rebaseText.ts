import * as Y from 'yjs';

/** One edit of a text, applied in order: at `index`, remove `remove` characters, then insert `insert`. */
export interface TextOp {
  index: number;
  remove: number;
  insert: string;
}

/** What the server knows: its state vector and which of its items are deleted. */
export interface ServerKnowledge {
  /** The server has this item (it may have deleted it since). */
  knows(client: number, clock: number): boolean;
  /** The server has this item and shows it. */
  shows(client: number, clock: number): boolean;
}

/** Reads once what the server copy holds, so each character can be asked about in constant time. */
export function serverKnowledge(server: Y.Doc): ServerKnowledge {
  const vector = Y.decodeStateVector(Y.encodeStateVector(server));
  const deleted = Y.createDeleteSetFromStructStore(server.store);
  const knows = (client: number, clock: number) => clock < (vector.get(client) ?? 0);
  return {
    knows,
    shows: (client, clock) => knows(client, clock) && !Y.isDeleted(deleted, Y.createID(client, clock)),
  };
}

type Run = { kind: 'keep' | 'insert'; text: string } | { kind: 'remove'; length: number };

/**
 * The local person's changes to a text the server also has, as runs over the server's text: the
 * merged text (server and local together, as Yjs merges them) is walked character by character;
 * characters the server lacks are the local person's insertions, server characters the merge
 * no longer shows are the local person's deletions.
 */
function localRuns(merged: Y.Text, server: ServerKnowledge): Run[] {
  const runs: Run[] = [];
  const push = (run: Run) => {
    const last = runs.at(-1);
    if (last?.kind === 'remove' && run.kind === 'remove') last.length += run.length;
    else if (last && last.kind !== 'remove' && last.kind === run.kind) last.text += (run as typeof last).text;
    else runs.push(run);
  };
  for (let item = merged._start; item; item = item.right) {
    const content = item.content;
    // Only plain text counts; formatting or embeds never reach the server (SPEC V3).
    if (!(content instanceof Y.ContentString) && !(content instanceof Y.ContentDeleted)) continue;
    const { client, clock } = item.id;
    for (let offset = 0; offset < item.length; offset++) {
      const char = content instanceof Y.ContentString ? content.str[offset]! : '';
      if (server.knows(client, clock + offset)) {
        if (!server.shows(client, clock + offset)) continue;
        push(item.deleted ? { kind: 'remove', length: 1 } : { kind: 'keep', text: char });
      } else if (!item.deleted && char) {
        push({ kind: 'insert', text: char });
      }
    }
  }
  return runs;
}

/** How many code units of `text` fit in `room`, never splitting a character outside the basic plane. */
export function fitting(text: string, room: number): number {
  if (room >= text.length) return text.length;
  if (room <= 0) return 0;
  const high = text.charCodeAt(room - 1);
  return high >= 0xd800 && high <= 0xdbff ? room - 1 : room;
}

export interface TextMerge {
  ops: TextOp[];
  /** The text once the ops are applied: what the local person sees, cut to the limit. */
  text: string;
  /** What the local person typed that did not fit within `maxLength`. */
  cut: string;
}

/**
 * The edits that bring the server's text to the merged one, within `maxLength`; null when the
 * local person changed nothing in it. Typing past the limit is cut from the end of what the
 * local person typed, the server's text stays whole.
 */
export function mergeText(merged: Y.Text, server: ServerKnowledge, maxLength: number): TextMerge | null {
  const runs = localRuns(merged, server);
  if (!runs.some((r) => r.kind !== 'keep')) return null;
  const kept = runs.reduce((n, r) => n + (r.kind === 'keep' ? r.text.length : 0), 0);
  let room = maxLength - kept;
  let index = 0;
  let text = '';
  let cut = '';
  const ops: TextOp[] = [];
  for (const run of runs) {
    if (run.kind === 'keep') {
      index += run.text.length;
      text += run.text;
    } else if (run.kind === 'remove') {
      ops.push({ index, remove: run.length, insert: '' });
    } else {
      const take = fitting(run.text, room);
      room -= take;
      cut += run.text.slice(take);
      if (take === 0) continue;
      ops.push({ index, remove: 0, insert: run.text.slice(0, take) });
      index += take;
      text += run.text.slice(0, take);
    }
  }
  return { ops, text, cut };
}

/** The plain text of a `Y.Text`: its characters without formatting or embeds. */
export function plainText(text: Y.Text): string {
  let result = '';
  for (let item = text._start; item; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentString) result += item.content.str;
  }
  return result;
}
