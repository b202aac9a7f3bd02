import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import { closeCodes } from '../../shared/protocol.js';
import type { ConnectionContext } from './extension.js';
import { SyncRefusal } from './extension.js';
import type { Logger } from '../logger.js';
import type { Pipeline } from './pipeline.js';
import { messageAwareness, messageQueryAwareness, messageSync } from './sharedDocument.js';
import type { SharedDocument } from './sharedDocument.js';
import { decodeAwareness, encodeAwareness } from './awarenessCodec.js';

export interface ConnectionLimits {
  maxMessageBytes: number;
  /** A client that does not read its messages is dropped past this many unsent bytes. */
  maxBufferedBytes: number;
}

/**
 * One WebSocket on one document, speaking the y-websocket protocol. Messages that arrive before
 * the document is loaded wait in a queue (SPEC S1); every message is checked before it touches
 * the document, and a bad one closes only this socket (SPEC S4–S6).
 */
export class Connection {
  readonly awarenessIds = new Set<number>();
  private document: SharedDocument | null = null;
  private queue: Uint8Array[] = [];
  private queuedBytes = 0;
  closed = false;

  constructor(
    readonly ws: WebSocket,
    readonly context: ConnectionContext,
    private readonly pipeline: Pipeline,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
  ) {}

  /** The document is loaded: greet the client and handle what it already sent. */
  attach(document: SharedDocument): void {
    this.document = document;
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, messageSync);
    syncProtocol.writeSyncStep1(step1, document.doc);
    this.send(encoding.toUint8Array(step1));
    const states = [...document.awareness.getStates().keys()];
    if (states.length > 0) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageAwareness);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(document.awareness, states),
      );
      this.send(encoding.toUint8Array(encoder));
    }
    const queued = this.queue;
    this.queue = [];
    for (const message of queued) if (!this.closed) this.handle(message);
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
      if (type === messageSync) this.handleSync(decoder, document);
      else if (type === messageAwareness) {
        this.handleAwareness(decoding.readVarUint8Array(decoder), document);
      } else if (type === messageQueryAwareness) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, messageAwareness);
        encoding.writeVarUint8Array(
          encoder,
          awarenessProtocol.encodeAwarenessUpdate(document.awareness, [
            ...document.awareness.getStates().keys(),
          ]),
        );
        this.send(encoding.toUint8Array(encoder));
      } else throw new SyncRefusal(closeCodes.malformedMessage, `unknown message type ${type}`);
    } catch (error) {
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
  }

  /**
   * Presence from this client: states of client ids another connection owns are dropped (no one
   * can hide or take over someone else's presence) and the concerns may rewrite the rest.
   */
  private handleAwareness(update: Uint8Array, document: SharedDocument): void {
    const entries = decodeAwareness(update).filter((e) => {
      const owner = document.awarenessOwners.get(e.clientId);
      return owner === undefined || owner === this;
    });
    if (entries.length === 0) return;
    this.pipeline.beforeAwareness(this.context, entries);
    awarenessProtocol.applyAwarenessUpdate(document.awareness, encodeAwareness(entries), this);
  }

  private handleSync(decoder: decoding.Decoder, document: SharedDocument): void {
    const subtype = decoding.readVarUint(decoder);
    if (subtype === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, messageSync);
      encoding.writeVarUint(reply, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(reply, Y.encodeStateAsUpdate(document.doc, stateVector));
      this.send(encoding.toUint8Array(reply));
      return;
    }
    if (subtype !== syncProtocol.messageYjsSyncStep2 && subtype !== syncProtocol.messageYjsUpdate) {
      throw new SyncRefusal(closeCodes.malformedMessage, `unknown sync message ${subtype}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    if (this.context.readOnly) return; // SPEC A2: read-only writes are dropped
    this.pipeline.beforeApplyUpdate({
      documentName: document.name,
      doc: document.doc,
      update,
      connection: this.context,
    });
    Y.applyUpdate(document.doc, update, this);
    const store = document.doc.store;
    if (store.pendingStructs || store.pendingDs) {
      // SPEC V5: never park updates with missing dependencies; validation should have refused it.
      store.pendingStructs = null;
      store.pendingDs = null;
      throw new SyncRefusal(closeCodes.invalidUpdate, 'update depends on missing changes');
    }
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
    this.ws.close(code, reason.slice(0, 120));
  }
}
