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
import { clientFileService } from '../export/clientFile.js';
import { fhirExportService } from '../fhir/caseBundle.js';
import { ChangeLog } from '../history/changeLog.js';
import { historyService } from '../history/service.js';
import { changeStore } from '../history/store.js';
import type { Logger } from '../logger.js';
import { actionStore } from '../meetings/actions.js';
import { meetingService } from '../meetings/service.js';
import { meetingStore } from '../meetings/store.js';
import { retentionService } from '../retention/service.js';
import type { Data } from '../storage/data.js';
import type { Bus } from '../sync/instances/bus.js';
import { Replication } from '../sync/instances/replication.js';
import { shareEvents } from '../sync/instances/sharedEvents.js';
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
import { socialMapService } from '../socialMap/service.js';
import { glossaryService } from '../glossary/service.js';
import { referralService } from '../referrals/service.js';
import { letterService } from '../letters/service.js';
import { decisionTreeService } from '../decisionTrees/service.js';

export interface BuiltServices {
  services: Services;
  sync: SyncServer;
  /** Origins that may open sync connections; the app adds its own address once it listens. */
  origins: Set<string>;
  /** Following the other instances' changes (several instances); closed after the sync server. */
  replication: Replication | undefined;
}

/**
 * Builds the sync server with its extensions and every service the routes use, on an open database
 * and storage; creates the initial admin when none exists. Nothing listens yet.
 */
