import type { Db } from '../db/database.js';
import { GENESIS_HASH, HASHED_COLUMNS, KEYED_EVENT, canonicalDetails, keyedEntryHash } from './chain.js';
import type { AccessLogRow as Row } from './chain.js';
import type { CheckpointFields, CheckpointFile } from './checkpoints.js';
import type { AuditKey } from './key.js';
import { hasListIndex, listedCasesDetails } from './listedCases.js';
import { lookedAtQuery } from './lookedAt.js';
import { verifyAccessLog } from './verify.js';
import type { ChainVerdict } from './verify.js';

import { ACCESS_EVENTS } from '../../shared/accessLog.js';
import type { AccessDetails, AccessEntry, AccessEvent, AccessOutcome } from '../../shared/accessLog.js';

export { ACCESS_EVENTS };
export { LOOKED_AT_EVENTS } from './lookedAt.js';
export type { LookedAt } from './lookedAt.js';
export type { AccessDetails, AccessEntry, AccessEvent, AccessOutcome, ChainVerdict };

/** Ids, counts, document parts and reason codes only: never free text about the client. */
export interface AccessEntryInput {
  event: AccessEvent;
  /** The client's case. */
  caseId?: string | null;
  /**
   * The clients a list read showed (caseload, case list, agenda, notices): each of them finds the
   * entry in "who looked at my file". Kept in the details (a digest for a long list) and indexed.
   */
  cases?: readonly string[];
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
  /** Entries about this client, list reads that showed them included. */
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

/** Thrown when the log was keyed with another key than the one this server has. */
export class AuditKeyMismatch extends Error {}

/**
 * Records and searches the tamper-evident access log that NEN 7513 asks of every client-data
 * read. Every entry is chained with HMAC-SHA256 under `key`; the first entry written with a key
 * is the `log-keyed` marker (see chain.ts).
 */
export function createAccessLog(db: Db, options: { key: AuditKey; now?: () => Date }) {
  const { key } = options;
  const now = options.now ?? (() => new Date());
  const listIndex = hasListIndex(db);
  const last = db.prepare<[], { id: number; hash: string }>(
    'SELECT id, hash FROM access_log ORDER BY id DESC LIMIT 1',
  );
  const insert = db.prepare<Omit<Row, 'id'>>(
    `INSERT INTO access_log (${HASHED_COLUMNS.map((c) => `"${c}"`).join(', ')}, prev_hash, hash)
     VALUES (${HASHED_COLUMNS.map((c) => `@${c}`).join(', ')}, @prev_hash, @hash)`,
  );
  const insertListed = listIndex
    ? db.prepare<[number, string]>('INSERT INTO access_log_cases (entry_id, case_id) VALUES (?, ?)')
    : null;
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM access_log');
  const marker = db.prepare<[], { id: number; details: string | null }>(
    `SELECT id, details FROM access_log WHERE event = '${KEYED_EVENT}' ORDER BY id LIMIT 1`,
  );

  let keyedFrom: number | null = null;

  /** The marker's id, after checking that it names this key; null when the log is not keyed yet. */
  const findMarker = (): number | null => {
    if (keyedFrom !== null) return keyedFrom;
    const found = marker.get();
    if (!found) return null;
    const markedKey = parseDetails(found.details)?.keyId;
    if (markedKey !== key.id)
      throw new AuditKeyMismatch(
        `the access log is keyed with key ${String(markedKey)}, but ${key.source} holds key ${key.id}: ` +
          'restore the key this log was started with',
      );
    return (keyedFrom = found.id);
  };

  const write = (fields: Omit<Row, 'id' | 'prev_hash' | 'hash'>): Row => {
    const prev_hash = last.get()?.hash ?? GENESIS_HASH;
    const row = { ...fields, prev_hash, hash: keyedEntryHash(key.secret, prev_hash, fields) };
    const { lastInsertRowid } = insert.run(row);
    return { ...row, id: Number(lastInsertRowid) };
  };

  /** Starts the keyed chain with its marker, unless it has one; the marker's hash seals what came before. */
  const keyed = (): number => {
    const found = findMarker();
    if (found !== null) return found;
    const row = write({
      at: now().toISOString(),
      event: KEYED_EVENT,
      case_id: null,
      user_id: null,
      on_behalf_of: null,
      role: null,
      address: null,
      user_agent: null,
      authorization: null,
      outcome: 'allowed',
      details: canonicalDetails({ algorithm: 'HMAC-SHA256', earlierEntries: count.get()!.n, keyId: key.id }),
    });
    return (keyedFrom = row.id);
  };

  // Reading the last hash and appending happen under one write lock, so the chain never forks.
  const append = db.transaction((input: AccessEntryInput): AccessEntry => {
    keyed();
    const listed = input.cases ? [...new Set(input.cases)] : null;
    if (listed && !insertListed) throw new Error('the database has no access_log_cases: migrate it first');
    const row = write({
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
      details: canonicalDetails(listed ? { ...input.details, ...listedCasesDetails(listed) } : input.details),
    });
    for (const caseId of listed ?? []) insertListed!.run(row.id, caseId);
    return toEntry(row);
  });

  return {
    /** Appends one entry; throws on an unknown event so a typo never goes unlogged silently. */
    record(input: AccessEntryInput): AccessEntry {
      if (!(ACCESS_EVENTS as readonly string[]).includes(input.event) || input.event === KEYED_EVENT) {
        throw new Error(`unknown access event: ${String(input.event)}`);
      }
      return append.immediate(input);
    },

    /** Keys the chain now (the server does at start), so the first checkpoint covers the marker. */
    keyChain(): number {
      return db.transaction(keyed).immediate();
    },

    /** The entry from which on the chain is keyed; null while there is none. */
    keyedFrom: (): number | null => findMarker(),

    /** What a checkpoint records: the entries and the newest hash, read in one snapshot. */
    head: db.transaction((): CheckpointFields | null => {
      const from = findMarker();
      const newest = last.get();
      if (from === null || !newest) return null;
      return {
        entries: count.get()!.n,
        headId: newest.id,
        head: newest.hash,
        keyedFrom: from,
        keyId: key.id,
      };
    }),

    /** Entries matching every given filter, newest first. */
    search(filter: AccessLogFilter = {}): AccessEntry[] {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const add = (clause: string, ...values: (string | number | undefined)[]) => {
        if (values[0] === undefined) return;
        where.push(clause);
        params.push(...(values as (string | number)[]));
      };
      if (listIndex)
        add(
          '(case_id = ? OR id IN (SELECT entry_id FROM access_log_cases WHERE case_id = ?))',
          filter.caseId,
          filter.caseId,
        );
      else add('case_id = ?', filter.caseId);
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

    /**
     * Checks the whole log: the keyed chain, the append-only triggers, the index of list reads
     * and, when given, the signed checkpoints; names the first entry or anchor that is broken.
     */
    verify(checkpoints?: CheckpointFile): ChainVerdict {
      return verifyAccessLog(db, key, checkpoints);
    },

    /** What a client sees: who opened, read, changed, exported or printed their file (or a list with them), newest first. */
    whoLookedAt: lookedAtQuery(db, listIndex),
  };
}

export type AccessLog = ReturnType<typeof createAccessLog>;
