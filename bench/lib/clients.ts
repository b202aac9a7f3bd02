import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { messageTypes } from '../../shared/protocol.js';
import { webSocketWithHeaders } from '../../test/utils/clients.js';

/** One simulated participant: a real y-websocket provider in Node with its own Y.Doc. */
export interface BenchClient {
  board: number;
  /** Position within its board (0 = the one that sets the board up). */
  index: number;
  /** The port it is connected to (with several instances: which instance it is on). */
  port: number;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the server sent while the benchmark ran (before teardown). */
  closes: number[];
  destroy(): void;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `done` until it holds; fails after `timeoutMs`, naming `what`. */
export async function waitFor(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** Connects one client to `/sync/<documentName>` on a loopback port. */
export function connectClient(
  port: number,
  documentName: string,
  board: number,
  index: number,
  headers: Record<string, string> = {},
): BenchClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, documentName, doc, {
    WebSocketPolyfill: webSocketWithHeaders(headers),
    disableBc: true,
    maxBackoffTime: 1_000,
  });
  // Our server's own notices (SPEC A2, R2) are read as the app's client reads them; the stock
  // provider would log every one as a message it cannot handle.
  provider.messageHandlers[messageTypes.notice] = (_encoder, decoder) => {
    decoding.readVarString(decoder);
  };
  // Presence as the app would show it: who is on the board.
  provider.awareness.setLocalStateField('user', { name: `Bench ${board}.${index}`, color: '#3366aa' });
  const client: BenchClient = {
    board,
    index,
    port,
    doc,
    provider,
    closes: [],
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.on('connection-close', (event) => {
    if (event && !provider.shouldConnect) return; // our own teardown
    if (event) client.closes.push(event.code);
  });
  return client;
}

/**
 * Connects `perBoard` clients to each document, `batch` at a time, each batch waiting until all
 * its providers are synced; returns them grouped by board. With several ports (one per
 * instance) the clients go to them round-robin in connection order, so the clients of one board
 * are spread over the instances (and every instance gets its share of the whole load).
 */
/**
 * How the clients of several instances are spread over them: `round-robin` sends the clients of
 * one board to different instances (every edit crosses instances: the worst case);
 * `by-document` sends all clients of a board to one instance, chosen by a hash of its sync path,
 * as the README's nginx configuration does (`hash $uri consistent`).
 */
export type Routing = 'round-robin' | 'by-document';

/** FNV-1a of the document's name: stable, and spread evenly enough over a few instances. */
function pathHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

export async function connectBoards(
  ports: number | readonly number[],
  documentNames: readonly string[],
  perBoard: number,
  headers: Record<string, string> = {},
  routing: Routing = 'round-robin',
  batch = 50,
  timeoutMs = 30_000,
): Promise<BenchClient[][]> {
  const boards: BenchClient[][] = documentNames.map(() => []);
  // Every provider in Node adds a process 'exit' listener.
  process.setMaxListeners(Math.max(process.getMaxListeners(), documentNames.length * perBoard + 20));
  const portList = typeof ports === 'number' ? [ports] : ports;
  if (portList.length === 0) throw new Error('connectBoards: no port');
  const slots: { board: number; index: number }[] = [];
  for (let board = 0; board < documentNames.length; board++) {
    for (let index = 0; index < perBoard; index++) slots.push({ board, index });
  }
  for (let start = 0; start < slots.length; start += batch) {
    const connected = slots.slice(start, start + batch).map(({ board, index }, n) => {
      const slot = routing === 'by-document' ? pathHash(documentNames[board]!) : start + n;
      const port = portList[slot % portList.length]!;
      const client = connectClient(port, documentNames[board]!, board, index, headers);
      boards[board]!.push(client);
      return client;
    });
    await waitFor(() => connected.every((c) => c.provider.synced), timeoutMs, 'clients to sync');
  }
  return boards;
}
