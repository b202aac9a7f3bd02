import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { DocumentName } from '../../shared/protocol.js';
import type { CloseCode } from '../../shared/protocol.js';
import type { AwarenessEntry } from './awarenessCodec.js';

/**
 * The hooks through which the sync server's concerns (document access, persistence, validation,
 * metrics…) plug in. Each concern is one small class implementing the hooks it needs; the server
 * calls them in the order they were given (SPEC rule P1).
 */
export interface ConnectionContext {
  documentName: string;
  document: DocumentName;
  request: IncomingMessage;
  /** Writes from a read-only connection are dropped; its screen stays live. */
  readOnly: boolean;
  /** Free-form facts concerns attach on upgrade (e.g. the signed-in user). */
  data: Record<string, unknown>;
}

export interface DocumentContext {
  documentName: string;
  doc: Y.Doc;
}

export interface UpdateContext extends DocumentContext {
  update: Uint8Array;
  connection: ConnectionContext;
}

export interface ChangeContext extends DocumentContext {
  update: Uint8Array;
}

export interface SyncExtension {
  /** Runs before the socket is accepted into a document; throw `SyncRefusal` to refuse. */
  onConnect?(context: ConnectionContext): Promise<void> | void;
  /** Fills a fresh document (from storage) before anyone may sync with it. */
  onLoadDocument?(context: DocumentContext): Promise<void> | void;
  /**
   * The document is loaded and its changes are now stored and sent like any other: the place for
   * the server's own edits to a fresh document (e.g. the empty signal plan structure).
   */
  onDocumentReady?(context: DocumentContext): void;
  /**
   * Re-checks an open connection's rights (after a revocation, a withdrawn consent, a logout, and
   * periodically); throw `SyncRefusal` to close it, or change `readOnly`.
   */
  checkAccess?(context: ConnectionContext): void;
  /** May rewrite a client's awareness states before they are applied (e.g. the identity). */
  beforeAwareness?(context: ConnectionContext, entries: AwarenessEntry[]): void;
  /** Checks an update from a client before it is applied; throw `SyncRefusal` to refuse it. */
  beforeApplyUpdate?(context: UpdateContext): void;
  /** After an accepted update changed the document (before it is sent to the others). */
  onChange?(context: ChangeContext): void;
  /** The document is about to leave memory (or the server stops): last chance to store it. */
  onStoreDocument?(context: DocumentContext): void;
  onDisconnect?(context: ConnectionContext): void;
  /** The server stops: clear timers. */
  onDestroy?(): Promise<void> | void;
}

/** Refuses a connection or a message; the socket is closed with `code`. */
export class SyncRefusal extends Error {
  constructor(
    readonly code: CloseCode,
    readonly reason: string,
  ) {
    super(reason);
  }
}
