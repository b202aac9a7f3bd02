import type { Db } from '../db/database.js';
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

/** Triggers that are missing or no longer refuse changes. */
function triggerProblems(db: Db, listIndex: boolean): ChainProblem[] {
  const present = new Map(
    db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'",
      )
      .all()
      .map((t) => [t.name, t.sql]),
  );
  return APPEND_ONLY_TRIGGERS.filter((t) => listIndex || t.table === 'access_log').flatMap(
    ({ name, table }) => {
      const sql = present.get(name);
      if (sql && appendOnly.test(sql)) return [];
      const what = name.endsWith('update') ? 'changed' : 'deleted';
      return [
        {
          kind: 'trigger' as const,
          id: null,
          at: null,
          reason: `trigger ${name} is ${sql ? 'altered' : 'missing'}: rows of ${table} can be ${what} through SQL`,
        },
      ];
    },
  );
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
export function verifyAccessLog(db: Db, key: AuditKey | null, checkpoints?: CheckpointFile): ChainVerdict {
  const listIndex = hasListIndex(db);
  const page = db.prepare<[number], AccessLogRow>(
    `SELECT * FROM access_log WHERE id > ? ORDER BY id LIMIT ${PAGE}`,
  );
  const listed = listIndex
    ? db.prepare<[number, number], { entry_id: number; case_id: string }>(
        'SELECT entry_id, case_id FROM access_log_cases WHERE entry_id BETWEEN ? AND ?',
      )
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
    const rows = page.all(after);
    if (rows.length === 0) break;
    const lists = new Map<number, string[]>();
    if (listed)
      for (const r of listed.all(rows[0]!.id, rows.at(-1)!.id))
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
  if (stop) entries = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM access_log').get()!.n;

  if (checkpoints && !stop)
    problems.push(...checkpointProblems(checkpoints, { entries, previous, keyedFrom, seen }));
  problems.push(...triggerProblems(db, listIndex));

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
