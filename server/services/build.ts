import nodemailer from 'nodemailer';
import type { AccessLog } from '../audit/accessLog.js';
import { ChangeEntries } from '../audit/changeEntries.js';
import { deviceStore } from '../auth/devices.js';
import { hashPassword } from '../auth/passwords.js';
import { loadSecretKey, secretBox } from '../auth/secretBox.js';
import { sessionStore } from '../auth/sessions.js';
import { signInService } from '../auth/signIn.js';
import { loginThrottle } from '../auth/throttle.js';
import { twoFactorRoles, twoFactorService } from '../auth/twoFactor.js';
import { notificationService } from '../caseload/notifications.js';
import { summaryStore } from '../caseload/summaries.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { clientFileService } from '../export/clientFile.js';
import { ChangeLog } from '../history/changeLog.js';
import { historyService } from '../history/service.js';
import { changeStore } from '../history/store.js';
import type { Logger } from '../logger.js';
import { actionStore } from '../meetings/actions.js';
import { meetingService } from '../meetings/service.js';
import { meetingStore } from '../meetings/store.js';
import { retentionService } from '../retention/service.js';
import type { Storage } from '../storage/storage.js';
import { BoardDefaults } from '../sync/extensions/boardDefaults.js';
import { MeetingProjection } from '../sync/extensions/meetingProjection.js';
import { Persistence } from '../sync/extensions/persistence.js';
import { Projection } from '../sync/extensions/projection.js';
import { SessionAccess } from '../sync/extensions/sessionAccess.js';
import { ShapeValidation } from '../sync/extensions/shapeValidation.js';
import { SyncServer } from '../sync/syncServer.js';
import { AutoVersions } from '../versions/autoVersions.js';
import { boardVersions } from '../versions/store.js';
import { accessService } from './access.js';
import { accountService } from './accounts.js';
import { caseAdminService } from './caseAdmin.js';
import { caseService } from './cases.js';
import { clientVoiceService } from './clientVoice.js';
import { documentAccess } from './documentAccess.js';
import type { Services } from './index.js';
import { placeService } from './places.js';
import { professionalService } from './professionals.js';
import { teamService } from './teams.js';

export interface BuiltServices {
  services: Services;
  sync: SyncServer;
  /** Origins that may open sync connections; the app adds its own address once it listens. */
  origins: Set<string>;
}

/**
 * Builds the sync server with its extensions and every service the routes use, on an open database
 * and storage; creates the initial admin when none exists. Nothing listens yet.
 */
export async function buildServices(
  config: Config,
  deps: {
    db: Db;
    log: Logger;
    audit: AccessLog;
    documents: Storage['documents'];
    /** The clock retention periods are measured by (SPEC RT1). */
    retentionClock?: () => Date;
  },
): Promise<BuiltServices> {
  const { db, log, audit, documents } = deps;
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
      now: deps.retentionClock ?? (() => new Date()),
      recheck: () => sync.recheck(),
    }),
    clientFiles: clientFileService({
      db,
      audit,
      cases,
      consents: (caseId) => services.caseAdmin.listConsents(caseId),
    }),
  };
  return { services, sync, origins };
}
