import type { AccessEvent } from '../../shared/accessLog.js';
import type { Db } from '../db/database.js';

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

const lookedAtEvents = LOOKED_AT_EVENTS.map((e) => `'${e}'`).join(', ');

/**
 * The client's own view of the access log ("who looked at my file"): the allowed entries about
 * their case, and the list reads that showed them when the database has the index of those.
 */
export function lookedAtQuery(db: Db, listIndex: boolean) {
  const lookedAt = db.prepare<
    [string, string],
    { at: string; event: AccessEvent; user_id: string | null; role: string | null; listed: number }
  >(
    `SELECT id, at, event, user_id, role, 0 AS listed FROM access_log
     WHERE case_id = ? AND outcome = 'allowed' AND event IN (${lookedAtEvents})
     ${
       listIndex
         ? `UNION ALL
     SELECT l.id, l.at, l.event, l.user_id, l.role, 1 AS listed
     FROM access_log_cases c JOIN access_log l ON l.id = c.entry_id
     WHERE c.case_id = ? AND l.outcome = 'allowed'`
         : 'AND ? IS NOT NULL'
     }
     ORDER BY id DESC`,
  );

  /** What a client sees: who opened, read, changed, exported or printed their file (or a list with them), newest first. */
  return function whoLookedAt(caseId: string): LookedAt[] {
    return lookedAt.all(caseId, caseId).map((r) => ({
      at: r.at,
      event: r.listed ? 'listed' : r.event,
      userId: r.user_id,
      role: r.role,
    }));
  };
}
