import { sql } from 'kysely';
import type { Data } from '../storage/data.js';
import { KEYED_EVENT, brokenBecause, keyedEntryHash } from './chain.js';
import type { AccessLogRow } from './chain.js';
import type { Checkpoint, CheckpointFile } from './checkpoints.js';
import type { AuditKey } from './key.js';
import { hasListIndex, listMatches } from './listedCases.js';
import { APPEND_ONLY_TRIGGERS } from './schema.js';

/** What verify found wrong, with the first entry concerned when there is one. */
export interface ChainProblem {
  kind: 'entry' | 'truncated' | 'rewritten' | 'trigger' | 'key' | 'checkpoints' | 'list-index';
  id: number | null;
  at: string | null;
  reason: string;
}

export type ChainVerdict =
  | {
      ok: true;
      entries: number;
      /** The entry from which on the chain is keyed; null for a log never started with a key. */
      keyedFrom: number | null;
      /** The newest checkpoint that matched; null when none was checked. */
      anchor: { at: string; entries: number; headId: number } | null;
    }
  | { ok: false; entries: number; firstBroken: ChainProblem; problems: ChainProblem[] };

const PAGE = 1000;
const appendOnly =
  /BEFORE\s+(UPDATE|DELETE)\s+ON\s+"?access_log(_cases)?"?\s+BEGIN\s+SELECT\s+RAISE\s*\(\s*ABORT/i;
/** The body of a PostgreSQL trigger function that refuses the change (storage migration 0002). */
const raisesAppendOnly = /RAISE\s+EXCEPTION\s+'access_log is append-only'/i;

type TriggerState = 'intact' | 'altered' | 'missing';
type AppendOnlyTrigger = (typeof APPEND_ONLY_TRIGGERS)[number];

/** SQLite: each trigger by its name, as server/audit/schema.ts made it. */
async function sqliteTriggers(data: Pick<Data, 'db'>): Promise<(t: AppendOnlyTrigger) => TriggerState> {
  const { rows } = await sql<{ name: string; sql: string }>`
    SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`.execute(data.db);
  const present = new Map(rows.map((t) => [t.name, t.sql]));
  return ({ name }) => {
    const text = present.get(name);
    return !text ? 'missing' : appendOnly.test(text) ? 'intact' : 'altered';
  };
}

/** pg_trigger's tgtype bits: BEFORE, DELETE, UPDATE. */
const PG_BEFORE = 2;
const PG_EVENT = { delete: 8, update: 16 } as const;

/**
 * PostgreSQL: a BEFORE trigger on the table for the event, enabled, whose function raises the
 * append-only error, whatever the trigger is called (the schema is the search path's).
 */
async function postgresTriggers(data: Pick<Data, 'db'>): Promise<(t: AppendOnlyTrigger) => TriggerState> {
  const { rows } = await sql<{ table: string; type: number; enabled: string; body: string }>`
    SELECT c.relname AS "table", t.tgtype AS "type", t.tgenabled AS "enabled", p.prosrc AS "body"
    FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_proc p ON p.oid = t.tgfoid
    WHERE NOT t.tgisinternal
      AND t.tgrelid IN (to_regclass('access_log'), to_regclass('access_log_cases'))`.execute(data.db);
  return ({ name, table }) => {
    const event = PG_EVENT[name.endsWith('update') ? 'update' : 'delete'];
    const on = rows.filter((r) => r.table === table && (Number(r.type) & event) !== 0);
    if (on.length === 0) return 'missing';
    const refuses = on.some(
      (r) => (Number(r.type) & PG_BEFORE) !== 0 && r.enabled !== 'D' && raisesAppendOnly.test(r.body),
    );
    return refuses ? 'intact' : 'altered';
  };
}

/** Triggers that are missing or no longer refuse changes. */
async function triggerProblems(
  data: Pick<Data, 'engine' | 'db'>,
  listIndex: boolean,
): Promise<ChainProblem[]> {
  const stateOf = data.engine === 'postgres' ? await postgresTriggers(data) : await sqliteTriggers(data);
  return APPEND_ONLY_TRIGGERS.filter((t) => listIndex || t.table === 'access_log').flatMap((trigger) => {
    const state = stateOf(trigger);
    if (state === 'intact') return [];
    const { name, table } = trigger;
    const what = name.endsWith('update') ? 'changed' : 'deleted';
    return [
      {
        kind: 'trigger' as const,
        id: null,
        at: null,
        reason: `trigger ${name} is ${state}: rows of ${table} can be ${what} through SQL`,
      },
    ];
  });
}

const parse = (details: string | null): Record<string, unknown> | null => {
  try {
    return details === null ? null : (JSON.parse(details) as Record<string, unknown>);
  } catch {
    return null;
  }
};

/**
 * Walks the log in order: every hash (keyed from the marker on, plain SHA-256 before it), every
 * link, the index of the clients list reads showed, and the checkpoints: each one's newest entry
 * must still be there, with the same hash and as many entries up to it. Then the triggers.
 */
export async function verifyAccessLog(
  data: Pick<Data, 'engine' | 'db'>,
  key: AuditKey | null,
  checkpoints?: CheckpointFile,
): Promise<ChainVerdict> {
  const { db } = data;
  const listIndex = await hasListIndex(data);
  const page = (after: number): Promise<AccessLogRow[]> =>
    db.selectFrom('access_log').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute();
  const listed = listIndex
    ? (from: number, to: number) =>
        db
          .selectFrom('access_log_cases')
          .select(['entry_id', 'case_id'])
          .where('entry_id', '>=', from)
          .where('entry_id', '<=', to)
          .execute()
    : null;
  const problems: ChainProblem[] = [];
  const byHead = new Map<number, Checkpoint[]>();
  for (const c of checkpoints?.checkpoints ?? []) byHead.set(c.headId, [...(byHead.get(c.headId) ?? []), c]);
  /** Checkpoints whose newest entry the walk came across, and those that it confirmed. */
  const seen = new Set<Checkpoint>();
  const matched = new Set<Checkpoint>();

  let entries = 0;
  let keyedFrom: number | null = null;
  let previous: { id: number; hash: string } | null = null;
  let stop = false;
  for (let after = 0; !stop;) {
    const rows = await page(after);
    if (rows.length === 0) break;
    const lists = new Map<number, string[]>();
    if (listed)
      for (const r of await listed(rows[0]!.id, rows.at(-1)!.id))
        lists.set(r.entry_id, [...(lists.get(r.entry_id) ?? []), r.case_id]);
    for (const row of rows) {
      entries++;
      const details = parse(row.details);
      if (keyedFrom === null && row.event === KEYED_EVENT) {
        if (!key) {
          problems.push({
            kind: 'key',
            id: row.id,
            at: row.at,
            reason: 'no key: the keyed entries cannot be checked',
          });
          stop = true;
          break;
        }
        if (details?.keyId !== key.id) {
          problems.push({
            kind: 'key',
            id: row.id,
            at: row.at,
            reason: `the log is keyed with key ${String(details?.keyId)}, not with ${key.source} (key ${key.id})`,
          });
          stop = true;
          break;
        }
        keyedFrom = row.id;
      }
      let reason = brokenBecause(row, previous, keyedFrom === null ? null : key!.secret);
      // A keyed entry where no marker came before: the marker was removed with what preceded it.
      if (reason && keyedFrom === null && key && keyedEntryHash(key.secret, row.prev_hash, row) === row.hash)
        reason = 'follows entries that were removed, the key marker among them';
      if (reason) {
        problems.push({ kind: 'entry', id: row.id, at: row.at, reason });
        stop = true;
        break;
      }
      if (listed && !listMatches(details, lists.get(row.id) ?? []))
        problems.push({
          kind: 'list-index',
          id: row.id,
          at: row.at,
          reason: 'the index of the clients this list read showed was changed',
        });
      for (const c of byHead.get(row.id) ?? []) {
        seen.add(c);
        if (c.head !== row.hash)
          problems.push({
            kind: 'rewritten',
            id: row.id,
            at: row.at,
            reason: `does not match the checkpoint of ${c.at}: the log was rewritten up to here`,
          });
        else if (c.entries !== entries)
          problems.push({
            kind: 'rewritten',
            id: row.id,
            at: row.at,
            reason: `the checkpoint of ${c.at} counted ${c.entries} entries up to here, the log has ${entries}`,
          });
        else matched.add(c);
      }
      previous = { id: row.id, hash: row.hash };
    }
    after = rows.at(-1)!.id;
  }
  if (stop) {
    const { n } = await db
      .selectFrom('access_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    entries = Number(n);
  }

  if (checkpoints && !stop)
    problems.push(...checkpointProblems(checkpoints, { entries, previous, keyedFrom, seen }));
  problems.push(...(await triggerProblems(data, listIndex)));

  if (problems.length === 0) {
    const newest = [...matched].sort((a, b) => a.headId - b.headId).at(-1);
    return {
      ok: true,
      entries,
      keyedFrom,
      anchor: newest ? { at: newest.at, entries: newest.entries, headId: newest.headId } : null,
    };
  }
  return { ok: false, entries, firstBroken: problems[0]!, problems };
}

/** What the checkpoints say that the walk did not confirm: a truncated log, a lost marker, bad lines. */
function checkpointProblems(
  file: CheckpointFile,
  log: {
    entries: number;
    previous: { id: number } | null;
    keyedFrom: number | null;
    seen: Set<Checkpoint>;
  },
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const newestId = log.previous?.id ?? 0;
  if (!file.exists && log.keyedFrom !== null)
    problems.push({
      kind: 'checkpoints',
      id: null,
      at: null,
      reason: `no checkpoints at ${file.file}: a truncated log cannot be told from an intact one`,
    });
  for (const { line, reason } of file.invalid)
    problems.push({
      kind: 'checkpoints',
      id: null,
      at: null,
      reason: `line ${line} of ${file.file} ${reason}`,
    });
  const newest = file.checkpoints.reduce<Checkpoint | null>(
    (best, c) => (!best || c.headId > best.headId ? c : best),
    null,
  );
  if (newest && newest.headId > newestId)
    problems.push({
      kind: 'truncated',
      id: newestId + 1,
      at: newest.at,
      reason:
        `truncated: the checkpoint of ${newest.at} counted ${newest.entries} entries up to entry ${newest.headId}, ` +
        `the log has ${log.entries} and ends ${newestId ? `at entry ${newestId}` : 'empty'}` +
        ` (${newest.entries - log.entries} or more entries are gone)`,
    });
  for (const c of file.checkpoints) {
    if (c.headId <= newestId && !log.seen.has(c))
      problems.push({
        kind: 'rewritten',
        id: c.headId,
        at: c.at,
        reason: `entry ${c.headId} of the checkpoint of ${c.at} is gone`,
      });
    if (c.keyedFrom !== log.keyedFrom) {
      problems.push({
        kind: 'key',
        id: c.keyedFrom,
        at: c.at,
        reason:
          log.keyedFrom === null
            ? `the checkpoints say the chain is keyed from entry ${c.keyedFrom}, but the log has no key marker: it was rewritten without the key`
            : `the checkpoints say the chain is keyed from entry ${c.keyedFrom}, the log from entry ${log.keyedFrom}`,
      });
      break;
    }
  }
  return problems;
}
