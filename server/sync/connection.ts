import type { Duplex } from 'node:stream';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import { closeCodes, messageTypes } from '../../shared/protocol.js';
import type { ConnectionContext, UpdateContext } from './extension.js';
import { SyncRefusal } from './extension.js';
import type { Logger } from '../logger.js';
import type { Pipeline } from './pipeline.js';
import type { Peer, SharedDocument } from './sharedDocument.js';
import { decodeAwareness } from './awarenessCodec.js';
import { outgoing } from './messages.js';
import { MissingDependencies } from './validation/updateValidator.js';
import { HeldUpdates } from './heldUpdates.js';
import type { HoldLimits } from './heldUpdates.js';

export interface ConnectionLimits {
  maxMessageBytes: number;
  /** A client that does not read its messages is dropped past this many unsent bytes. */
  maxBufferedBytes: number;
  /** Updates waiting for what they depend on (SPEC V5). */
  hold: HoldLimits;
}

/**
 * One WebSocket on one document, speaking the y-websocket protocol. Messages that arrive before
 * the document is loaded wait in a queue (SPEC S1); every message is checked before it touches
 * the document, and a bad one closes only this socket (SPEC S4–S6). An update that needs changes
 * still on their way is held until they arrive (V5).
 */
export class Connection implements Peer {
  private document: SharedDocument | null = null;
  private queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private readonly held: HeldUpdates;
  readonly authors = new Set<number>();
  closed = false;

  constructor(
    readonly ws: WebSocket,
    readonly context: ConnectionContext,
    private readonly pipeline: Pipeline,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
  ) {
    this.held = new HeldUpdates(limits.hold, (reason) => this.close(closeCodes.resync, reason));
  }

  /** Whether the document is loaded and the browser greeted. */
  get attached(): boolean {
    return this.document !== null;
  }

  /**
   * The document is loaded: greet the client and handle what it already sent. What goes out
   * meanwhile (the access notice, step 1, presence, the answer to its step 1) leaves in one write.
   */
  attach(document: SharedDocument): void {
    // ws keeps its TCP socket as `_socket` (not in its types); without it each message goes alone.
    const socket = (this.ws as unknown as { _socket?: Duplex })._socket;
    socket?.cork();
    try {
      // Before the document: the browser knows whether it may write before it can type (A2).
      this.sendAccess();
      this.document = document;
      document.greet(this);
      const queued = this.queue;
      this.queue = [];
      for (const message of queued) if (!this.closed) this.handle(message);
    } finally {
      socket?.uncork();
    }
  }

  receive(message: Uint8Array): void {
    if (this.closed) return;
    if (message.byteLength > this.limits.maxMessageBytes) {
      this.close(closeCodes.tooLarge, `message exceeds ${this.limits.maxMessageBytes} bytes`);
      return;
    }
    if (this.document) {
      this.handle(message);
      return;
    }
    this.queuedBytes += message.byteLength;
    if (this.queuedBytes > this.limits.maxMessageBytes * 4) {
      this.close(closeCodes.tooLarge, 'too much sent before the document was ready');
      return;
    }
    this.queue.push(message);
  }

  private handle(message: Uint8Array): void {
    const document = this.document!;
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      if (type === messageTypes.sync) this.handleSync(decoder, document);
      else if (type === messageTypes.awareness) {
        const entries = decodeAwareness(decoding.readVarUint8Array(decoder));
        document.applyAwareness(this, entries, (own) => this.pipeline.beforeAwareness(this.context, own));
      } else if (type === messageTypes.queryAwareness) this.send(document.allAwareness());
      else throw new SyncRefusal(closeCodes.malformedMessage, `unknown message type ${type}`);
    } catch (error) {
      this.refuse(error);
    }
  }

  private refuse(error: unknown): void {
    if (error instanceof SyncRefusal) {
      this.log.warn('sync message refused', {
        document: this.context.documentName,
        code: error.code,
        reason: error.reason,
      });
      this.close(error.code, error.reason);
    } else {
      this.log.warn('malformed sync message', { document: this.context.documentName });
      this.close(closeCodes.malformedMessage, 'malformed message');
    }
  }

  private sentAccess: boolean | null = null;
  /** Tells the browser whether it may write, when that is new to it (SPEC A2, A4). */
  sendAccess(): void {
    if (this.closed || this.sentAccess === this.context.readOnly) return;
    this.sentAccess = this.context.readOnly;
    this.send(outgoing.notice({ kind: 'access', access: this.context.readOnly ? 'read' : 'write' }));
  }

  private handleSync(decoder: decoding.Decoder, document: SharedDocument): void {
    const subtype = decoding.readVarUint(decoder);
    if (subtype === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      // What the document holds now, sent once the changes in it are stored (SPEC D1).
      const answer = outgoing.step2(document.updateFor(stateVector));
      document.outbox.inTurn(() => this.send(answer));
      return;
    }
    if (subtype !== syncProtocol.messageYjsSyncStep2 && subtype !== syncProtocol.messageYjsUpdate) {
      throw new SyncRefusal(closeCodes.malformedMessage, `unknown sync message ${subtype}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    if (this.context.readOnly) return; // SPEC A2: read-only writes are dropped
    const needs = this.tryApply(document, update);
    if (needs) {
      this.held.add(update, needs);
      return;
    }
    // What this update brought may be what held ones were waiting for (V5).
    if (this.held.size > 0)
      this.held.retry(
        (client) => Y.getState(document.doc.store, client),
        (held) => this.tryApply(document, held),
      );
  }

  /**
   * Checks and applies one update. Returns what it still depends on when it has to wait, null
   * when it was applied (a refusal throws).
   */
  private tryApply(document: SharedDocument, update: Uint8Array): MissingDependencies['needs'] | null {
    if (this.closed) throw new SyncRefusal(closeCodes.goingAway, 'connection closed');
    const context: UpdateContext = {
      documentName: document.name,
      doc: document.doc,
      update,
      connection: this.context,
      validated: null,
      trimmed: [],
    };
    try {
      this.pipeline.beforeApplyUpdate(context);
    } catch (error) {
      if (error instanceof MissingDependencies) return error.needs;
      throw error;
    }
    for (const client of context.validated?.clients ?? []) this.authors.add(client);
    Y.applyUpdate(document.doc, update, this);
    const store = document.doc.store;
    if (store.pendingStructs || store.pendingDs) {
      // Validation holds updates with missing dependencies; should one slip through, never park it.
      store.pendingStructs = null;
      store.pendingDs = null;
      throw new SyncRefusal(closeCodes.resync, 'update depends on missing changes');
    }
    if (document.failed) return null; // not stored: every connection is being closed (D1)
    this.pipeline.afterApplyUpdate(context);
    for (const trim of context.trimmed) {
      for (const [client, removed] of trim.removedByClient) {
        document.notifyAuthors(client, {
          kind: 'trimmed',
          path: trim.path.split('.'),
          maxLength: trim.maxLength,
          removed,
        });
      }
    }
    return null;
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(1013, 'client does not keep up');
      return;
    }
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.held.clear();
    this.ws.close(code, reason.slice(0, 120));
  }
}
