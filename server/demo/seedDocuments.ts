import type { DocumentStore } from '../db/documentStore.js';
import type { DocumentLog } from '../storage/documentLog.js';

/**
 * The seed writes its boards synchronously, inside its SQLite transaction. When the documents
 * live elsewhere (PostgreSQL) they are kept here and appended to the document log once the seed
 * committed.
 */
export function collectedDocuments(): DocumentStore & { appendTo(log: DocumentLog): Promise<void> } {
  const states = new Map<string, Uint8Array[]>();
  return {
    load: (name) => [...(states.get(name) ?? [])],
    append: (name, update) => void states.set(name, [...(states.get(name) ?? []), update]),
    replace: (name, state) => void states.set(name, [state]),
    count: (name) => states.get(name)?.length ?? 0,
    async appendTo(log) {
      const appends = [...states].flatMap(([name, updates]) => updates.map((u) => log.append(name, u)));
      await Promise.all(appends);
    },
  };
}
