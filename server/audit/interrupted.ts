import type { Executor } from '../storage/data.js';
import type { AccessLog } from './accessLog.js';
import type { AccessLogRow } from './chain.js';

/**
 * A server that was killed wrote `document-open` for its editing sessions but never their
 * `document-close`. At the next start no connection is open, so every open session without a
 * close (one that names it by `openId`) ended with the crash: this closes it, marked
 * `interrupted`, with the same who, which client, authorization and address as its opening.
 * Only sessions of the keyed chain are looked at; closes before it did not name their opening.
 * With several instances each closes only the sessions it opened itself (`instance` in the
 * opening's details): those of a running instance are still open. Returns how many it closed.
 */
export async function closeInterruptedSessions(
  db: Executor,
  audit: AccessLog,
  instance: string | null = null,
): Promise<number> {
  const from = await audit.keyedFrom();
  if (from === null) return 0;
  const closes = await db
    .selectFrom('access_log')
    .select('details')
    .where('event', '=', 'document-close')
    .where('id', '>', from)
    .execute();
  const closed = new Set(closes.map((c) => openIdOf(c.details)));
  const opens: AccessLogRow[] = await db
    .selectFrom('access_log')
    .selectAll()
    .where('event', '=', 'document-open')
    .where('outcome', '=', 'allowed')
    .where('id', '>', from)
    .orderBy('id')
    .execute();
  const open = opens
    .filter((row) => !closed.has(row.id))
    .map((row) => ({ row, opened: JSON.parse(row.details ?? '{}') as Record<string, unknown> }))
    .filter(({ opened }) => (opened.instance ?? null) === instance);
  for (const { row, opened } of open) {
    await audit.record({
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

/** The opening a close names (`openId` in its details), read in JS: JSON functions differ by engine. */
function openIdOf(details: string | null): unknown {
  try {
    return details === null ? null : (JSON.parse(details) as { openId?: unknown }).openId;
  } catch {
    return null; // A tampered row; verify() reports it.
  }
}
