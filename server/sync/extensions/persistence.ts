import * as Y from 'yjs';
import type { DocumentStore } from '../../db/documentStore.js';
import type { ChangeContext, DocumentContext, SyncExtension } from '../extension.js';

export interface PersistenceOptions {
  /** Merge a document's stored updates into one once there are this many. */
  compactAfterUpdates: number;
}

/**
 * Durable documents: every accepted update is appended before it is sent on (SPEC D1); a
 * document's log is compacted into one state on load, when it grows long, and on unload (D3).
 */
export class Persistence implements SyncExtension {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly store: DocumentStore,
    private readonly options: PersistenceOptions,
  ) {}

  onLoadDocument({ documentName, doc }: DocumentContext): void {
    const updates = this.store.load(documentName);
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    this.counts.set(documentName, updates.length);
    if (updates.length > 1) this.compactIfPossible(documentName, doc);
  }

  /** Appends the change with who made it; a throw here means it was not stored (SPEC D1). */
  storeChange({ documentName, doc, update, actor }: ChangeContext): void {
    this.store.append(documentName, update, actor?.userId ?? null);
    const count = (this.counts.get(documentName) ?? 0) + 1;
    this.counts.set(documentName, count);
    if (count >= this.options.compactAfterUpdates) this.compactIfPossible(documentName, doc);
  }

  onStoreDocument({ documentName, doc }: DocumentContext): void {
    if ((this.counts.get(documentName) ?? 0) > 1) this.compact(documentName, doc);
    this.counts.delete(documentName);
  }

  /**
   * Compaction only saves room: when storage refuses it, the stored updates are all still there
   * and the document is served from memory; the next change or the unload compacts again.
   */
  private compactIfPossible(documentName: string, doc: Y.Doc): void {
    try {
      this.compact(documentName, doc);
    } catch {
      // kept as it was, see above
    }
  }

  private compact(documentName: string, doc: Y.Doc): void {
    this.store.replace(documentName, Y.encodeStateAsUpdate(doc));
    this.counts.set(documentName, 1);
  }
}
