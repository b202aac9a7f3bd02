import type { Minutes } from '../../shared/meetingApi.js';
import { caseDocumentName, meetingCaseDocumentName } from '../../shared/protocol.js';
import type { RetentionPart } from '../../shared/rightsApi.js';
import type { Db } from '../db/database.js';

/** The guest detail the minutes give a client who attended (server/meetings/minutes.ts). */
const clientGuestDetail = 'cliënt';

/**
 * The minutes without one client: their case's section (question, decisions, actions) and the
 * client themselves among the guests. Pure, so what erasure leaves of shared minutes is tested alone.
 */
export function minutesWithout(minutes: Minutes, caseId: string, clientName: string): Minutes {
  const name = clientName.trim().toLowerCase();
  return {
    ...minutes,
    attendees: minutes.attendees.filter(
      (a) => !(a.detail === clientGuestDetail && a.name.trim().toLowerCase() === name),
    ),
    cases: minutes.cases.filter((c) => c.caseId !== caseId),
  };
}

/** The keys rate-limiter-flexible keeps for an account's sign-in attempts (server/auth/throttle.ts). */
export const signInLimitKeys = (userId: string, username: string) => {
  const user = username.trim().toLowerCase();
  return { exact: [`account:${user}`, `code:${userId}`, `code-day:${userId}`], prefix: `pair:${user}|` };
};

/**
 * Every table with a `case_id` column and what erasure does with its rows (SPEC RT6): they go with
 * the social part (the board's and the plan's data), with the document they were kept for, with
 * the case row itself (the last part), or they are kept because they hold ids only and the
 * access log may never change (LG1). A test fails for a table with a `case_id` column missing here.
 */
export const caseIdTables = {
  board_versions: 'social',
  case_summaries: 'social',
  notifications: 'social',
  meeting_actions: 'social',
  meeting_case_tags: 'social',
  meeting_agenda: 'social',
  consents: 'social',
  document_changes: 'by document',
  case_events: 'with the case',
  case_members: 'with the case',
  case_erasures: 'with the case',
  retention_due: 'with the case',
  access_log: 'kept',
  access_log_cases: 'kept',
} as const satisfies Record<string, 'social' | 'by document' | 'with the case' | 'kept'>;

const socialTables = Object.entries(caseIdTables).flatMap(([table, how]) =>
  how === 'social' ? [table] : [],
);

interface Reference {
  tbl: string;
  col: string;
}

/**
 * The rows erasure removes (SPEC RT4–RT6), part by part, in the caller's transaction. Rows that
 * point at the case or at the client's account are also found through the schema's foreign keys,
 * so a table added later goes with the case without being listed here.
 */
