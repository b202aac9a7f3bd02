import { useState, useSyncExternalStore } from 'react';
import type { LatestAnswer, LatestChange } from '../../../../shared/historyApi.js';
import { useEventStream } from '../../useEventStream.js';

/**
 * Who changed each goal and perspective of the board last (SPEC H3), as the server's stream tells
 * it. A card subscribes to its own item, so a change re-renders that card only.
 */
export class LatestChanges {
  private readonly items = new Map<string, LatestChange>();
  private readonly listeners = new Set<() => void>();
  /** Goes up with every change heard, e.g. to offer the history panel's newest rows. */
  version = 0;

  apply(changes: readonly LatestChange[]): void {
    for (const change of changes) {
      const key = `${change.kind}:${change.itemId}`;
      const before = this.items.get(key);
      if (!before || before.at <= change.at) this.items.set(key, change);
    }
    this.version++;
    for (const listener of this.listeners) listener();
  }

  get(kind: LatestChange['kind'], itemId: string): LatestChange | null {
    return this.items.get(`${kind}:${itemId}`) ?? null;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The board's latest changes, kept fresh over one stream for as long as the board is open. */
export function useLatestChanges(caseId: string): LatestChanges {
  const [store] = useState(() => new LatestChanges());
  useEventStream(`/api/cases/${encodeURIComponent(caseId)}/history/stream`, {
    latest: (data) => store.apply((data as LatestAnswer).latest),
  });
  return store;
}

/** The latest change of one goal or perspective; re-renders only when that one changes. */
export function useLatestChange(store: LatestChanges, kind: LatestChange['kind'], itemId: string) {
  return useSyncExternalStore(store.subscribe, () => store.get(kind, itemId));
}

/** The store's version, for whoever wants to know that something changed at all. */
export function useLatestVersion(store: LatestChanges): number {
  return useSyncExternalStore(store.subscribe, () => store.version);
}
