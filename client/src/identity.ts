import { useSyncExternalStore } from 'react';

/**
 * Who is working in this browser, chosen from the professionals list and kept in localStorage.
 * It only names the person for presence; the accounts issue replaces it by a signed-in session.
 */
const key = 'veelzijdig.me';
const listeners = new Set<() => void>();

export function setMe(id: string | null): void {
  if (id) localStorage.setItem(key, id);
  else localStorage.removeItem(key);
  for (const l of listeners) l();
}

export function useMe(): string | null {
  return useSyncExternalStore(
    (notify) => {
      listeners.add(notify);
      return () => listeners.delete(notify);
    },
    () => localStorage.getItem(key),
  );
}
