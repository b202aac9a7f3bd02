import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import nodemailer from 'nodemailer';
import helmet from 'helmet';
import { startAudit } from './audit/start.js';
import { ChangeEntries } from './audit/changeEntries.js';
import { sessionStore } from './auth/sessions.js';
import { caseloadService } from './caseload/caseload.js';
import { notificationService } from './caseload/notifications.js';
import { summaryStore } from './caseload/summaries.js';
import { deviceStore } from './auth/devices.js';
import { loadSecretKey, secretBox } from './auth/secretBox.js';
import { signInService } from './auth/signIn.js';
import { loginThrottle } from './auth/throttle.js';
import { twoFactorRoles, twoFactorService } from './auth/twoFactor.js';
import type { Config } from './config.js';
import { startCheckpointer } from './db/checkpointer.js';
import { databaseFile, openDatabase } from './db/database.js';
import type { Db } from './db/database.js';
import { sqliteDocumentStore } from './db/documentStore.js';
import { seedDemo } from './demo/seed.js';
import { collectedDocuments } from './demo/seedDocuments.js';
import { clientFileService } from './export/clientFile.js';
import { startRetentionJob } from './retention/job.js';
import { retentionService } from './retention/service.js';
import { attachSession, csrfProtection, sessionFromHeaders } from './http/session.js';
import { ChangeLog } from './history/changeLog.js';
import { historyService } from './history/service.js';
import { changeStore } from './history/store.js';
import { HttpError, errorHandler } from './http/validate.js';
import { createLogger } from './logger.js';
import type { LogDestination } from './logger.js';
import { clientAddress, permissionsPolicy, strictTransport } from './http/headers.js';
import { requestLogger } from './http/requestLog.js';
import { adminRouter } from './routes/admin/index.js';
import { retentionRouter } from './routes/retention/index.js';
import { caseloadRouter } from './routes/caseload/index.js';
import { notificationsRouter } from './routes/notifications/index.js';
import { casesRouter } from './routes/cases/index.js';
import { invitationsRouter } from './routes/invitations/index.js';
import { myRouter } from './routes/my/index.js';
import { professionalsRouter } from './routes/professionals/index.js';
import { sessionRouter } from './routes/session/index.js';
import { actionStore } from './meetings/actions.js';
import { meetingService } from './meetings/service.js';
import { meetingStore } from './meetings/store.js';
import { boardVersions } from './versions/store.js';
import { AutoVersions } from './versions/autoVersions.js';
import { actionsRouter } from './routes/actions/index.js';
import { meetingsRouter } from './routes/meetings/index.js';
import { accessService } from './services/access.js';
import { documentAccess } from './services/documentAccess.js';
import { accountService } from './services/accounts.js';
import { caseAdminService } from './services/caseAdmin.js';
import { caseService } from './services/cases.js';
import { clientPlanService } from './services/clientPlan.js';
import { clientVoiceService } from './services/clientVoice.js';
import { placeService } from './services/places.js';
import { professionalService } from './services/professionals.js';
import { teamService } from './services/teams.js';
import type { Services } from './services/index.js';
import { BoardDefaults } from './sync/extensions/boardDefaults.js';
import { Persistence } from './sync/extensions/persistence.js';
import { MeetingProjection } from './sync/extensions/meetingProjection.js';
import { Projection } from './sync/extensions/projection.js';
import { SessionAccess } from './sync/extensions/sessionAccess.js';
import { ShapeValidation } from './sync/extensions/shapeValidation.js';
import { SyncServer } from './sync/syncServer.js';
import { openStorage } from './storage/storage.js';
import type { Storage } from './storage/storage.js';
import { hashPassword } from './auth/passwords.js';

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
  // Open sync connections of sessions a new password ended close at once (SPEC AS5).
  const accounts = accountService(db, { sessionsEnded: () => sync.recheck() });
  if (config.initialAdmin && !accounts.hasAdmin()) {
    const { username, password } = config.initialAdmin;
    accounts.create({
      username,
      displayName: username,
      role: 'admin',
      passwordHash: await hashPassword(password),
    });
  }
  const sessions = sessionStore(db, {
    ...config.session,
    twoFactorRoles: config.twoFactor.required ? twoFactorRoles : [],
  });
  const throttle = loginThrottle(db);
  const devices = deviceStore(db);
  const twoFactor = twoFactorService(
    db,
    secretBox(loadSecretKey(config.twoFactor.key, config.twoFactor.keyFile)),
  );
  const access = accessService(db);
  const origins = new Set(config.allowedOrigins);

  const summaries = summaryStore(db);
  const projection = new Projection(summaries, { debounceMs: config.projectionDebounceMs }, log);
  const meetings = meetingStore(db);
  const actions = actionStore(db);
  const versions = boardVersions(db);
  const changes = changeStore(db);
  const changeLog = new ChangeLog(changes, {}, log);
  const meetingProjection = new MeetingProjection(actions, { debounceMs: config.projectionDebounceMs }, log);
  const sync = new SyncServer({
    // Order matters: who may open it, then the shape of what they send, then storage (SPEC P1).
    extensions: [
      new SessionAccess({
        sessions,
        grant: documentAccess(access, meetings),
        audit,
        allowedOrigins: () => origins,
      }),
      new ShapeValidation(),
      new Persistence(documents, { compactAfterUpdates: config.sync.compactAfterUpdates }),
      changeLog,
      new ChangeEntries(audit),
      projection,
      meetingProjection,
      new AutoVersions(versions, log, { everyMs: config.versionEveryMs }),
      new BoardDefaults(),
    ],
    maxMessageBytes: config.sync.maxMessageBytes,
    unloadAfterMs: config.sync.unloadAfterMs,
    hold: config.sync.hold,
    accessRecheckMs: config.accessRecheckMs,
    log,
  });
  const cases = caseService(db);
  const places = placeService(db);
  const teams = teamService(db, places);
  const services: Services = {
    // A copy: the public address is only known after listening when the port is chosen freely.
    config: { ...config },
    db,
    log,
    sessions,
    throttle,
    devices,
    twoFactor,
    signIn: signInService({ db, accounts, throttle, devices, twoFactor }),
    accounts,
    access,
    cases,
    caseAdmin: caseAdminService(db, config.consent),
    audit,
    recheckConnections: () => sync.recheck(),
    places,
    teams,
    professionals: professionalService({
      db,
      accounts,
      sessions,
      twoFactor,
      teams,
      recheckConnections: () => sync.recheck(),
    }),
    registry: sync.registry,
    clientVoice: clientVoiceService(sync.registry),
    history: historyService(changes, changeLog, documentAccess(access, meetings)),
    meetings: {
      store: meetings,
      actions,
      versions,
      service: meetingService({
        db,
        store: meetings,
        actions,
        versions,
        registry: sync.registry,
        projection: meetingProjection,
      }),
    },
    notifications: notificationService(db, {
      mailer: config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null,
      from: config.mail.from,
      publicUrl: () => services.config.publicUrl,
      log,
    }),
    retention: retentionService({
      db,
      registry: sync.registry,
      documents,
      audit,
      sessions,
      log,
      periods: config.retention,
      now: options.retentionClock ?? (() => new Date()),
      recheck: () => sync.recheck(),
    }),
    clientFiles: clientFileService({
      db,
      audit,
      cases,
      consents: (caseId) => services.caseAdmin.listConsents(caseId),
    }),
  };
  // Daily, and once now: what passed its retention period is listed for the admin (SPEC RT3).
  const retentionJob = startRetentionJob(
    () => services.retention.check(),
    config.retention.checkEveryMs,
    log,
  );

  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS-terminating proxy (TRUST_PROXY): req.ip and req.secure come from its X-Forwarded-* headers.
  app.set('trust proxy', config.trustProxy);
  app.use(requestLogger(log));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'img-src': ["'self'", 'data:'],
          // Only behind HTTPS: on plain http it would point the browser at an https that is not there.
          'upgrade-insecure-requests': config.session.cookieSecure ? [] : null,
        },
      },
      strictTransportSecurity: false,
    }),
  );
  app.use(strictTransport(config.session.cookieSecure), permissionsPolicy);
  // Public: that the server is up. How busy it is only for a signed-in admin.
  app.get('/healthz', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const admin = sessionFromHeaders(sessions, req.headers.cookie)?.user.role === 'admin';
    if (!admin) return void res.json({ status: 'ok' });
    res.json({ status: 'ok', documentsLoaded: sync.registry.size, connections: sync.connectionCount });
  });
  app.use('/api', express.json({ limit: '100kb' }), attachSession(sessions), csrfProtection);
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api/session', sessionRouter(services));
  app.use('/api/invitations', invitationsRouter(services));
  app.use('/api/cases', casesRouter(services));
  app.use('/api/professionals', professionalsRouter(services));
  app.use('/api/my', myRouter(services, clientPlanService(sync.registry, cases)));
  app.use('/api/retention', retentionRouter(services));
  app.use('/api/admin', adminRouter(services));
  app.use('/api/meetings', meetingsRouter(services));
  app.use('/api/actions', actionsRouter(services));
  app.use('/api/caseload', caseloadRouter(services, caseloadService(db)));
  app.use('/api/notifications', notificationsRouter(services, services.notifications));
  app.use('/api', (req) => {
    throw new HttpError(404, `no route ${req.method} ${req.originalUrl}`);
  });
  const clientDir = config.clientDir;
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    // Source maps would hand out the whole client source: none in production, even if a build made them.
    if (config.env === 'production')
      app.use((req, _res, next) =>
        next(req.path.endsWith('.map') ? new HttpError(404, 'not found') : undefined),
      );
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get('/{*path}', (_req, res) => {
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  }
  app.use(errorHandler(log));

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
