import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { messageTypes } from '../../shared/protocol.js';
import type { SyncNotice } from '../../shared/protocol.js';
import { parseSyncNotice } from '../../shared/syncNotice.js';
import { eventually } from './eventually.js';

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the server sent (code and reason). */
  closes: { code: number; reason: string }[];
  /** Our notices the server sent (SPEC R2, A2), in order. */
  notices: SyncNotice[];
  destroy(): void;
}

/** A WebSocket class that sends the given headers (a browser sends its cookie and Origin itself). */
export function webSocketWithHeaders(headers: Record<string, string>): typeof globalThis.WebSocket {
  class WithHeaders extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return WithHeaders as unknown as typeof globalThis.WebSocket;
}

/**
 * A real y-websocket provider in Node, connected to `/sync/<documentName>`, signed in with the
 * given session cookie (see `signIn` in accounts.ts).
 */
export function connectClient(
  baseUrl: string,
  documentName: string,
  doc = new Y.Doc(),
  headers: Record<string, string> = {},
): SyncClient {
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, documentName, doc, {
    WebSocketPolyfill: webSocketWithHeaders(headers),
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closes: SyncClient['closes'] = [];
  const notices: SyncNotice[] = [];
  provider.messageHandlers[messageTypes.notice] = (_encoder, decoder) => {
    const notice = parseSyncNotice(decoding.readVarString(decoder));
    if (notice) notices.push(notice);
  };
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    notices,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function synced(client: SyncClient, timeoutMs = 5_000): Promise<void> {
  await eventually(() => {
    if (!client.provider.synced) throw new Error('not synced yet');
  }, timeoutMs);
}

/** The last access the server told this client (SPEC A2), or null before it said. */
export const accessOf = (client: SyncClient): 'read' | 'write' | null =>
  client.notices.reduce<'read' | 'write' | null>((last, n) => (n.kind === 'access' ? n.access : last), null);
