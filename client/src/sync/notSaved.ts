import type { LostReason } from '../../../shared/doc/rebase.js';
import type { FieldName } from './fieldNames.js';

/**
 * What this browser's person typed and the board did not keep (SPEC C3, R2), kept in this browser
 * until they dismiss it, so they can copy it: a reload, or closing the tab, does not lose it.
 */
export interface NotSavedEntry {
  id: string;
  /** The document it was typed in, e.g. `case:<id>:shared`. */
  document: string;
  path: string[];
  field: FieldName;
  text: string;
  /**
   * `trimmed`: two people typed past a limit and the server cut this off (R2); `refusedAgain`:
   * the server refused it right after a recovery too; `readOnly`: written while (or just before)
   * the document became read-only, e.g. after the meeting closed; the rest come from the recovery
   * (rebase.ts).
   */
  reason: LostReason | 'trimmed' | 'refusedAgain' | 'readOnly';
  maxLength?: number;
  /** When it was listed (ISO). */
  at: string;
}

const storageKey = 'veelzijdig.notSaved';
/** A second cut of the same field this soon after the first adds to that entry instead of a new one. */
const mergeWithinMs = 60_000;

const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

function load(): NotSavedEntry[] {
  try {
    const raw = storage()?.getItem(storageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as NotSavedEntry[]) : [];
  } catch {
    return [];
  }
}

let entries: NotSavedEntry[] = load();
const listeners = new Set<() => void>();
let counter = 0;

function save(next: NotSavedEntry[]) {
  entries = next;
  try {
    storage()?.setItem(storageKey, JSON.stringify(entries));
  } catch {
    // Storage full or switched off: the list still shows until the page is closed.
  }
  for (const listener of listeners) listener();
}

export const notSaved = {
  list: (): readonly NotSavedEntry[] => entries,

  /** Lists texts that were not kept; a repeated cut of one field joins the entry before it. */
  add(added: readonly Omit<NotSavedEntry, 'id' | 'at'>[]): void {
    const now = new Date();
    let next = [...entries];
    for (const entry of added) {
      if (!entry.text) continue;
      const same = next.findLastIndex(
        (e) =>
          e.reason === 'trimmed' &&
          entry.reason === 'trimmed' &&
          e.document === entry.document &&
          e.path.join('/') === entry.path.join('/') &&
          now.getTime() - Date.parse(e.at) < mergeWithinMs,
      );
      if (same >= 0) {
        next[same] = { ...next[same]!, text: next[same]!.text + entry.text, at: now.toISOString() };
        continue;
      }
      next = [...next, { ...entry, id: `${now.getTime().toString(36)}-${++counter}`, at: now.toISOString() }];
    }
    save(next);
  },

  dismiss(id: string): void {
    save(entries.filter((e) => e.id !== id));
  },

  /** Forgets every entry (sign-out on a shared computer: the texts are the client's). */
  clear(): void {
    save([]);
    storage()?.removeItem(storageKey);
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
