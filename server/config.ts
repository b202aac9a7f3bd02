import path from 'node:path';
import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Seed the demo neighbourhood on first start; on by default except in production. */
  DEMO_DATA: flag.optional(),
  /** Largest WebSocket message the sync server accepts. */
  SYNC_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(4 * 1024 * 1024),
  /** How long a document stays in memory after its last connection leaves. */
  SYNC_UNLOAD_AFTER_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000)
    .default(30_000),
  /** Stored updates of one document are merged into one after this many. */
  SYNC_COMPACT_AFTER_UPDATES: z.coerce.number().int().min(2).max(1_000_000).default(500),
  /**
   * Updates that arrive before what they build on (after a reconnect the stock provider sends live
   * edits before its sync step 2) wait per connection up to these bounds (SPEC V5).
   */
  SYNC_HOLD_MAX_UPDATES: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  SYNC_HOLD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .optional(),
  SYNC_HOLD_MAX_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(3600 * 1000)
    .default(60_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** The address people use to reach the app (invitation links); default http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** Comma-separated origins allowed to open sync connections; default PUBLIC_URL (+ Vite dev). */
  ALLOWED_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url()).min(1))
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(480),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Send the session cookie only over HTTPS; default on in production. */
  COOKIE_SECURE: flag.optional(),
  /** How often open sync connections are checked against current rights (revocations close them). */
  ACCESS_RECHECK_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  /** Creates this admin account on start when no admin exists (production bootstrap). */
  INITIAL_ADMIN_USERNAME: z.string().min(3).max(100).optional(),
  INITIAL_ADMIN_PASSWORD: z.string().min(10).max(200).optional(),
  /** SMTP server for notification e-mails, e.g. smtp://user:pass@mail.example.nl:587; none: no e-mail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Veelzijdig <noreply@veelzijdig.invalid>'),
  /** While a board is being edited, a version of it is kept at least this often (SPEC H5). */
  BOARD_VERSION_EVERY_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** How long after a board change its caseload summary is written. */
  PROJECTION_DEBOUNCE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
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
  mail: { smtpUrl: string | null; from: string };
  projectionDebounceMs: number;
  /** How often a version of a board being edited is kept, at least. */
  versionEveryMs: number;
  /** Where the built client lives; null serves no client (API and sync only). */
  clientDir: string | null;
}

export class ConfigError extends Error {}

/** Variables that may hold a password: a bad value is named but never echoed into the logs. */
const secretVariables = new Set(['INITIAL_ADMIN_PASSWORD', 'SMTP_URL']);

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
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const production = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
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
    versionEveryMs: e.BOARD_VERSION_EVERY_MINUTES * 60_000,
    initialAdmin:
      e.INITIAL_ADMIN_USERNAME && e.INITIAL_ADMIN_PASSWORD
        ? { username: e.INITIAL_ADMIN_USERNAME, password: e.INITIAL_ADMIN_PASSWORD }
        : null,
    clientDir: path.resolve('dist/client'),
  };
}
