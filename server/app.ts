import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startAudit } from './audit/start.js';
import type { Config } from './config.js';
import { startCheckpointer } from './db/checkpointer.js';
import { databaseFile, openDatabase } from './db/database.js';
import type { Db } from './db/database.js';
import { sqliteDocumentStore } from './db/documentStore.js';
import { seedDemo } from './demo/seed.js';
import { collectedDocuments } from './demo/seedDocuments.js';
import { clientAddress } from './http/headers.js';
import { httpApp } from './http/routes.js';
import { createLogger } from './logger.js';
import type { LogDestination } from './logger.js';
import { startRetentionJob } from './retention/job.js';
import { buildServices } from './services/build.js';
import type { Services } from './services/index.js';
import { openStorage } from './storage/storage.js';
import type { Storage } from './storage/storage.js';
import type { SyncServer } from './sync/syncServer.js';

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  /** Where the documents live (SPEC ST1): this SQLite file, or PostgreSQL with DATABASE_URL. */
  storage: Storage;
  sync: SyncServer;
  services: Services;
  /** True when this start seeded the demo neighbourhood. */
  seeded: boolean;
  close(): Promise<void>;
}

/** Starts the whole app: REST API, sync server and the built client, on one HTTP port. */
export async function startServer(
  config: Config,
  options: {
    logDestination?: LogDestination;
    /** The clock retention periods are measured by (SPEC RT1); tests move it. */
    retentionClock?: () => Date;
  } = {},
): Promise<RunningServer> {
  const log = createLogger(config.logLevel, options.logDestination);
  const db = openDatabase(config.dataDir);
  // The keyed access log, its checkpoints, and the editing sessions a crash left open (SPEC A6).
  let started: ReturnType<typeof startAudit>;
  try {
    started = startAudit(db, config.audit, log);
  } catch (error) {
    db.close(); // e.g. the log's key is missing: nothing has started yet
    throw error;
  }
  const { audit, checkpoints: auditCheckpoints } = started;
  // After openDatabase: on a SQLite file its first migration creates document_updates, which the
  // storage's migration then adopts (the other way round that migration would find the table).
  // On SQLite the storage shares this connection (see OpenStorageOptions.sqliteConnection).
  let storage: Storage;
  try {
    storage = await openStorage(config.storage, {
      sqliteConnection: config.storage.databaseUrl ? undefined : db,
    });
  } catch (error) {
    started.checkpoints.stop();
    db.close();
    throw error;
  }
  // Checkpoints run in a worker; the main connection's own is only a safety net.
  db.pragma('wal_autocheckpoint = 20000');
  const checkpointer = startCheckpointer(databaseFile(config.dataDir));
  const documents = storage.documents;
  const collected = storage.engine === 'sqlite' ? null : collectedDocuments();
  const seeded = config.demoData ? await seedDemo(db, collected ?? sqliteDocumentStore(db)) : false;
  if (seeded) await collected?.appendTo(documents);
  const { services, sync, origins } = await buildServices(config, {
    db,
    log,
    audit,
    documents,
    retentionClock: options.retentionClock,
  });
  // Daily, and once now: what passed its retention period is listed for the admin (SPEC RT3).
  const retentionJob = startRetentionJob(
    () => services.retention.check(),
    config.retention.checkEveryMs,
    log,
  );

  const app = httpApp(config, { services, sync, log });

  const server = http.createServer(app);
  server.on('upgrade', (request, socket, head) => {
    // The client's address past trusted proxies, as Express's req.ip has it (accessPoint).
    Object.defineProperty(request, 'ip', { value: clientAddress(request, config.trustProxy) });
    if (!sync.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  // The app's own address may always open sync connections.
  origins.add(`http://localhost:${port}`).add(`http://127.0.0.1:${port}`);
  if (config.publicUrl.endsWith(':0')) services.config.publicUrl = `http://${host}:${port}`;

  return {
    url: `http://${host}:${port}`,
    port,
    db,
    storage,
    sync,
    services,
    seeded,
    async close() {
      retentionJob.stop();
      await sync.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // After the last document-close: the stop checkpoint anchors the whole log.
      auditCheckpoints.stop();
      await checkpointer.stop();
      await storage.close();
      db.close();
    },
  };
}
