import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../server/logger.js';
import type { DocumentReplication } from '../../server/sync/documentRegistry.js';
import type { SyncExtension } from '../../server/sync/extension.js';
import type { DocumentLogPort } from '../../server/sync/extensions/persistence.js';
import type { StoredUpdate } from '../../server/storage/documentLog.js';
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
  options: { maxMessageBytes?: number; unloadAfterMs?: number; replication?: DocumentReplication } = {},
): Promise<SyncHarness> {
  const sync = new SyncServer({
    extensions,
    maxMessageBytes: options.maxMessageBytes ?? 1024 * 1024,
    unloadAfterMs: options.unloadAfterMs ?? 30_000,
    log: createLogger('silent'),
    replication: options.replication,
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

/**
 * A document log in memory, for tests that do not need a database: appends are stored at once
 * (the promise resolves in a microtask), each with the next sequence of its document.
 */
export function memoryDocumentLog(): DocumentLogPort & {
  rows: Map<string, StoredUpdate[]>;
  /** What is stored for `name` now, in order. */
  updates(name: string): Uint8Array[];
} {
  const rows = new Map<string, StoredUpdate[]>();
  const heads = new Map<string, number>();
  return {
    rows,
    updates: (name) => (rows.get(name) ?? []).map((r) => r.data),
    load: async (name, afterSeq = 0) => (rows.get(name) ?? []).filter((r) => r.seq > afterSeq),
    append(name, data, userId = null) {
      const seq = (heads.get(name) ?? 0) + 1;
      heads.set(name, seq);
      rows.set(name, [...(rows.get(name) ?? []), { seq, data, userId }]);
      return Promise.resolve(seq);
    },
    async replace(name, state, throughSeq) {
      const stored = rows.get(name) ?? [];
      if ((heads.get(name) ?? 0) < throughSeq) throw new RangeError(`${name} ends before ${throughSeq}`);
      if (!stored[0] || stored[0].seq > throughSeq) return false;
      const later = stored.filter((r) => r.seq > throughSeq);
      rows.set(name, [{ seq: throughSeq, data: state, userId: null }, ...later]);
      return true;
    },
  };
}
