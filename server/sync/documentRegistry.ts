import { EventEmitter } from 'node:events';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Logger } from '../logger.js';
import type { Connection } from './connection.js';
import type { Pipeline } from './pipeline.js';
import { SharedDocument } from './sharedDocument.js';

/**
 * Keeps loaded documents in memory while someone uses them: loads a document once (all
 * connections wait for the same load, SPEC S1) and unloads it a while after its last connection
 * left, after the concerns stored it (SPEC S7).
 */
export class DocumentRegistry {
  private readonly documents = new Map<string, SharedDocument>();
  private readonly loading = new Map<string, Promise<SharedDocument>>();
  /** Emits `change` with the document name after every accepted change (for projections). */
  readonly changes = new EventEmitter().setMaxListeners(0);

  constructor(
    private readonly pipeline: Pipeline,
    private readonly unloadAfterMs: number,
    private readonly log: Logger,
  ) {}

  get size(): number {
    return this.documents.size;
  }

  isLoaded(name: string): boolean {
    return this.documents.has(name);
  }

  async acquire(name: string, connection: Connection): Promise<SharedDocument> {
    const document = this.documents.get(name) ?? (await this.load(name));
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
        try {
          await this.pipeline.onLoadDocument({ documentName: name, doc: document.doc });
        } catch (error) {
          document.destroy();
          throw error;
        }
        document.doc.on('update', (update: Uint8Array, origin: unknown) => {
          try {
            this.pipeline.onChange({ documentName: name, doc: document.doc, update });
          } catch (error) {
            this.log.error('storing a change failed', { document: name, error: String(error) });
          }
          document.broadcastUpdate(update, origin);
          this.changes.emit('change', name);
        });
        this.documents.set(name, document);
        this.pipeline.onDocumentReady({ documentName: name, doc: document.doc });
        return document;
      })().finally(() => this.loading.delete(name));
      this.loading.set(name, pending);
    }
    return pending;
  }

  release(document: SharedDocument, connection: Connection): void {
    if (!document.connections.delete(connection)) return;
    awarenessProtocol.removeAwarenessStates(document.awareness, [...connection.awarenessIds], null);
    for (const id of connection.awarenessIds) document.awarenessOwners.delete(id);
    this.scheduleUnload(document);
  }

  /**
   * Runs `fn` on a document outside any connection (the server reading a projection, or writing
   * a client's contribution); a write is stored and sent to every editor like any other change.
   */
  async use<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const document = this.documents.get(name) ?? (await this.load(name));
    try {
      return fn(document.doc);
    } finally {
      this.scheduleUnload(document);
    }
  }

  private scheduleUnload(document: SharedDocument): void {
    if (document.connections.size > 0 || document.unloadTimer) return;
    document.unloadTimer = setTimeout(() => this.unload(document), this.unloadAfterMs);
    document.unloadTimer.unref();
  }

  private unload(document: SharedDocument): void {
    document.unloadTimer = null;
    if (document.connections.size > 0) return;
    this.store(document);
    document.destroy();
    this.documents.delete(document.name);
  }

  private store(document: SharedDocument): void {
    try {
      this.pipeline.onStoreDocument({ documentName: document.name, doc: document.doc });
    } catch (error) {
      this.log.error('storing a document failed', { document: document.name, error: String(error) });
    }
  }

  /** Stores and drops every document (server shutdown). */
  async destroy(): Promise<void> {
    await Promise.allSettled(this.loading.values());
    for (const document of this.documents.values()) {
      if (document.unloadTimer) clearTimeout(document.unloadTimer);
      this.store(document);
      document.destroy();
    }
    this.documents.clear();
  }
}
