import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { DocumentName } from '../../shared/protocol.js';
import type { CloseCode } from '../../shared/protocol.js';
import type { AwarenessEntry } from './awarenessCodec.js';
import type { Touched } from './touched.js';
import type { Validated } from './validation/updateValidator.js';

/**
 * The hooks through which the sync server's concerns (document access, persistence, validation,
 * metrics…) plug in. Each concern is one small class implementing the hooks it needs; the server
 * calls them in the order they were given (SPEC rule P1).
 */

/** Who made a change: the signed-in person of a connection, or on whose behalf the server wrote. */
export interface Actor {
  userId: string;
  role: string;
}

export interface ConnectionContext {
  documentName: string;
  document: DocumentName;
  request: IncomingMessage;
  /** Writes from a read-only connection are dropped; its screen stays live. */
  readOnly: boolean;
  /** The signed-in person, set by the access concern on connect. */
  actor: Actor | null;
  /** Free-form facts concerns attach on upgrade (e.g. the session it relies on). */
  data: Record<string, unknown>;
}

export interface DocumentContext {
  documentName: string;
  doc: Y.Doc;
  /** Set when the document leaves memory to be erased (SPEC RT5): store nothing more of it. */
  erasing?: boolean;
  /**
   * Set by the concern that filled a fresh document from storage when it read one stored state
   * and nothing else: the document holds exactly that, until its next change.
   */
  loadedState?: Uint8Array;
}

export interface UpdateContext extends DocumentContext {
  update: Uint8Array;
  connection: ConnectionContext;
  /** Set by the shape check: whose changes the update carries and which texts it made longer. */
  validated: Validated | null;
  /** Filled after applying by concerns that repaired the result (SPEC R1), for the notices. */
  trimmed: Trimmed[];
}

/** A text the server cut back to its limit, and what each author lost there (by Yjs client id). */
export interface Trimmed {
  path: string;
  maxLength: number;
  removedByClient: Map<number, string>;
}

export interface ChangeContext extends DocumentContext {
  update: Uint8Array;
  /** The connection the update came from; null for the server's own edits. */
  connection: ConnectionContext | null;
  /** Who made it; null for the server's own upkeep (defaults, repairs). */
  actor: Actor | null;
  /** Which entries and texts the change touched (paths in the document, never content). */
  touched: readonly Touched[];
  /** Its sequence in the document's log, set by the concern that stored it (for replication). */
  seq?: number;
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
   * periodically); throw (or reject with) `SyncRefusal` to close it, or change `readOnly`.
   */
  checkAccess?(context: ConnectionContext): Promise<void> | void;
  /** May rewrite a client's awareness states before they are applied (e.g. the identity). */
  beforeAwareness?(context: ConnectionContext, entries: AwarenessEntry[]): void;
  /**
   * Checks an update from a client before it is applied; throw `SyncRefusal` to refuse it, or
   * `MissingDependencies` when it needs changes the server does not have yet (SPEC V5).
   */
  beforeApplyUpdate?(context: UpdateContext): void;
  /** Runs right after a client's update was applied: the place to repair what a merge broke (R1). */
  afterApplyUpdate?(context: UpdateContext): void;
  /**
   * Makes an accepted change durable. The change is sent to no one before the returned promise
   * resolved (SPEC D1); a throw or a rejection means it was not stored: it is not sent and the
   * document is reloaded from storage.
   */
  storeChange?(context: ChangeContext): Promise<void> | void;
  /** After an accepted change was stored and sent; a failing concern does not stop the others. */
  onChange?(context: ChangeContext): void;
  /**
   * The document is about to leave memory (or the server stops): last chance to store it. What
   * it needs of the document it reads before returning; the document is destroyed right after.
   */
  onStoreDocument?(context: DocumentContext): Promise<void> | void;
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
