import { sql } from 'kysely';
import type { SqlBool } from 'kysely';
import { fillCaseNameKeys } from '../cases/nameKeys.js';
import type { Data, Executor } from '../storage/data.js';
import type { AccessLogRow as Row } from './chain.js';
import type { AccessDetails, AccessEntry, AccessEvent, AccessOutcome } from '../../shared/accessLog.js';
import { choiceLimit } from '../../shared/accessLogChoices.js';
import type { CaseChoice, ChoicesAnswer, PersonChoice } from '../../shared/accessLogChoices.js';
import { foldedLikePattern, foldName } from '../../shared/search.js';

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

export function parseDetails(json: string | null): AccessDetails | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as AccessDetails;
  } catch {
    return null; // Only a tampered row holds invalid JSON; verify() reports it.
  }
}

export function toEntry(row: Row): AccessEntry {
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

/**
 * Entries matching every given filter, newest first. With the index of list reads (`index`),
 * a client's entries include the lists that showed them (LG3).
 */
export async function searchAccessLog(
  db: Executor,
  index: boolean,
  filter: AccessLogFilter,
): Promise<AccessEntry[]> {
  let query = db.selectFrom('access_log').selectAll();
  const { caseId } = filter;
  if (caseId !== undefined)
    query = index
      ? query.where((eb) =>
          eb.or([
            eb('case_id', '=', caseId),
            eb(
              'id',
              'in',
              eb.selectFrom('access_log_cases').select('entry_id').where('case_id', '=', caseId),
            ),
          ]),
        )
      : query.where('case_id', '=', caseId);
  if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (filter.event !== undefined) query = query.where('event', '=', filter.event);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 100), 1), 1000);
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toEntry);
}

/**
 * The first `limit` of the rows whose folded name holds the folded `q` (Özlem ~ ozlem; no SQL of
 * both engines folds accents, and accounts keep no folded key, so the rows are matched here), or
 * whose id is `q` exactly (a pasted id, first); ordered by folded name, then id.
 */
function matching<T extends { id: string }>(
  rows: T[],
  nameOf: (row: T) => string[],
  q: string,
  limit: number,
): ChoicesAnswer<T> {
  const folded = foldName(q.trim());
  const keyed = rows.map((row) => ({ row, key: foldName(nameOf(row)[0] ?? '') }));
  const matches = keyed
    .filter(({ row }) => row.id === q || nameOf(row).some((name) => foldName(name).includes(folded)))
    .sort(
      (a, b) =>
        Number(b.row.id === q) - Number(a.row.id === q) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
        (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0),
    );
  return { choices: matches.slice(0, limit).map(({ row }) => row), more: matches.length > limit };
}

/**
 * Clients to search the log for, by part of their name (on the folded key the caseload keeps,
 * in SQL) or by their case id (first); ordered by folded name, then id.
 */
export async function findCases(
  data: Data,
  q: string,
  limit = choiceLimit,
): Promise<ChoicesAnswer<CaseChoice>> {
  await fillCaseNameKeys(data);
  const pattern = foldedLikePattern(q);
  const rows = await data.db
    .selectFrom('cases')
    .select(['id', 'client_name as clientName', 'birth_year as birthYear', 'status'])
    .where((eb) =>
      pattern === null
        ? eb('id', '=', q)
        : eb.or([eb('id', '=', q), sql<SqlBool>`client_name_key LIKE ${pattern} ESCAPE '\\'`]),
    )
    .orderBy(sql`CASE WHEN id = ${q} THEN 0 ELSE 1 END`)
    .orderBy('client_name_key')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  return { choices: rows.slice(0, limit), more: rows.length > limit };
}

/** People (every role, disabled accounts too) to search the log for, by part of their name or username. */
export async function findPeople(
  db: Executor,
  q: string,
  limit = choiceLimit,
): Promise<ChoicesAnswer<PersonChoice> & { cases: string[] }> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name as name', 'username', 'role', 'client_case_id as clientCaseId'])
    .execute();
  const { choices, more } = matching(rows, (u) => [u.name, u.username], q, limit);
  return {
    choices: choices.map(({ clientCaseId: _case, ...person }) => person),
    more,
    // A client's account names the client: the answer is a list read of their cases (LG3).
    cases: choices.flatMap((u) => (u.clientCaseId ? [u.clientCaseId] : [])),
  };
}
