import type { Db } from '../db/database.js';
import { GENESIS_HASH, HASHED_COLUMNS, brokenBecause, canonicalDetails, entryHash } from './chain.js';
import type { AccessLogRow as Row } from './chain.js';

import { ACCESS_EVENTS } from '../../shared/accessLog.js';
import type { AccessDetails, AccessEntry, AccessEvent, AccessOutcome } from '../../shared/accessLog.js';

export { ACCESS_EVENTS };
export type { AccessDetails, AccessEntry, AccessEvent, AccessOutcome };

/** The events that show a client who saw (or changed) their file. */
export const LOOKED_AT_EVENTS = [
  'document-open',
  'document-change',
  'api-read',
  'api-write',
  'export',
  'print',
] as const satisfies readonly AccessEvent[];

/** Ids, counts, document parts and reason codes only: never free text about the client. */
export interface AccessEntryInput {
  event: AccessEvent;
  /** The client's case. */
  caseId?: string | null;
  /** Who acted; null for anonymous (e.g. a failed login). */
  userId?: string | null;
  /** The responsible user on whose behalf `userId` acted. */
  onBehalfOf?: string | null;
  role?: string | null;
  address?: string | null;
  userAgent?: string | null;
  /** What the access relied on: 'membership:write', 'coordinator', 'consent:<id>', 'client-self', 'admin'. */
  authorization?: string | null;
  outcome?: AccessOutcome;
  details?: AccessDetails | null;
}

export interface AccessLogFilter {
  caseId?: string;
  userId?: string;
  /** Inclusive ISO time. */
  from?: string;
  /** Exclusive ISO time. */
  to?: string;
  event?: AccessEvent;
  /** Default 100, at most 1000. */
  limit?: number;
  /** Only entries with a smaller id: pass the last id of a page to get the next one. */
  before?: number;
}

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBroken: { id: number; at: string; reason: string } };

export interface LookedAt {
  at: string;
  event: AccessEvent;
  userId: string | null;
  role: string | null;
}

const USER_AGENT_MAX = 512;

function parseDetails(json: string | null): AccessDetails | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as AccessDetails;
  } catch {
    return null; // Only a tampered row holds invalid JSON; verify() reports it.
  }
}

function toEntry(row: Row): AccessEntry {
  return {
    id: row.id,
    at: row.at!,
    event: row.event as AccessEvent,
    caseId: row.case_id,
    userId: row.user_id,
    onBehalfOf: row.on_behalf_of,
    role: row.role,
    address: row.address,
    userAgent: row.user_agent,
    authorization: row.authorization,
    outcome: row.outcome as AccessOutcome,
    details: parseDetails(row.details),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Records and searches the tamper-evident access log that NEN 7513 asks of every client-data read. */
export function createAccessLog(db: Db, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  const lastHash = db.prepare<[], { hash: string }>('SELECT hash FROM access_log ORDER BY id DESC LIMIT 1');
  const insert = db.prepare<Omit<Row, 'id'>>(
    `INSERT INTO access_log (${HASHED_COLUMNS.map((c) => `"${c}"`).join(', ')}, prev_hash, hash)
     VALUES (${HASHED_COLUMNS.map((c) => `@${c}`).join(', ')}, @prev_hash, @hash)`,
  );
  const all = db.prepare<[], Row>('SELECT * FROM access_log ORDER BY id');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM access_log');
  const lookedAt = db.prepare<
    [string],
    { at: string; event: AccessEvent; user_id: string | null; role: string | null }
  >(
    `SELECT at, event, user_id, role FROM access_log
     WHERE case_id = ? AND outcome = 'allowed' AND event IN (${LOOKED_AT_EVENTS.map((e) => `'${e}'`).join(', ')})
     ORDER BY id DESC`,
  );

  // Reading the last hash and appending happen under one write lock, so the chain never forks.
  const append = db.transaction((input: AccessEntryInput): AccessEntry => {
    const fields = {
      at: now().toISOString(),
      event: input.event,
      case_id: input.caseId ?? null,
      user_id: input.userId ?? null,
      on_behalf_of: input.onBehalfOf ?? null,
      role: input.role ?? null,
      address: input.address ?? null,
      user_agent: input.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      authorization: input.authorization ?? null,
      outcome: input.outcome ?? 'allowed',
      details: canonicalDetails(input.details),
    };
    const prev_hash = lastHash.get()?.hash ?? GENESIS_HASH;
    const row = { ...fields, prev_hash, hash: entryHash(prev_hash, fields) };
    const { lastInsertRowid } = insert.run(row);
    return toEntry({ ...row, id: Number(lastInsertRowid) });
  });

  return {
    /** Appends one entry; throws on an unknown event so a typo never goes unlogged silently. */
    record(input: AccessEntryInput): AccessEntry {
      if (!(ACCESS_EVENTS as readonly string[]).includes(input.event)) {
        throw new Error(`unknown access event: ${String(input.event)}`);
      }
      return append.immediate(input);
    },

    /** Entries matching every given filter, newest first. */
    search(filter: AccessLogFilter = {}): AccessEntry[] {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const add = (clause: string, value: string | number | undefined) => {
        if (value === undefined) return;
        where.push(clause);
        params.push(value);
      };
      add('case_id = ?', filter.caseId);
      add('user_id = ?', filter.userId);
      add('at >= ?', filter.from);
      add('at < ?', filter.to);
      add('event = ?', filter.event);
      add('id < ?', filter.before);
      const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 100), 1), 1000);
      const sql = `SELECT * FROM access_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                   ORDER BY id DESC LIMIT ${limit}`;
      return db
        .prepare<(string | number)[], Row>(sql)
        .all(...params)
        .map(toEntry);
    },

    /** Walks the whole chain in order and names the first entry that was changed, inserted or follows a gap. */
    verify(): ChainVerdict {
      let entries = 0;
      let previous: { id: number; hash: string } | null = null;
      let broken: { id: number; at: string; reason: string } | null = null;
      for (const row of all.iterate()) {
        entries++;
        const reason = brokenBecause(row, previous);
        if (reason) {
          broken = { id: row.id, at: row.at!, reason };
          break; // Closes the iterator, so the connection is free for the count below.
        }
        previous = { id: row.id, hash: row.hash };
      }
      if (!broken) return { ok: true, entries };
      return { ok: false, entries: count.get()!.n, firstBroken: broken };
    },

    /** What a client sees: who opened, read, changed, exported or printed their file, newest first. */
    whoLookedAt(caseId: string): LookedAt[] {
      return lookedAt.all(caseId).map((r) => ({ at: r.at, event: r.event, userId: r.user_id, role: r.role }));
    },
  };
}

export type AccessLog = ReturnType<typeof createAccessLog>;
