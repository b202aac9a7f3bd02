import type { Db } from '../db/database.js';
import type { AccessLog } from './accessLog.js';
import type { AccessLogRow } from './chain.js';

/**
 * A server that was killed wrote `document-open` for its editing sessions but never their
 * `document-close`. At the next start no connection is open, so every open session without a
 * close (one that names it by `openId`) ended with the crash: this closes it, marked
 * `interrupted`, with the same who, which client, authorization and address as its opening.
 * Only sessions of the keyed chain are looked at; closes before it did not name their opening.
 * Returns how many it closed.
 */
export function closeInterruptedSessions(db: Db, audit: AccessLog): number {
  const from = audit.keyedFrom();
  if (from === null) return 0;
  const closed = new Set(
    db
      .prepare<[number], number | null>(
        `SELECT json_extract(details, '$.openId') FROM access_log WHERE event = 'document-close' AND id > ?`,
      )
      .pluck()
      .all(from),
  );
  const open: AccessLogRow[] = [];
  const opens = db.prepare<[number], AccessLogRow>(
    `SELECT * FROM access_log WHERE event = 'document-open' AND outcome = 'allowed' AND id > ? ORDER BY id`,
  );
  for (const row of opens.iterate(from)) if (!closed.has(row.id)) open.push(row);
  for (const row of open) {
    const opened = JSON.parse(row.details ?? '{}') as Record<string, unknown>;
    audit.record({
      event: 'document-close',
      caseId: row.case_id,
      userId: row.user_id,
      role: row.role,
      authorization: row.authorization,
      address: row.address,
      userAgent: row.user_agent,
      details: {
        ...(typeof opened.part === 'string' ? { part: opened.part } : {}),
        ...(typeof opened.meetingId === 'string' ? { meetingId: opened.meetingId } : {}),
        openId: row.id,
        interrupted: true,
      },
    });
  }
  return open.length;
}
