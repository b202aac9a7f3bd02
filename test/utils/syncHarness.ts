import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DocumentStore } from '../../server/db/documentStore.js';
import { createLogger } from '../../server/logger.js';
import type { SyncExtension } from '../../server/sync/extension.js';
import { SyncServer } from '../../server/sync/syncServer.js';

/**
 * The sync server alone, with the concerns a test chooses, on port 0. For rules that need a
 * concern the app does not ship yet (a slow load, a read-only role).
 */
export interface SyncHarness {
  url: string;
  sync: SyncServer;
  close(): Promise<void>;
}

export async function startSyncHarness(
  extensions: SyncExtension[],
  options: { maxMessageBytes?: number; unloadAfterMs?: number } = {},
): Promise<SyncHarness> {
  const sync = new SyncServer({
    extensions,
    maxMessageBytes: options.maxMessageBytes ?? 1024 * 1024,
    unloadAfterMs: options.unloadAfterMs ?? 30_000,
    log: createLogger('silent'),
  });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (request, socket, head) => {
    if (!sync.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sync,
    async close() {
      await sync.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A document store in memory, for tests that do not need SQLite. */
export function memoryDocumentStore(): DocumentStore & { rows: Map<string, Uint8Array[]> } {
  const rows = new Map<string, Uint8Array[]>();
  return {
    rows,
    load: (name) => [...(rows.get(name) ?? [])],
    append: (name, update) => void rows.set(name, [...(rows.get(name) ?? []), update]),
    replace: (name, state) => void rows.set(name, [state]),
    count: (name) => rows.get(name)?.length ?? 0,
  };
}
