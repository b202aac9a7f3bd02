import { EventEmitter } from 'node:events';
import type * as Y from 'yjs';
import { closeCodes } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import { Connection } from './connection.js';
import type { Actor, ChangeContext, DocumentContext } from './extension.js';
import type { Pipeline } from './pipeline.js';
import { fromOtherInstance } from './instances/replication.js';
import { SharedDocument } from './sharedDocument.js';
import { touchedBy } from './touched.js';

/**
 * Several instances holding the same document (SPEC SI2): told when a copy is loaded or leaves
 * memory and when a change made here was stored; it applies the others' changes with the
 * origin `fromOtherInstance`, which this registry sends on without storing them again.
 */
export interface DocumentReplication {
  attach(document: SharedDocument): void;
  detach(document: SharedDocument): void;
  stored(document: SharedDocument, seq: number, update: Uint8Array): void;
}

/** A change could not be stored, so it was not made (SPEC D1); the caller may try again. */
export class NotStored extends Error {
  constructor(readonly documentName: string) {
    super(`a change to ${documentName} could not be stored`);
  }
}

/**
 * Keeps loaded documents in memory while someone uses them: loads a document once (all
 * connections wait for the same load, SPEC S1) and unloads it a while after its last connection
 * left, after the concerns stored it (SPEC S7). Every change is stored before it is sent (D1).
 */
export class DocumentRegistry {
  private readonly documents = new Map<string, SharedDocument>();
  private readonly loading = new Map<string, Promise<SharedDocument>>();
  /** What concerns still write of documents that left memory (a compaction), for `destroy`. */
  private readonly storing = new Set<Promise<void>>();
  /** Emits `change` with the document name after every accepted change (for projections). */
  readonly changes = new EventEmitter().setMaxListeners(0);

  constructor(
    private readonly pipeline: Pipeline,
    private readonly unloadAfterMs: number,
    private readonly log: Logger,
    private readonly replication: DocumentReplication | null = null,
  ) {}

  get size(): number {
    return this.documents.size;
  }

  isLoaded(name: string): boolean {
    return this.documents.has(name);
  }

  async acquire(name: string, connection: Connection): Promise<SharedDocument> {
    const document = this.documents.get(name) ?? (await this.load(name));
    // Dropped while this connection waited: it must not edit a copy nobody stores (D1).
    if (document.failed) throw new NotStored(name);
    if (document.unloadTimer) clearTimeout(document.unloadTimer);
    document.unloadTimer = null;
    document.connections.add(connection);
    return document;
  }

  private load(name: string): Promise<SharedDocument> {
    let pending = this.loading.get(name);
    if (!pending) {
      pending = (async () => {
        const document = new SharedDocument(name);
        const context: DocumentContext = { documentName: name, doc: document.doc };
        try {
          await this.pipeline.onLoadDocument(context);
        } catch (error) {
          document.destroy();
          throw error;
        }
        document.loaded(context.loadedState ?? null);
        document.doc.on('update', (update: Uint8Array, origin: unknown, _doc, transaction) =>
          this.accepted(document, update, origin, transaction),
        );
        this.documents.set(name, document);
        this.replication?.attach(document);
        this.pipeline.onDocumentReady({ documentName: name, doc: document.doc });
        await document.outbox.drained();
        // The server's own first edit (the board's defaults) could not be stored (D1).
        if (document.failed) throw new NotStored(name);
        return document;
      })().finally(() => this.loading.delete(name));
      this.loading.set(name, pending);
    }
    return pending;
  }

  /**
   * An accepted change: stored first, then sent on, then the other concerns see it (SPEC D1).
   * The append is awaited in the document's outbox, so the changes go out in the order they
   * were made and the event loop goes on meanwhile (appends are group-committed, ST7).
   */
  private accepted(
    document: SharedDocument,
    update: Uint8Array,
    origin: unknown,
    transaction: Y.Transaction,
  ) {
    if (document.failed) return;
    // Stored by the instance that made it; its concerns (history, projections) ran there, and
    // its `change` event reaches this instance's listeners through the bus (sharedEvents.ts).
    if (origin === fromOtherInstance) {
      document.outbox.inTurn(() => document.broadcastUpdate(update, null));
      return;
    }
    const connection = origin instanceof Connection ? origin : null;
    const change: ChangeContext = {
      documentName: document.name,
      doc: document.doc,
      update,
      connection: connection?.context ?? null,
      actor: connection ? connection.context.actor : document.actor,
      touched: touchedBy(transaction),
    };
    const failed = (error: unknown) => {
      this.log.error('storing a change failed', { document: document.name, error: String(error) });
      this.fail(document);
    };
    const sendOn = () => {
      document.broadcastUpdate(update, origin);
      if (change.seq !== undefined) this.replication?.stored(document, change.seq, update);
      this.pipeline.onChange(change);
      this.emitChange(document.name);
    };
    let stored: Promise<void> | null;
    try {
      stored = this.pipeline.storeChange(change);
    } catch (error) {
      failed(error);
      return;
    }
    if (stored) document.outbox.afterStored(stored, sendOn, failed);
    else document.outbox.inTurn(sendOn);
  }

