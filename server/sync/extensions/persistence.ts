import * as Y from 'yjs';
import type { DocumentLog } from '../../storage/documentLog.js';
import type { ChangeContext, DocumentContext, SyncExtension } from '../extension.js';
import { AppliedSequence } from './appliedSequence.js';

/** What persistence needs of the document log (server/storage/documentLog.ts). */
export type DocumentLogPort = Pick<DocumentLog, 'load' | 'append' | 'replace'>;

export interface PersistenceOptions {
  /** Merge a document's stored updates into one once there are this many. */
  compactAfterUpdates: number;
}

/** What persistence keeps of one loaded copy of a document. */
interface Loaded {
  applied: AppliedSequence;
  /** Stored rows of the document as far as this copy knows: when to compact. */
  rows: number;
  compacting: boolean;
}

/**
 * Durable documents on the document log: every accepted update is appended (group-committed)
 * and sent on only once durable (SPEC D1); a document's log is compacted into one state on load,
 * when it grows long, and on unload (D3), always only through the last sequence this copy has
 * applied, so updates another instance appended after it are kept (ST5).
 */
export class Persistence implements SyncExtension {
  /** Per copy, not per name: a copy dropped after a failed append must not touch its successor. */
  private readonly loaded = new WeakMap<Y.Doc, Loaded>();

  constructor(
    private readonly log: DocumentLogPort,
    private readonly options: PersistenceOptions,
  ) {}

  async onLoadDocument(context: DocumentContext): Promise<void> {
    const { documentName, doc } = context;
    const updates = await this.log.load(documentName);
    doc.transact(() => {
      for (const { data } of updates) Y.applyUpdate(doc, data);
    });
    // One compacted state (as a document usually is once it left memory): the sync answer for a
    // client that has nothing is that state as stored, without encoding the document again.
    // A later concern that changes the document while it loads makes it more than that state.
    if (updates.length === 1) {
      context.loadedState = updates[0]!.data;
      doc.once('update', () => delete context.loadedState);
    }
    const state: Loaded = {
      applied: new AppliedSequence(updates.at(-1)?.seq ?? 0),
      rows: updates.length,
      compacting: false,
    };
    this.loaded.set(doc, state);
    if (updates.length > 1) this.compactInBackground(documentName, doc, state);
  }

  /** Appends the change with who made it; resolves once durable, rejects when not stored (D1). */
  storeChange(context: ChangeContext): Promise<void> {
    const { documentName, doc, update, actor } = context;
    const state = this.loaded.get(doc);
    return this.log.append(documentName, update, actor?.userId ?? null).then((seq) => {
      context.seq = seq;
      if (!state) return;
      state.applied.add(seq);
      state.rows += 1;
      if (state.rows >= this.options.compactAfterUpdates) this.compactInBackground(documentName, doc, state);
    });
  }

  /** Through which sequence a loaded copy holds every update (for replication). */
  appliedOf(doc: Y.Doc): AppliedSequence | undefined {
    return this.loaded.get(doc)?.applied;
  }

  onStoreDocument({ documentName, doc, erasing }: DocumentContext): Promise<void> | void {
    const state = this.loaded.get(doc);
    this.loaded.delete(doc);
    // Erasure removes the rows right after; a compaction then would write them back (RT5).
    if (!state || erasing || state.rows <= 1) return;
    return this.compact(documentName, doc, state);
  }

  /**
   * Compaction only saves room: when storage refuses it, the stored updates are all still there
   * and the document is served from memory; the next change or the unload compacts again.
   */
  private compactInBackground(documentName: string, doc: Y.Doc, state: Loaded): void {
    if (state.compacting) return;
    state.compacting = true;
    // After the rest of a group-committed batch is counted in too (their callbacks come next).
    queueMicrotask(() => {
      if (this.loaded.get(doc) !== state) return void (state.compacting = false); // left memory
      this.compact(documentName, doc, state)
        .catch(() => undefined) // kept as it was, see above
        .finally(() => (state.compacting = false));
    });
  }

  /**
   * Replaces the log through the last sequence this copy has applied by its state, read now
   * (it may hold changes still being appended; those rows stay and merge again on load).
   */
  private async compact(documentName: string, doc: Y.Doc, state: Loaded): Promise<void> {
    const through = state.applied.through;
    if (through === 0) return;
    const rowsBefore = state.rows;
    const replaced = await this.log.replace(documentName, Y.encodeStateAsUpdate(doc), through);
    // The rows appended meanwhile stay; those through `through` are one row now (or were already).
    if (replaced) state.rows = Math.max(1, state.rows - rowsBefore + 1);
  }
}
