import { useSyncExternalStore } from 'react';

/**
 * The sentence "Lees mijn plan voor" is reading, across every section of the plan. A store
 * outside React, so only the sentences whose key matches re-render (each `Sentences` selects
 * by its own key prefix).
 */
let current: string | null = null;
const listeners = new Set<() => void>();

export function setWholePlanSentence(key: string | null): void {
  current = key;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** The key being read aloud for the whole plan if it starts with `prefix` (this block's keys), else null. */
export function useWholePlanSentence(prefix: string): string | null {
  return useSyncExternalStore(subscribe, () => (current?.startsWith(prefix) ? current : null));
}
