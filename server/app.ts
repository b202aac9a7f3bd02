import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startAudit } from './audit/start.js';
import type { Config } from './config.js';
import { startCheckpointer } from './db/checkpointer.js';
import { databaseFile, openDatabase } from './db/database.js';
import type { Db } from './db/database.js';
import { seedDemo } from './demo/seed.js';
import { collectedDocuments } from './demo/seedDocuments.js';
import { clientAddress } from './http/headers.js';
import { httpApp } from './http/routes.js';
import { createLogger } from './logger.js';
import type { LogDestination } from './logger.js';
import { startRetentionJob } from './retention/job.js';
import { buildServices } from './services/build.js';
import type { Services } from './services/index.js';
import type { Data } from './storage/data.js';
import { openStorage } from './storage/storage.js';
import type { Storage } from './storage/storage.js';
import { singleInstanceBus } from './sync/instances/bus.js';
import { redisBus } from './sync/instances/redisBus.js';
import type { SyncServer } from './sync/syncServer.js';

export interface RunningServer {
  url: string;
  port: number;
  /** The SQLite file's own connection (tests reach into it); none with DATABASE_URL (reading it throws). */
  db: Db;
  /** Where all data lives (SPEC ST1): the SQLite file, or PostgreSQL with DATABASE_URL. */
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
  // SQLite: the file in DATA_DIR, its older migrations first (the storage's adopt what they made),
  // and the storage shares its one connection. PostgreSQL (DATABASE_URL): no SQLite file at all.
  const db = config.storage.databaseUrl ? null : openDatabase(config.dataDir);
  const closeFile = () => db?.close();
  let storage: Storage;
  try {
    storage = await openStorage(config.storage, { sqliteConnection: db ?? undefined });
  } catch (error) {
    closeFile();
    throw error;
  }
  // Every service reads and writes through the storage's typed database (SPEC ST1).
  const data: Data = storage;
  // The keyed access log, its checkpoints, and the editing sessions a crash left open (SPEC A6).
  let started: Awaited<ReturnType<typeof startAudit>>;
  try {
    started = await startAudit(
      data,
      config.audit,
      log,
      config.instances.redisUrl ? config.instances.name : null,
    );
  } catch (error) {
    await storage.close(); // e.g. the log's key is missing: nothing has started yet
    closeFile();
    throw error;
  }
  const { audit, checkpoints: auditCheckpoints } = started;
  // Checkpoints run in a worker; the main connection's own is only a safety net.
  db?.pragma('wal_autocheckpoint = 20000');
  const checkpointer = db ? startCheckpointer(databaseFile(config.dataDir)) : null;
  const documents = storage.documents;
  // The demo's boards are collected while its rows are written, and appended once they committed.
  const collected = collectedDocuments();
  const seeded = config.demoData ? await seedDemo(data, collected) : false;
  if (seeded) await collected.appendTo(documents);
  // Several instances talk through Redis (SPEC SI1); one alone has nobody to tell.
  const bus = config.instances.redisUrl
    ? redisBus(config.instances.redisUrl, log, { prefix: config.instances.channelPrefix })
    : singleInstanceBus();
  const { services, sync, origins, replication } = await buildServices(config, {
    data,
    log,
    audit,
    documents,
    bus,
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

  const running: RunningServer = {
    url: `http://${host}:${port}`,
    port,
    get db(): Db {
      if (!db) throw new Error('RunningServer.db: there is no SQLite file with DATABASE_URL set');
      return db;
    },
    storage,
    sync,
    services,
    seeded,
    async close() {
      retentionJob.stop();
      await sync.close();
      replication?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // After the last document-close: the stop checkpoint anchors the whole log.
      await auditCheckpoints.stop();
      await checkpointer?.stop();
      await bus.close();
      await storage.close();
      closeFile();
    },
  };
  return running;
}