export function erasureStatements(db: Db) {
  const references = db.prepare<[string], Reference>(
    `SELECT m.name AS tbl, f."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) f
     WHERE m.type = 'table' AND f."table" = ? ORDER BY m.name, f."from"`,
  );
  const meetingIds = db.prepare<{ caseId: string; suffix: string }, { id: string }>(`
    SELECT meeting_id AS id FROM meeting_agenda WHERE case_id = @caseId
    UNION SELECT meeting_id FROM meeting_actions WHERE case_id = @caseId
    UNION SELECT meeting_id FROM meeting_case_tags WHERE case_id = @caseId
    UNION SELECT meeting_id FROM board_versions WHERE case_id = @caseId AND meeting_id IS NOT NULL
    UNION SELECT substr(document_name, 9, length(document_name) - 8 - length(@suffix))
      FROM document_updates
      WHERE document_name LIKE 'meeting:%' AND substr(document_name, -length(@suffix)) = @suffix`);
  const minutesMentioning = db.prepare<[string], { id: string; content: string }>(
    'SELECT meeting_id AS id, content FROM meeting_minutes WHERE instr(content, ?) > 0',
  );
  const client = db.prepare<[string], { name: string }>('SELECT client_name AS name FROM cases WHERE id = ?');
  const accounts = db.prepare<[string], { id: string; username: string }>(
    "SELECT id, username FROM users WHERE role = 'client' AND client_case_id = ?",
  );
  const run = (sql: string, ...params: (string | number)[]) => db.prepare(sql).run(...params).changes;

  /** Deletes the rows of every table whose foreign key `col` points at `id` of `table`. */
  const sweep = (table: 'cases' | 'users', id: string): number => {
    let pending = references.all(table).filter((r) => r.tbl !== table);
    let removed = 0;
    // A row another row still points at goes in a later pass, after what points at it.
    for (let pass = 0; pending.length > 0 && pass < 5; pass++) {
      const failed: Reference[] = [];
      for (const r of pending) {
        try {
          removed += run(`DELETE FROM "${r.tbl}" WHERE "${r.col}" = ?`, id);
        } catch (error) {
          if (!String(error).includes('FOREIGN KEY')) throw error;
          failed.push(r);
        }
      }
      pending = failed;
    }
    if (pending.length > 0)
      throw new Error(
        `erasure: rows of ${pending.map((r) => r.tbl).join(', ')} still point at the ${table} row`,
      );
    return removed;
  };

  /** The client's account with everything of it: sessions, links, devices, second step, sign-in counters. */
  const removeAccount = (account: { id: string; username: string }): number => {
    const keys = signInLimitKeys(account.id, account.username);
    let removed = run(
      `DELETE FROM login_limits WHERE key IN (${keys.exact.map(() => '?').join(', ')})
       OR substr(key, 1, length(?)) = ?`,
      ...keys.exact,
      keys.prefix,
      keys.prefix,
    );
    removed += sweep('users', account.id);
    return removed + run('DELETE FROM users WHERE id = ?', account.id);
  };

  // The document log's heads (server/storage) name the document too; not counted as content.
  const hasHeads = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'document_heads'")
    .get();
  const removeDocuments = (names: readonly string[]): number =>
    names.reduce((n, name) => {
      if (hasHeads) run('DELETE FROM document_heads WHERE document_name = ?', name);
      return (
        n +
        run('DELETE FROM document_updates WHERE document_name = ?', name) +
        run('DELETE FROM document_changes WHERE document_name = ?', name)
      );
    }, 0);

  /** The meetings that discussed the case, or hold anything of it. */
  const meetingsOf = (caseId: string): string[] => {
    const suffix = `:case:${caseId}`;
    const fromRows = meetingIds.all({ caseId, suffix }).map((r) => r.id);
    const fromMinutes = minutesMentioning.all(`"caseId":"${caseId}"`).map((r) => r.id);
    return [...new Set([...fromRows, ...fromMinutes])].sort();
  };

  /** The documents of one part of the case. */
  const documentsOf = (caseId: string, part: RetentionPart, meetings: readonly string[]): string[] =>
    part === 'medical'
      ? [caseDocumentName(caseId, 'medical')]
      : [
          caseDocumentName(caseId, 'shared'),
          caseDocumentName(caseId, 'social'),
          ...meetings.map((m) => meetingCaseDocumentName(m, caseId)),
        ];

  /** The board, the social compartment, the meetings' lines, the plan's projections, consents and the account. */
  const removeSocial = (caseId: string, meetings: readonly string[]): number => {
    const name = client.get(caseId)?.name ?? '';
    let removed = removeDocuments(documentsOf(caseId, 'social', meetings));
    removed += run(
      'DELETE FROM document_changes WHERE case_id = ? AND document_name <> ?',
      caseId,
      caseDocumentName(caseId, 'medical'),
    );
    for (const table of socialTables) removed += run(`DELETE FROM ${table} WHERE case_id = ?`, caseId);
    for (const meetingId of meetings) {
      removed += run(
        `DELETE FROM meeting_attendees WHERE meeting_id = ? AND guest_relation = 'client'
         AND lower(trim(guest_name)) = lower(trim(?))`,
        meetingId,
        name,
      );
      const minutes = db
        .prepare<[string], { content: string }>('SELECT content FROM meeting_minutes WHERE meeting_id = ?')
        .get(meetingId);
      if (!minutes) continue;
      const kept = JSON.stringify(minutesWithout(JSON.parse(minutes.content) as Minutes, caseId, name));
      if (kept !== minutes.content)
        removed += run('UPDATE meeting_minutes SET content = ? WHERE meeting_id = ?', kept, meetingId);
    }
    for (const account of accounts.all(caseId)) removed += removeAccount(account);
    return removed;
  };

  return {
    meetingsOf,
    documentsOf,
    /** The client accounts of the case (one at most), whose sessions end before anything goes. */
    accountsOf: (caseId: string) => accounts.all(caseId).map((a) => a.id),
    /** Removes the rows of `part`; the last part takes the case row and every row that points at it. */
    remove(caseId: string, part: RetentionPart, last: boolean, meetings: readonly string[]): number {
      let removed =
        part === 'medical' || last ? removeDocuments(documentsOf(caseId, 'medical', meetings)) : 0;
      if (part === 'social' || last) removed += removeSocial(caseId, meetings);
      if (!last) return removed;
      removed += sweep('cases', caseId);
      return removed + run('DELETE FROM cases WHERE id = ?', caseId);
    },
  };
}
export type ErasureStatements = ReturnType<typeof erasureStatements>;
