import { createHash } from 'node:crypto';

/** The hash chain of the access log, as pure functions over stored rows. */

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

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

/** sha256 of the previous hash and the entry's columns as JSON in a fixed key order (id excluded). */
export function entryHash(prevHash: string, fields: HashedFields): string {
  const canonical = JSON.stringify(Object.fromEntries(HASHED_COLUMNS.map((c) => [c, fields[c]])));
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

/** Details as JSON with sorted keys, so equal details always store (and hash) the same. */
export function canonicalDetails(details: Record<string, unknown> | null | undefined): string | null {
  if (!details) return null;
  const sorted = Object.entries(details).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(sorted));
}

/** Why `row` breaks the chain after `previous` (null: the start of the log), or null when it does not. */
export function brokenBecause(
  row: AccessLogRow,
  previous: { id: number; hash: string } | null,
): string | null {
  if (entryHash(row.prev_hash, row) !== row.hash) return 'hash does not match its content';
  if (row.prev_hash === (previous?.hash ?? GENESIS_HASH)) return null;
  return previous ? `does not follow entry ${previous.id}` : 'does not follow the start of the log';
}
