import type { Data, Executor } from '../storage/data.js';
import { GroupCommit } from '../storage/groupCommit.js';
import { GENESIS_HASH, KEYED_EVENT, canonicalDetails, keyedEntryHash } from './chain.js';
import type { AccessLogRow as Row } from './chain.js';
import type { CheckpointFields, CheckpointFile } from './checkpoints.js';
import type { AuditKey } from './key.js';
import { hasListIndex, listedCasesDetails } from './listedCases.js';
import { lookedAtQuery } from './lookedAt.js';
import { parseDetails, searchAccessLog, toEntry } from './accessLogSearch.js';
import type { AccessLogFilter } from './accessLogSearch.js';
import { verifyAccessLog } from './verify.js';
import type { ChainVerdict } from './verify.js';

import { ACCESS_EVENTS } from '../../shared/accessLog.js';
import type { AccessDetails, AccessEntry, AccessEvent, AccessOutcome } from '../../shared/accessLog.js';

export { ACCESS_EVENTS };
export { LOOKED_AT_EVENTS } from './lookedAt.js';
export type { LookedAt } from './lookedAt.js';
export type { AccessDetails, AccessEntry, AccessEvent, AccessOutcome, ChainVerdict };
export type { AccessLogFilter };

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

const USER_AGENT_MAX = 512;

/** Thrown when the log was keyed with another key than the one this server has. */
export class AuditKeyMismatch extends Error {}

/** What an entry stores besides its id and its links. */
type Fields = Omit<Row, 'id' | 'prev_hash' | 'hash'> & { at: string; event: string; outcome: AccessOutcome };

