import type * as Y from 'yjs';

/** The one splice that turns `previous` into `next`: what the user typed, pasted or deleted. */
export function textChange(
  previous: string,
  next: string,
): { index: number; remove: number; insert: string } {
  let start = 0;
  while (start < previous.length && start < next.length && previous[start] === next[start]) start++;
  let end = 0;
  while (
    end < previous.length - start &&
    end < next.length - start &&
    previous[previous.length - 1 - end] === next[next.length - 1 - end]
  ) {
    end++;
  }
  return {
    index: start,
    remove: previous.length - start - end,
    insert: next.slice(start, next.length - end),
  };
}

/**
 * Maps a cursor position through a remote text change, so the cursor stays where it was. Text
 * inserted exactly at the cursor goes after it: two people typing at the same spot at once then
 * each keep writing behind their own letters instead of their words interleaving.
 */
export function transformPosition(position: number, delta: Y.YTextEvent['delta']): number {
  let index = 0;
  let result = position;
  for (const op of delta) {
    if (op.retain !== undefined) index += op.retain;
    else if (typeof op.insert === 'string') {
      if (index < position) result += op.insert.length;
      index += op.insert.length;
    } else if (op.delete !== undefined) {
      if (index < position) result -= Math.min(op.delete, position - index);
    }
  }
  return Math.max(0, result);
}
