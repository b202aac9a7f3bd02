import { createHash } from 'node:crypto';
import type { Data } from '../storage/data.js';

/**
 * The clients a list read showed, in an entry's details: the ids themselves for a short list
 * (`cases`, space-separated), their digest for a long one (`casesDigest`), and always how many
 * (`listed`). The ids are indexed in `access_log_cases` either way; the details put them under
 * the chain, so verify() can tell when the index was changed.
 */
export const INLINE_CASES_MAX = 100;

/** sha256 of the sorted ids, one a line. */
export const casesDigest = (ids: readonly string[]) =>
  createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex');

export function listedCasesDetails(ids: readonly string[]): Record<string, string | number> {
  if (ids.length <= INLINE_CASES_MAX) return { listed: ids.length, cases: ids.join(' ') };
  return { listed: ids.length, casesDigest: casesDigest(ids) };
}

/** Whether `ids` (from the index) are the ones the entry's details name. */
export function listMatches(details: Record<string, unknown> | null, ids: readonly string[]): boolean {
  if (!details || typeof details.listed !== 'number') return ids.length === 0;
  if (details.listed !== ids.length) return false;
  if (typeof details.casesDigest === 'string') return details.casesDigest === casesDigest(ids);
  const inline = typeof details.cases === 'string' && details.cases ? details.cases.split(' ') : [];
  return casesDigest(inline) === casesDigest(ids);
}

/**
 * Whether the database has the index of list reads (older SQLite files do not until migrated;
 * PostgreSQL's schema always has it).
 */
export async function hasListIndex(data: Pick<Data, 'engine' | 'db'>): Promise<boolean> {
  if (data.engine === 'postgres') return true;
  const tables = await data.db.introspection.getTables();
  return tables.some((t) => t.name === 'access_log_cases');
}
