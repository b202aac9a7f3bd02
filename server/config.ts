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
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  demoData: boolean;
  sync: { maxMessageBytes: number; unloadAfterMs: number; compactAfterUpdates: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Where the built client lives; null serves no client (API and sync only). */
  clientDir: string | null;
}

export class ConfigError extends Error {}

/** Reads the configuration from environment variables; a bad value names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`${name}: ${issue.message} (got ${JSON.stringify(env[name] ?? '')})`);
  }
  const e = parsed.data;
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
    },
    logLevel: e.LOG_LEVEL,
    clientDir: path.resolve('dist/client'),
  };
}
