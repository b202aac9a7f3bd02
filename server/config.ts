import os from 'node:os';
import path from 'node:path';
import { envSchema } from './config/env.js';

/** Which storage holds the documents: PostgreSQL when `databaseUrl` is set, else SQLite in `dataDir`. */
export interface StorageConfig {
  databaseUrl: string | null;
  dataDir: string;
}

/** Several instances: Redis between them, and how they catch up on what the bus did not bring. */
export interface InstancesConfig {
  redisUrl: string | null;
  /** INSTANCE_NAME, or the host name and port. */
  name: string;
  channelPrefix: string;
  gapWaitMs: number;
  checkEveryMs: number;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  storage: StorageConfig;
  instances: InstancesConfig;
  demoData: boolean;
  sync: {
    maxMessageBytes: number;
    unloadAfterMs: number;
    compactAfterUpdates: number;
    hold: { maxUpdates: number; maxBytes: number; maxMs: number };
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  publicUrl: string;
  allowedOrigins: string[];
  session: { idleMinutes: number; maxHours: number; cookieSecure: boolean };
  accessRecheckMs: number;
  initialAdmin: { username: string; password: string } | null;
  twoFactor: {
    /** Professionals, coordinators and admins must sign in with a second factor. */
    required: boolean;
    /** TWO_FACTOR_KEY as hex; null: the key lives in `keyFile`. */
    key: string | null;
    keyFile: string;
  };
  mail: { smtpUrl: string | null; from: string };
  projectionDebounceMs: number;
  /** How long a consent lasts by default and at most, in months after the client gave it. */
  consent: { defaultMonths: number; maxMonths: number };
  /** How often a version of a board being edited is kept, at least. */
  versionEveryMs: number;
  /** The social map: when a service counts as not confirmed for a while, how long a confirm link works. */
  socialMap: { staleDays: number; linkDays: number };
  /** A referral waiting longer than this many working days (to be accepted, or for first contact) is flagged. */
  referrals: { waitWorkingDays: number };
  /** Collaboration health: figures about fewer people or clients than this are not shown (SPEC CH5). */
  health: { minGroup: number };
  /** How long after closing each part of a case is kept, and how often the check runs (SPEC RT1–RT3). */
  retention: { medicalYears: number; socialYears: number; checkEveryMs: number };
  /** Where the built client lives; null serves no client (API and sync only). */
  clientDir: string | null;
  audit: {
    /** AUDIT_KEY as hex; null: the key lives in `keyFile`. */
    key: string | null;
    keyFile: string;
    checkpointFile: string;
    checkpointEveryMs: number;
  };
  /** Express's `trust proxy`: false, a number of hops, or the proxies' addresses. */
  trustProxy: false | number | string[];
}

export class ConfigError extends Error {}

/** Variables that may hold a password: a bad value is named but never echoed into the logs. */
const secretVariables = new Set([
  'INITIAL_ADMIN_PASSWORD',
  'SMTP_URL',
  'AUDIT_KEY',
  'TWO_FACTOR_KEY',
  'DATABASE_URL',
  'REDIS_URL',
]);

/** True when `file` lies inside `dir` (or is it). */
const isInside = (dir: string, file: string) => {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
};

/**
 * Where the access log's key and checkpoints live: outside the data folder, so a copy of the
 * database never carries what checks it (default `keys/` next to the data folder).
 */
function auditFiles(e: { AUDIT_KEY_FILE?: string; AUDIT_CHECKPOINT_FILE?: string }, dataDir: string) {
  const keyFile = path.resolve(e.AUDIT_KEY_FILE ?? path.join(path.dirname(dataDir), 'keys', 'audit.key'));
  const checkpointFile = path.resolve(
    e.AUDIT_CHECKPOINT_FILE ??
      path.join(path.dirname(keyFile), `${path.basename(dataDir)}-audit-checkpoints.jsonl`),
  );
  for (const [name, file] of [
    ['AUDIT_KEY_FILE', keyFile],
    ['AUDIT_CHECKPOINT_FILE', checkpointFile],
  ] as const) {
    if (isInside(dataDir, file))
      throw new ConfigError(
        `${name}: must lie outside DATA_DIR (${dataDir}), so a copy of the database never carries it`,
      );
  }
  return { keyFile, checkpointFile };
}

/** Reads the configuration from environment variables; a bad value names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const got = secretVariables.has(name) ? 'a value that is not shown' : JSON.stringify(env[name] ?? '');
    throw new ConfigError(`${name}: ${issue.message} (got ${got})`);
  }
  const e = parsed.data;
  if ((e.INITIAL_ADMIN_USERNAME === undefined) !== (e.INITIAL_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError(
      'INITIAL_ADMIN_PASSWORD: set both INITIAL_ADMIN_USERNAME and INITIAL_ADMIN_PASSWORD, or neither',
    );
  }
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'REDIS_URL: several instances share one PostgreSQL; set DATABASE_URL too, or leave REDIS_URL out',
    );
  }
  if (e.CONSENT_DEFAULT_MONTHS > e.CONSENT_MAX_MONTHS) {
    throw new ConfigError(
      `CONSENT_DEFAULT_MONTHS: must not be more than CONSENT_MAX_MONTHS (${e.CONSENT_MAX_MONTHS})`,
    );
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const production = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    storage: { databaseUrl: e.DATABASE_URL || null, dataDir },
    instances: {
      redisUrl: e.REDIS_URL || null,
      name: e.INSTANCE_NAME ?? `${os.hostname()}:${e.PORT}`,
      channelPrefix: e.REDIS_CHANNEL_PREFIX,
      gapWaitMs: e.SYNC_GAP_WAIT_MS,
      checkEveryMs: e.SYNC_HEAD_CHECK_MS,
    },
    demoData: e.DEMO_DATA ?? e.NODE_ENV !== 'production',
    sync: {
      maxMessageBytes: e.SYNC_MAX_MESSAGE_BYTES,
      unloadAfterMs: e.SYNC_UNLOAD_AFTER_MS,
      compactAfterUpdates: e.SYNC_COMPACT_AFTER_UPDATES,
      hold: {
        maxUpdates: e.SYNC_HOLD_MAX_UPDATES,
        // Default: four of the largest messages, and never less than 16 MiB.
        maxBytes: e.SYNC_HOLD_MAX_BYTES ?? Math.max(16 * 1024 * 1024, e.SYNC_MAX_MESSAGE_BYTES * 4),
        maxMs: e.SYNC_HOLD_MAX_MS,
      },
    },
    logLevel: e.LOG_LEVEL,
    publicUrl,
    allowedOrigins: e.ALLOWED_ORIGINS ?? (production ? [publicUrl] : [publicUrl, 'http://localhost:5173']),
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      maxHours: e.SESSION_MAX_HOURS,
      cookieSecure: e.COOKIE_SECURE ?? production,
    },
    accessRecheckMs: e.ACCESS_RECHECK_MS,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    projectionDebounceMs: e.PROJECTION_DEBOUNCE_MS,
    consent: { defaultMonths: e.CONSENT_DEFAULT_MONTHS, maxMonths: e.CONSENT_MAX_MONTHS },
    versionEveryMs: e.BOARD_VERSION_EVERY_MINUTES * 60_000,
    socialMap: { staleDays: e.SOCIAL_MAP_STALE_DAYS, linkDays: e.SOCIAL_MAP_LINK_DAYS },
    referrals: { waitWorkingDays: e.REFERRAL_WAIT_WORKING_DAYS },
    health: { minGroup: e.HEALTH_MIN_GROUP },
    twoFactor: {
      required: e.REQUIRE_2FA ?? (production && !(e.DEMO_DATA ?? false)),
      key: e.TWO_FACTOR_KEY?.toLowerCase() ?? null,
      keyFile: path.resolve(
        e.TWO_FACTOR_KEY_FILE ?? path.join(path.dirname(dataDir), 'keys', 'two-factor.key'),
      ),
    },
    initialAdmin:
      e.INITIAL_ADMIN_USERNAME && e.INITIAL_ADMIN_PASSWORD
        ? { username: e.INITIAL_ADMIN_USERNAME, password: e.INITIAL_ADMIN_PASSWORD }
        : null,
    retention: {
      medicalYears: e.RETENTION_YEARS_MEDICAL,
      socialYears: e.RETENTION_YEARS_SOCIAL,
      checkEveryMs: 24 * 3600 * 1000,
    },
    clientDir: path.resolve('dist/client'),
    audit: {
      key: e.AUDIT_KEY?.toLowerCase() ?? null,
      ...auditFiles(e, dataDir),
      checkpointEveryMs: e.AUDIT_CHECKPOINT_MINUTES * 60_000,
    },
    trustProxy: e.TRUST_PROXY ?? false,
  };
}