export async function buildServices(
  config: Config,
  deps: {
    /** The typed database every service reads and writes through (SPEC ST1). */
    data: Data;
    /** Between the instances (SPEC SI1); `singleInstanceBus()` when this one runs alone. */
    bus: Bus;
    log: Logger;
    audit: AccessLog;
    documents: Storage['documents'];
    /** The clock retention periods are measured by (SPEC RT1). */
    retentionClock?: () => Date;
  },
): Promise<BuiltServices> {
  const { data, log, audit, documents, bus } = deps;
  // Re-checks open sync connections here and on every other instance (SPEC SI4).
  bus.subscribe('recheck', () => void sync.recheck());
  const recheckEverywhere = () => {
    bus.publish('recheck', new Uint8Array());
    return sync.recheck();
  };
  // Open sync connections of sessions a new password ended close at once (SPEC AS5).
  const accounts = accountService(data, { sessionsEnded: () => recheckEverywhere() });
  if (config.initialAdmin && !(await accounts.hasAdmin())) {
    const { username, password } = config.initialAdmin;
    await accounts.create({
      username,
      displayName: username,
      role: 'admin',
      passwordHash: await hashPassword(password),
    });
  }
  const sessions = sessionStore(data, {
    ...config.session,
    twoFactorRoles: config.twoFactor.required ? twoFactorRoles : [],
  });
  const throttle = loginThrottle(data);
  const devices = deviceStore(data);
  const twoFactor = twoFactorService(
    data,
    secretBox(loadSecretKey(config.twoFactor.key, config.twoFactor.keyFile)),
  );
  const access = accessService(data);
  const origins = new Set(config.allowedOrigins);

  const summaries = summaryStore(data);
  const projection = new Projection(summaries, { debounceMs: config.projectionDebounceMs }, log);
  const meetings = meetingStore(data);
  const actions = actionStore(data);
  const versions = boardVersions(data);
  const changes = changeStore(data);
  const changeLog = new ChangeLog(changes, {}, log);
  const meetingProjection = new MeetingProjection(actions, { debounceMs: config.projectionDebounceMs }, log);
  const persistence = new Persistence(documents, { compactAfterUpdates: config.sync.compactAfterUpdates });
  // Several instances: each follows the others' changes to the documents it holds (SPEC SI2).
  const replication = config.instances.redisUrl
    ? new Replication(
        bus,
        documents,
        (doc) => persistence.appliedOf(doc),
        { gapWaitMs: config.instances.gapWaitMs, checkEveryMs: config.instances.checkEveryMs },
        log,
      )
    : undefined;
  const sync = new SyncServer({
    // Order matters: who may open it, then the shape of what they send, then storage (SPEC P1).
    extensions: [
      new SessionAccess({
        sessions,
        grant: documentAccess(access, meetings),
        audit,
        allowedOrigins: () => origins,
        instance: config.instances.redisUrl ? config.instances.name : undefined,
      }),
      new ShapeValidation(),
      persistence,
      changeLog,
      new ChangeEntries(audit, {}, log),
      projection,
      meetingProjection,
      new AutoVersions(versions, log, { everyMs: config.versionEveryMs }),
      new BoardDefaults(),
    ],
    maxMessageBytes: config.sync.maxMessageBytes,
    unloadAfterMs: config.sync.unloadAfterMs,
    hold: config.sync.hold,
    accessRecheckMs: config.accessRecheckMs,
    replication,
    log,
  });
  const cases = caseService(data);
  const places = placeService(data);
  const teams = teamService(data, places);
  const services: Services = {
    // A copy: the public address is only known after listening when the port is chosen freely.
    config: { ...config },
    data,
    log,
    sessions,
    throttle,
    devices,
    twoFactor,
    signIn: signInService({ data, accounts, throttle, devices, twoFactor }),
    accounts,
    access,
    cases,
    caseAdmin: caseAdminService(data, config.consent),
    summaries,
    audit,
    recheckConnections: recheckEverywhere,
    places,
    teams,
    professionals: professionalService({
      data,
      accounts,
      sessions,
      twoFactor,
      teams,
      recheckConnections: recheckEverywhere,
    }),
    registry: sync.registry,
    clientVoice: clientVoiceService(sync.registry, data),
    history: historyService(changes, changeLog, documentAccess(access, meetings)),
    meetings: {
      store: meetings,
      actions,
      versions,
      service: meetingService({
        data,
        store: meetings,
        actions,
        versions,
        registry: sync.registry,
        projection: meetingProjection,
      }),
    },
    socialMap: socialMapService(data, config.socialMap),
    glossary: glossaryService(data),
    referrals: referralService(data, config.referrals),
    letters: letterService(data),
    decisionTrees: decisionTreeService(data),
    notifications: notificationService(data, {
      mailer: config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null,
      from: config.mail.from,
      publicUrl: () => services.config.publicUrl,
      log,
    }),
    retention: retentionService({
      data,
      registry: sync.registry,
      documents,
      audit,
      sessions,
      log,
      periods: config.retention,
      now: deps.retentionClock ?? (() => new Date()),
      recheck: recheckEverywhere,
    }),
    clientFiles: clientFileService({
      data,
      documents,
      audit,
      cases,
      consents: (caseId) => services.caseAdmin.listConsents(caseId),
    }),
    fhir: fhirExportService({
      data,
      documents,
      cases,
      referrals: { ofCase: (caseId) => services.referrals.store.ofCase(caseId) },
      consents: (caseId) => services.caseAdmin.listConsents(caseId),
      publicUrl: () => services.config.publicUrl,
    }),
  };
  // The live streams fire on every instance (SPEC SI4).
  if (config.instances.redisUrl) {
    // A board changes with every keystroke; the client's plan (its only listener) is read again
    // 300 ms after the word anyway, so the other instances hear of a document 4 times a second at most.
    shareEvents(sync.registry.changes, bus, 'documents', { coalesceMs: 250 });
    shareEvents(services.caseAdmin.changes, bus, 'consents');
    shareEvents(actions.changes, bus, 'actions');
    shareEvents(services.notifications.events, bus, 'notifications');
    shareEvents(summaries.changes, bus, 'summaries', { coalesceMs: 250 });
    shareEvents(changeLog.written, bus, 'history');
    shareEvents(versions.kept, bus, 'versions');
    shareEvents(services.referrals.changes, bus, 'referrals');
  }
  return { services, sync, origins, replication };
}
