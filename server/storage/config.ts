import { z } from 'zod';

/** Which storage to open: PostgreSQL when `databaseUrl` is set, else SQLite in `dataDir`. */
export interface StorageConfig {
  databaseUrl: string | null;
  dataDir: string;
}

export class StorageConfigError extends Error {}

const databaseUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/[^/]+\/[^/?]+/, 'must be postgres://user@host:port/database')
  .refine((url) => URL.canParse(url), 'is not a valid URL');

/**
 * Reads DATABASE_URL (optional: absent or empty means SQLite in DATA_DIR). A bad value names the
 * variable but never echoes it: the URL may hold a password. server/config.ts will carry this
 * variable once the server opens its storage through openStorage.
 */
export function storageConfig(env: NodeJS.ProcessEnv, dataDir: string): StorageConfig {
  const value = env.DATABASE_URL?.trim();
  if (!value) return { databaseUrl: null, dataDir };
  const parsed = databaseUrl.safeParse(value);
  if (!parsed.success) {
    throw new StorageConfigError(
      `DATABASE_URL: ${parsed.error.issues[0]!.message} (got a value that is not shown)`,
    );
  }
  return { databaseUrl: parsed.data, dataDir };
}
