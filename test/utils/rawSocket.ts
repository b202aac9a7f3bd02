import { WebSocket } from 'ws';
import type * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';

/** A plain WebSocket on `/sync/<documentName>`, for sending exactly the bytes a test wants. */
export interface RawSocket {
  ws: WebSocket;
  opened: Promise<void>;
  /** Resolves with the close code and reason the server sent. */
  closed: Promise<{ code: number; reason: string }>;
  /** Every binary message the server sent, in order. */
  received: Uint8Array[];
}

export function openRawSocket(
  baseUrl: string,
  documentName: string,
  query = '',
  headers: Record<string, string> = {},
): RawSocket {
  const url = `${baseUrl.replace(/^http/, 'ws')}/sync/${encodeURIComponent(documentName)}${query}`;
  const ws = new WebSocket(url, { headers });
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  return { ws, opened, closed, received };
}

/**
 * Resolves once the server has read everything sent on this socket so far: WebSocket frames are
 * handled in order, so its answer to a ping comes after every earlier message was received.
 */
export function serverHasRead(socket: RawSocket): Promise<void> {
  return new Promise((resolve) => {
    socket.ws.once('pong', () => resolve());
    socket.ws.ping();
  });
}

/** y-websocket sync messages, encoded as the stock provider would. */
export const syncMessage = {
  step1(doc: Y.Doc): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, doc);
    return encoding.toUint8Array(encoder);
  },
  step2(update: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, update);
    return encoding.toUint8Array(encoder);
  },
  update(update: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    return encoding.toUint8Array(encoder);
  },
  awareness(awareness: awarenessProtocol.Awareness): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
    );
    return encoding.toUint8Array(encoder);
  },
};

/** Applies every sync message the server sent on a raw socket to `doc` (what a client would see). */
export function applyReceived(socket: RawSocket, doc: Y.Doc): void {
  for (const message of socket.received) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== 0) continue;
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null);
  }
}
