import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Anything ordered on the board by a fractional-index key; ties are broken by id. */
export interface Ordered {
  id: string;
  order: string;
}

/** Orders by fractional key, then by id, so every screen shows concurrent inserts the same way. */
export function compareByOrder(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortByOrder<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort(compareByOrder);
}

/** The key for a new item placed after every item of the list. */
export function orderKeyAtEnd(items: readonly Ordered[]): string {
  const last = sortByOrder(items).at(-1);
  return generateKeyBetween(last?.order ?? null, null);
}

export interface OrderPlan {
  /** The key the moved item gets. */
  order: string;
  /** Other items that must get a new key too (only when neighbours shared one key). */
  rekeyed: Map<string, string>;
}

/**
 * Plans the key for placing `movingId` at `targetIndex` of a list (the list as shown, with or
 * without the moving item in it). Normally one key between the two neighbours; when the
 * neighbours share a key (two people inserted at one spot at once) the whole list is rekeyed.
 */
export function planOrder(items: readonly Ordered[], movingId: string, targetIndex: number): OrderPlan {
  const others = sortByOrder(items.filter((item) => item.id !== movingId));
  const index = Math.max(0, Math.min(targetIndex, others.length));
  const before = others[index - 1]?.order ?? null;
  const after = others[index]?.order ?? null;
  if (before === null || after === null || before < after) {
    return { order: generateKeyBetween(before, after), rekeyed: new Map() };
  }
  const keys = generateNKeysBetween(null, null, others.length + 1);
  const rekeyed = new Map<string, string>();
  const placed = [...others.slice(0, index), { id: movingId }, ...others.slice(index)];
  placed.forEach((item, i) => {
    if (item.id !== movingId) rekeyed.set(item.id, keys[i]!);
  });
  return { order: keys[index]!, rekeyed };
}
