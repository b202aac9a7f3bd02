import { createHash, createHmac } from 'node:crypto';

/** The hash chain of the access log, as pure functions over stored rows. */

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The entry from which on the chain is keyed (HMAC-SHA256): the first entry of a new log, or the
 * entry a log of an older version got when it was first started with a key. Entries before it
 * were chained with plain SHA-256; the marker's own hash seals them.
 */
export const KEYED_EVENT = 'log-keyed';

/** The stored columns, in the order in which they are hashed. */
export const HASHED_COLUMNS = [
  'at',
  'event',
  'case_id',
  'user_id',
  'on_behalf_of',
  'role',
  'address',
  'user_agent',
  'authorization',
  'outcome',
  'details',
] as const;

export type HashedFields = Record<(typeof HASHED_COLUMNS)[number], string | null>;
/** One `access_log` row as SQLite returns it. */
export type AccessLogRow = HashedFields & { id: number; prev_hash: string; hash: string };

const canonical = (prevHash: string, fields: HashedFields) =>
  `${prevHash}\n${JSON.stringify(Object.fromEntries(HASHED_COLUMNS.map((c) => [c, fields[c]])))}`;

/** sha256 of the previous hash and the entry's columns as JSON in a fixed key order (id excluded): entries before the key. */
export function entryHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(canonical(prevHash, fields)).digest('hex');
}

/** The same, keyed: HMAC-SHA256 with the log's key, so nobody without the key can recompute it. */
export function keyedEntryHash(secret: Buffer, prevHash: string, fields: HashedFields): string {
  return createHmac('sha256', secret).update(canonical(prevHash, fields)).digest('hex');
}

/** Details as JSON with sorted keys, so equal details always store (and hash) the same. */
export function canonicalDetails(details: Record<string, unknown> | null | undefined): string | null {
  if (!details) return null;
  const sorted = Object.entries(details).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(sorted));
}

/**
 * Why `row` breaks the chain after `previous` (null: the start of the log), or null when it does
 * not. `secret` is the key for a keyed entry, null for one from before the key.
 */
export function brokenBecause(
  row: AccessLogRow,
  previous: { id: number; hash: string } | null,
  secret: Buffer | null,
): string | null {
  const expected = secret ? keyedEntryHash(secret, row.prev_hash, row) : entryHash(row.prev_hash, row);
  if (expected !== row.hash)
    return secret
      ? 'hash does not match its content (keyed: changed, or recomputed without the key)'
      : 'hash does not match its content';
  if (row.prev_hash === (previous?.hash ?? GENESIS_HASH)) return null;
  return previous ? `does not follow entry ${previous.id}` : 'does not follow the start of the log';
}
