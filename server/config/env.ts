import { z } from 'zod';

/** Proxy addresses Express knows by name (`trust proxy`). */
const namedProxies = ['loopback', 'linklocal', 'uniquelocal'];

/** A yes/no variable: true/false or 1/0. */
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The environment variables the server reads, each with its bounds and default. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * PostgreSQL for the documents (SPEC ST1); absent or empty: SQLite in DATA_DIR. May hold a
   * password, so a bad value is never echoed.
   */
  DATABASE_URL: z
    .string()
    .transform((v) => v.trim())
    .refine(
      (v) => v === '' || (/^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(v) && URL.canParse(v)),
      'must be postgres://user@host:port/database',
    )
    .optional(),
  /**
   * Redis between several instances on one PostgreSQL (SPEC SI1): document changes, presence,
   * access re-checks and live lists reach the other instances through it. Absent: one instance.
   */
  REDIS_URL: z
    .string()
    .transform((v) => v.trim())
    .refine((v) => v === '' || (/^rediss?:\/\//.test(v) && URL.canParse(v)), 'must be redis://host:port')
    .optional(),
  /**
   * This instance's name among several (default: host name and port): it closes after a crash
   * only the editing sessions it opened itself (SPEC A6). Keep it the same across restarts.
   */
  INSTANCE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'letters, digits, ".", "_", ":" or "-"')
    .optional(),
  /** Redis channel names start with this: deployments (or test runs) sharing one Redis stay apart. */
  REDIS_CHANNEL_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,40}$/, 'letters, digits, ":", "_" or "-", at most 40')
    .default('vz:'),
  /** How long a gap in a document's sequence may stay open before the missing changes are read back. */
  SYNC_GAP_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  /** How often an instance compares every loaded document with the database (several instances). */
  SYNC_HEAD_CHECK_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
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
  INITIAL_ADMIN_PASSWORD: z.string().min(12).max(200).optional(),
  /**
   * Two-factor sign-in (TOTP) for every role that reads client data (professional, coordinator,
   * admin); default on in production without demo data, off otherwise. Clients may choose it.
   */
  REQUIRE_2FA: flag.optional(),
  /** The key that encrypts two-factor secrets, 64 hex digits; default a key file (generated). */
  TWO_FACTOR_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal digits (32 bytes)')
    .optional(),
  TWO_FACTOR_KEY_FILE: z.string().min(1).optional(),
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
  /** A consent to share a compartment ends this many months after the client gave it, unless set (SPEC A7). */
  CONSENT_DEFAULT_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** And never later than this many months after it was given. */
  CONSENT_MAX_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  /** A service on the social map not confirmed for this many days is flagged as possibly out of date (SPEC SM5). */
  SOCIAL_MAP_STALE_DAYS: z.coerce.number().int().min(7).max(3650).default(180),
  /** A referral not accepted, or without first contact, this many working days after is flagged (SPEC RF5). */
  REFERRAL_WAIT_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** The least number of people or clients a collaboration-health figure is about (SPEC CH5). */
  HEALTH_MIN_GROUP: z.coerce.number().int().min(3).max(100).default(5),
  /** How long a contact person's link to confirm their service works (SPEC SM5). */
  SOCIAL_MAP_LINK_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Years after a case closed that its medical compartment is kept (WGBO), then listed for erasure. */
  RETENTION_YEARS_MEDICAL: z.coerce.number().int().min(1).max(115).default(20),
  /** Years after a case closed that its board, social compartment and the rest are kept (SPEC RT2). */
  RETENTION_YEARS_SOCIAL: z.coerce.number().int().min(1).max(115).default(7),
  /** The access log's chain key (HMAC-SHA256), 32 bytes as hex; default: read from AUDIT_KEY_FILE. */
  AUDIT_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes), e.g. from `openssl rand -hex 32`')
    .optional(),
  /** The key file, outside DATA_DIR; created (mode 0600) on first start. Default ../keys/audit.key. */
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** The append-only file of signed checkpoints of the access log, outside DATA_DIR. */
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  /** How often a checkpoint is written while the log grows (and always at start and stop). */
  AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(5),
  /**
   * Behind a TLS-terminating proxy: how many proxies to trust for X-Forwarded-For/-Proto (a
   * number), or their addresses (comma-separated IPs, subnets, `loopback`, `uniquelocal`);
   * default none. `true` (trust anyone) is refused: every client could then pick its address.
   */
  TRUST_PROXY: z
    .string()
    .transform((v, ctx) => {
      const value = v.trim();
      if (value === 'false' || value === '0') return false;
      if (/^\d+$/.test(value)) return Number(value);
      const parts = value.split(',').map((p) => p.trim());
      const address = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);
      if (parts.every((p) => namedProxies.includes(p) || address.safeParse(p).success)) return parts;
      ctx.addIssue({
        code: 'custom',
        message: 'give a number of proxies (e.g. 1) or their addresses (IPs, subnets, loopback), not true',
      });
      return z.NEVER;
    })
    .optional(),
});
