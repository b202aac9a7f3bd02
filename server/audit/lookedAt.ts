import type { AccessEvent } from '../../shared/accessLog.js';
import { sql } from 'kysely';
import type { Executor } from '../storage/data.js';

/** The events that show a client who saw (or changed) their file. */
export const LOOKED_AT_EVENTS = [
  'document-open',
  'document-change',
  'api-read',
  'api-write',
  'export',
  'print',
  'search',
  // The steps of the case's life, and who learned from a registration that it exists.
  'case-registered',
  'possible-duplicate',
  'access-requested',
  'coordinator-transferred',
  'case-closed',
  'case-reopened',
] as const satisfies readonly AccessEvent[];

export interface LookedAt {
  at: string;
  /** What they did; `listed` when the client was one of the people a list showed them. */
  event: AccessEvent | 'listed';
  userId: string | null;
  role: string | null;
}

/**
 * The client's own view of the access log ("who looked at my file"): the allowed entries about
 * their case, and the list reads that showed them when the database has the index of those.
 */
export function lookedAtQuery(db: Executor, listIndex: () => Promise<boolean>) {
  /** What a client sees: who opened, read, changed, exported or printed their file (or a list with them), newest first. */
  return async function whoLookedAt(caseId: string): Promise<LookedAt[]> {
    const about = db
      .selectFrom('access_log')
      .select(['id', 'at', 'event', 'user_id', 'role', sql<number>`0`.as('listed')])
      .where('case_id', '=', caseId)
      .where('outcome', '=', 'allowed')
      .where('event', 'in', LOOKED_AT_EVENTS);
    const listing = db
      .selectFrom('access_log_cases as c')
      .innerJoin('access_log as l', 'l.id', 'c.entry_id')
      .select(['l.id', 'l.at', 'l.event', 'l.user_id', 'l.role', sql<number>`1`.as('listed')])
      .where('c.case_id', '=', caseId)
      .where('l.outcome', '=', 'allowed');
    const rows = await ((await listIndex()) ? about.unionAll(listing) : about)
      .orderBy('id', 'desc')
      .execute();
    return rows.map((r) => ({
      at: r.at,
      event: Number(r.listed) ? 'listed' : (r.event as AccessEvent),
      userId: r.user_id,
      role: r.role,
    }));
  };
}