/** The newest entry; null for an empty log. */
const newestEntry = (db: Executor) =>
  db.selectFrom('access_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();

const countEntries = async (db: Executor): Promise<number> => {
  const { n } = await db
    .selectFrom('access_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
};

/**
 * Records and searches the tamper-evident access log that NEN 7513 asks of every client-data
 * read. Every entry is chained with HMAC-SHA256 under `key`; the first entry written with a key
 * is the `log-keyed` marker (see chain.ts). Entries recorded while a write is under way are
 * appended together in the next one (group commit), each in the order it was recorded.
 */
export function createAccessLog(data: Data, options: { key: AuditKey; now?: () => Date }) {
  const { key } = options;
  const { db } = data;
  const now = options.now ?? (() => new Date());
  let listIndex: Promise<boolean> | undefined;
  const hasIndex = () => (listIndex ??= hasListIndex(data));

  let keyedFrom: number | null = null;

  /** The marker's id, after checking that it names this key; null when the log is not keyed yet. */
  const findMarker = async (tx: Executor = db): Promise<number | null> => {
    if (keyedFrom !== null) return keyedFrom;
    const found = await tx
      .selectFrom('access_log')
      .select(['id', 'details'])
      .where('event', '=', KEYED_EVENT)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!found) return null;
    const markedKey = parseDetails(found.details)?.keyId;
    if (markedKey !== key.id)
      throw new AuditKeyMismatch(
        `the access log is keyed with key ${String(markedKey)}, but ${key.source} holds key ${key.id}: ` +
          'restore the key this log was started with',
      );
    return (keyedFrom = found.id);
  };

  /** Appends one row after the newest; `trx` holds the log's lock. */
  const write = async (trx: Executor, fields: Fields): Promise<Row> => {
    const prev_hash = (await newestEntry(trx))?.hash ?? GENESIS_HASH;
    const row = { ...fields, prev_hash, hash: keyedEntryHash(key.secret, prev_hash, fields) };
    const { id } = await trx.insertInto('access_log').values(row).returning('id').executeTakeFirstOrThrow();
    return { ...row, id };
  };

  /**
   * Starts the keyed chain with its marker, unless it has one; the marker's hash seals what came
   * before. Returns the marker's id; it is remembered only once the write has committed.
   */
  const keyed = async (trx: Executor): Promise<number> => {
    const found = await findMarker(trx);
    if (found !== null) return found;
    const row = await write(trx, {
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
      details: canonicalDetails({
        algorithm: 'HMAC-SHA256',
        earlierEntries: await countEntries(trx),
        keyId: key.id,
      }),
    });
    return row.id;
  };

  /** One entry, after the marker; `trx` holds the log's lock. */
  const appendOne = async (trx: Executor, input: AccessEntryInput, index: boolean): Promise<AccessEntry> => {
    const listed = input.cases ? [...new Set(input.cases)] : null;
    if (listed && !index) throw new Error('the database has no access_log_cases: migrate it first');
    const row = await write(trx, {
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
    if (listed?.length)
      await trx
        .insertInto('access_log_cases')
        .values(listed.map((caseId) => ({ entry_id: row.id, case_id: caseId })))
        .execute();
    return toEntry(row);
  };

  /**
   * Appends entries in one write: its lock is taken before the newest hash is read, so the chain
   * never forks, also with several instances on one database.
   */
  const appendAll = async (inputs: AccessEntryInput[]): Promise<AccessEntry[]> => {
    const index = await hasIndex();
    const { marker, entries } = await data.write(async (trx) => {
      await data.lock(trx, ['access_log']); // one chain, also with several instances (LG1)
      const marker = await keyed(trx);
      const entries: AccessEntry[] = [];
      for (const input of inputs) entries.push(await appendOne(trx, input, index));
      return { marker, entries };
    });
    keyedFrom = marker;
    return entries;
  };
  const appends = new GroupCommit(appendAll);

  return {
    /**
     * Appends one entry and resolves with it once it is stored (its id, its hash); rejects on an
     * unknown event, so a typo never goes unlogged silently. Every caller awaits it.
     */
    async record(input: AccessEntryInput): Promise<AccessEntry> {
      if (!(ACCESS_EVENTS as readonly string[]).includes(input.event) || input.event === KEYED_EVENT) {
        throw new Error(`unknown access event: ${String(input.event)}`);
      }
      return appends.submit(input);
    },

    /** Resolves when every entry recorded so far is stored (or failed). */
    flush: (): Promise<void> => appends.flush(),

    /** Keys the chain now (the server does at start), so the first checkpoint covers the marker. */
    async keyChain(): Promise<number> {
      const marker = await data.write(async (trx) => {
        await data.lock(trx, ['access_log']); // one chain, also with several instances (LG1)
        return keyed(trx);
      });
      return (keyedFrom = marker);
    },

    /** The entry from which on the chain is keyed; null while there is none. */
    keyedFrom: (): Promise<number | null> => findMarker(),

    /** What a checkpoint records: the entries and the newest hash, read in one snapshot. */
    async head(): Promise<CheckpointFields | null> {
      await appends.flush();
      const from = await findMarker();
      // One statement, so the count and the newest entry are of the same moment on both engines.
      const newest = await db
        .selectFrom('access_log')
        .select(['id', 'hash', (eb) => eb.selectFrom('access_log').select(eb.fn.countAll().as('n')).as('n')])
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (from === null || !newest) return null;
      return {
        entries: Number(newest.n),
        headId: newest.id,
        head: newest.hash,
        keyedFrom: from,
        keyId: key.id,
      };
    },

    /** Entries matching every given filter, newest first. */
    search: async (filter: AccessLogFilter = {}): Promise<AccessEntry[]> =>
      searchAccessLog(db, await hasIndex(), filter),

    /**
     * Checks the whole log: the keyed chain, the append-only triggers, the index of list reads
     * and, when given, the signed checkpoints; names the first entry or anchor that is broken.
     */
    async verify(checkpoints?: CheckpointFile): Promise<ChainVerdict> {
      await appends.flush();
      return verifyAccessLog(data, key, checkpoints);
    },

    /** What a client sees: who opened, read, changed, exported or printed their file (or a list with them), newest first. */
    whoLookedAt: lookedAtQuery(db, hasIndex),
  };
}

export type AccessLog = ReturnType<typeof createAccessLog>;
