import * as Y from 'yjs';

/**
 * One place a change touched, as a path from the root: `['goals', 'g1']` (a goal added or removed),
 * `['goals', 'g1', 'status']` (a field set), `['goals', 'g1', 'title']` (typing in a text). Ids and
 * field names only, never content: this is what the change log and the access log keep.
 */
export interface Touched {
  path: string[];
  /** The entry at `path` is gone after the change (a goal, step or field deleted). */
  removed: boolean;
}

interface TypeInternals {
  _item: (Y.Item & { parent: Y.AbstractType<unknown>; parentSub: string | null }) | null;
}

/** The path of a type from its root, or null when it hangs in something deleted. */
function pathOf(type: Y.AbstractType<unknown>): string[] | null {
  const path: string[] = [];
  let current: Y.AbstractType<unknown> = type;
  for (;;) {
    const item = (current as unknown as TypeInternals)._item;
    if (item === null) {
      path.unshift(Y.findRootTypeKey(current));
      return path;
    }
    if (item.deleted || item.parentSub === null) return null;
    path.unshift(item.parentSub);
    current = item.parent;
  }
}

/**
 * What a transaction touched, from Yjs's own record of the types it changed (types created in the
 * same transaction show as the entry of their parent that holds them).
 */
export function touchedBy(transaction: Y.Transaction): Touched[] {
  const touched: Touched[] = [];
  for (const [type, keys] of transaction.changed) {
    const base = pathOf(type as Y.AbstractType<unknown>);
    if (!base) continue;
    for (const key of keys) {
      if (key === null) touched.push({ path: base, removed: false });
      else
        touched.push({
          path: [...base, key],
          removed: type instanceof Y.Map && !type.has(key),
        });
    }
  }
  return touched;
}