  private emitChange(name: string): void {
    try {
      this.changes.emit('change', name);
    } catch (error) {
      this.log.error('a change listener failed', { document: name, error: String(error) });
    }
  }

  /**
   * This copy of the document holds a change storage does not: it must never be sent on. Drop the
   * copy and close its connections with a code after which providers reconnect and send their
   * changes again to a copy read back from storage.
   */
  private fail(document: SharedDocument): void {
    this.replication?.detach(document);
    document.failed = true;
    document.outbox.close();
    if (document.unloadTimer) clearTimeout(document.unloadTimer);
    if (this.documents.get(document.name) === document) this.documents.delete(document.name);
    for (const peer of [...document.connections])
      peer.close(closeCodes.notStored, 'change not stored, send again');
    setImmediate(() => document.destroy());
  }

  release(document: SharedDocument, connection: Connection): void {
    if (!document.remove(connection)) return;
    this.scheduleUnload(document);
  }

  /**
   * Runs `fn` on a document outside any connection (the server reading a projection, or writing
   * a client's contribution); a write is stored and sent to every editor like any other change,
   * attributed to `actor`. Resolves once the write is stored and sent; throws `NotStored` when
   * it could not be stored.
   */
  async use<T>(name: string, fn: (doc: Y.Doc) => T, actor: Actor | null = null): Promise<T> {
    const document = this.documents.get(name) ?? (await this.load(name));
    document.users += 1; // an unload under way leaves it in memory
    try {
      let result: T;
      document.actor = actor;
      try {
        result = fn(document.doc);
      } finally {
        document.actor = null;
      }
      await document.outbox.drained();
      if (document.failed) throw new NotStored(name);
      return result;
    } finally {
      document.users -= 1;
      this.scheduleUnload(document);
    }
  }

  private scheduleUnload(document: SharedDocument): void {
    if (document.failed || document.connections.size > 0 || document.users > 0 || document.unloadTimer)
      return;
    document.unloadTimer = setTimeout(() => void this.unload(document), this.unloadAfterMs);
    document.unloadTimer.unref();
  }

  private async unload(document: SharedDocument): Promise<void> {
    document.unloadTimer = null;
    if (document.connections.size > 0 || document.failed) return;
    await document.outbox.drained(); // its last changes are stored first
    // Someone came back meanwhile (a connection, or `use`, which schedules its own unload).
    if (document.connections.size > 0 || document.users > 0 || document.failed || document.unloadTimer)
      return;
    if (this.documents.get(document.name) !== document) return;
    this.leave(document, { documentName: document.name, doc: document.doc });
  }

  /** The concerns store the document (reading it at once), then it leaves memory. */
  private leave(document: SharedDocument, context: DocumentContext): void {
    this.replication?.detach(document);
    const stored = this.pipeline.onStoreDocument(context);
    this.storing.add(stored);
    void stored.finally(() => this.storing.delete(stored));
    document.destroy();
    if (this.documents.get(document.name) === document) this.documents.delete(document.name);
  }

  /**
   * Resolves once none of these documents is being loaded and the changes made to them are
   * stored (before `discard`, SPEC RT5).
   */
  async settled(names: readonly string[]): Promise<void> {
    for (;;) {
      const pending: Promise<unknown>[] = names.flatMap((name) => this.loading.get(name) ?? []);
      for (const name of names) {
        const document = this.documents.get(name);
        if (document && document.outbox.pending > 0) pending.push(document.outbox.drained());
      }
      if (pending.length === 0) return;
      await Promise.allSettled(pending);
    }
  }

  /**
   * Erasure (SPEC RT5): the document leaves memory at once and its connections close with
   * `code`. The concerns first write what they still hold of it (projections, the change log),
   * so nothing of it is written after the caller removes its rows; it is never stored again.
   */
  discard(name: string, code: number, reason: string): void {
    const document = this.documents.get(name);
    if (!document) return;
    if (document.unloadTimer) clearTimeout(document.unloadTimer);
    this.replication?.detach(document);
    void this.pipeline.onStoreDocument({ documentName: name, doc: document.doc, erasing: true });
    document.failed = true;
    document.outbox.close();
    this.documents.delete(name);
    for (const peer of [...document.connections]) peer.close(code, reason);
    setImmediate(() => document.destroy());
  }

  /** Stores and drops every document (server shutdown). */
  async destroy(): Promise<void> {
    await Promise.allSettled(this.loading.values());
    const documents = [...this.documents.values()];
    await Promise.all(documents.map((document) => document.outbox.drained()));
    for (const document of documents) {
      if (document.unloadTimer) clearTimeout(document.unloadTimer);
      if (document.failed) continue;
      this.leave(document, { documentName: document.name, doc: document.doc });
    }
    this.documents.clear();
    await Promise.allSettled([...this.storing]);
  }
}
