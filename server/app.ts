import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import type { Db } from './db/database.js';
import { sqliteDocumentStore } from './db/documentStore.js';
import { seedDemo } from './demo/seed.js';
import { HttpError, errorHandler } from './http/validate.js';
import { createLogger } from './logger.js';
import { casesRouter } from './routes/cases/index.js';
import { professionalsRouter } from './routes/professionals/index.js';
import { caseService } from './services/cases.js';
import { CaseDocuments } from './sync/extensions/caseDocuments.js';
import { Persistence } from './sync/extensions/persistence.js';
import { ShapeValidation } from './sync/extensions/shapeValidation.js';
import { SyncServer } from './sync/syncServer.js';

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  sync: SyncServer;
  /** True when this start seeded the demo neighbourhood. */
  seeded: boolean;
  close(): Promise<void>;
}

/** Starts the whole app: REST API, sync server and the built client, on one HTTP port. */
export async function startServer(config: Config): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const db = openDatabase(config.dataDir);
  const store = sqliteDocumentStore(db);
  const seeded = config.demoData ? seedDemo(db, store) : false;
  const cases = caseService(db);

  const sync = new SyncServer({
    // Order matters: access first, then validation, then storage (SPEC P1).
    extensions: [
      new CaseDocuments(db),
      new ShapeValidation(),
      new Persistence(store, { compactAfterUpdates: config.sync.compactAfterUpdates }),
    ],
    maxMessageBytes: config.sync.maxMessageBytes,
    unloadAfterMs: config.sync.unloadAfterMs,
    log,
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '100kb' }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', documentsLoaded: sync.registry.size, connections: sync.connectionCount });
  });
  app.use('/api/cases', casesRouter(cases));
  app.use('/api/professionals', professionalsRouter(cases));
  app.use('/api', (req) => {
    throw new HttpError(404, `no route ${req.method} ${req.originalUrl}`);
  });
  const clientDir = config.clientDir;
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get('/{*path}', (_req, res) => {
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  }
  app.use(errorHandler(log));

  const server = http.createServer(app);
  server.on('upgrade', (request, socket, head) => {
    if (!sync.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;

  return {
    url: `http://${host}:${port}`,
    port,
    db,
    sync,
    seeded,
    async close() {
      await sync.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}
