import type { Minutes } from '../../shared/meetingApi.js';
import { caseDocumentName, meetingCaseDocumentName } from '../../shared/protocol.js';
import type { RetentionPart } from '../../shared/rightsApi.js';
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Data, Executor } from '../storage/data.js';
import { sweepReferences } from './sweep.js';

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
  // Their steps (referral_events) go with them (ON DELETE CASCADE).
  referrals: 'social',
  client_rating_log: 'social',
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

const rowCount = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0);

/**
 * The rows erasure removes (SPEC RT4–RT6), part by part, in the caller's transaction (`tx`). Rows
 * that point at the case or at the client's account are also found through the schema's foreign
 * keys, so a table added later goes with the case without being listed here. The stored documents
 * (`document_updates`, `document_heads`) are the document log's, in the same database.
 */
export function erasureStatements(data: Data) {
  const execute = async (tx: Executor, query: RawBuilder<unknown>) => rowCount(await query.execute(tx));
  const sweep = (tx: Executor, table: 'cases' | 'users', id: string) => sweepReferences(data, tx, table, id);

  const accounts = (tx: Executor, caseId: string) =>
    tx
      .selectFrom('users')
      .select(['id', 'username'])
      .where('role', '=', 'client')
      .where('client_case_id', '=', caseId)
      .execute();

  /** The client's account with everything of it: sessions, links, devices, second step, sign-in counters. */
  const removeAccount = async (tx: Executor, account: { id: string; username: string }): Promise<number> => {
    const keys = signInLimitKeys(account.id, account.username);
    const limits = await tx
      .deleteFrom('login_limits')
      .where((eb) =>
        eb.or([
          eb('key', 'in', keys.exact),
          eb(eb.fn('substr', ['key', eb.lit(1), eb.lit(keys.prefix.length)]), '=', keys.prefix),
        ]),
      )
      .executeTakeFirst();
    let removed = Number(limits.numDeletedRows);
    removed += await sweep(tx, 'users', account.id);
    const user = await tx.deleteFrom('users').where('id', '=', account.id).executeTakeFirst();
    return removed + Number(user.numDeletedRows);
  };

  const removeDocuments = async (tx: Executor, names: readonly string[]): Promise<number> => {
    let removed = 0;
    for (const name of names) {
      // The log's head names the document too; not counted as content.
      await tx.deleteFrom('document_heads').where('document_name', '=', name).execute();
      const updates = await tx
        .deleteFrom('document_updates')
        .where('document_name', '=', name)
        .executeTakeFirst();
      removed += Number(updates.numDeletedRows);
      const changes = await tx
        .deleteFrom('document_changes')
        .where('document_name', '=', name)
        .executeTakeFirst();
      removed += Number(changes.numDeletedRows);
    }
    return removed;
  };

  /** The meetings that discussed the case, or hold anything of it. */
  const meetingsOf = async (caseId: string, tx: Executor = data.db): Promise<string[]> => {
    const suffix = `:case:${caseId}`;
    const fromRows = await tx
      .selectFrom('meeting_agenda')
      .select('meeting_id as id')
      .where('case_id', '=', caseId)
      .union(tx.selectFrom('meeting_actions').select('meeting_id as id').where('case_id', '=', caseId))
      .union(tx.selectFrom('meeting_case_tags').select('meeting_id as id').where('case_id', '=', caseId))
      .union(
        tx
          .selectFrom('board_versions')
          .select('meeting_id as id')
          .where('case_id', '=', caseId)
          .where('meeting_id', 'is not', null)
          .$narrowType<{ id: string }>(),
      )
      .execute();
    // The meetings' case documents are stored under `meeting:<id>:case:<caseId>`.
    // Every stored document has a head; the suffix is matched here, not with LIKE (ids may hold _).
    const fromDocuments = (
      await tx
        .selectFrom('document_heads')
        .select('document_name')
        .where('document_name', 'like', 'meeting:%')
        .execute()
    )
      .map((r) => r.document_name)
      .filter((name) => name.endsWith(suffix))
      .map((name) => name.slice('meeting:'.length, -suffix.length));
    const needle = `"caseId":"${caseId}"`;
    const fromMinutes = (
      await tx.selectFrom('meeting_minutes').select(['meeting_id as id', 'content']).execute()
    )
      .filter((m) => m.content.includes(needle))
      .map((r) => r.id);
    return [...new Set([...fromRows.map((r) => r.id), ...fromDocuments, ...fromMinutes])].sort();
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

  /** The client among a meeting's guests, as `minutesWithout` finds them in the minutes. */
  const isClient = (guestName: string | null, name: string) =>
    (guestName ?? '').trim().toLowerCase() === name.trim().toLowerCase();

  /** The board, the social compartment, the meetings' lines, the plan's projections, consents and the account. */
  const removeSocial = async (tx: Executor, caseId: string, meetings: readonly string[]): Promise<number> => {
    const client = await tx
      .selectFrom('cases')
      .select('client_name as name')
      .where('id', '=', caseId)
      .executeTakeFirst();
    const name = client?.name ?? '';
    let removed = await removeDocuments(tx, documentsOf(caseId, 'social', meetings));
    const changes = await tx
      .deleteFrom('document_changes')
      .where('case_id', '=', caseId)
      .where('document_name', '<>', caseDocumentName(caseId, 'medical'))
      .executeTakeFirst();
    removed += Number(changes.numDeletedRows);
    for (const table of socialTables)
      removed += await execute(tx, sql`DELETE FROM ${sql.table(table)} WHERE case_id = ${caseId}`);
    for (const meetingId of meetings) {
      const guests = await tx
        .selectFrom('meeting_attendees')
        .select(['id', 'guest_name as guestName'])
        .where('meeting_id', '=', meetingId)
        .where('guest_relation', '=', 'client')
        .execute();
      for (const guest of guests.filter((g) => isClient(g.guestName, name))) {
        const gone = await tx
          .deleteFrom('meeting_attendees')
          .where('meeting_id', '=', meetingId)
          .where('id', '=', guest.id)
          .executeTakeFirst();
        removed += Number(gone.numDeletedRows);
      }
      const minutes = await tx
        .selectFrom('meeting_minutes')
        .select('content')
        .where('meeting_id', '=', meetingId)
        .executeTakeFirst();
      if (!minutes) continue;
      const kept = JSON.stringify(minutesWithout(JSON.parse(minutes.content) as Minutes, caseId, name));
      if (kept !== minutes.content) {
        const updated = await tx
          .updateTable('meeting_minutes')
          .set({ content: kept })
          .where('meeting_id', '=', meetingId)
          .executeTakeFirst();
        removed += Number(updated.numUpdatedRows);
      }
    }
    for (const account of await accounts(tx, caseId)) removed += await removeAccount(tx, account);
    return removed;
  };

  return {
    meetingsOf,
    documentsOf,
    /** The client accounts of the case (one at most), whose sessions end before anything goes. */
    accountsOf: async (caseId: string, tx: Executor = data.db) =>
      (await accounts(tx, caseId)).map((a) => a.id),
    /** Removes the rows of `part`; the last part takes the case row and every row that points at it. */
    async remove(
      tx: Executor,
      caseId: string,
      part: RetentionPart,
      last: boolean,
      meetings: readonly string[],
    ): Promise<number> {
      let removed =
        part === 'medical' || last ? await removeDocuments(tx, documentsOf(caseId, 'medical', meetings)) : 0;
      if (part === 'social' || last) removed += await removeSocial(tx, caseId, meetings);
      if (!last) return removed;
      removed += await sweep(tx, 'cases', caseId);
      const row = await tx.deleteFrom('cases').where('id', '=', caseId).executeTakeFirst();
      return removed + Number(row.numDeletedRows);
    },
  };
}
export type ErasureStatements = ReturnType<typeof erasureStatements>;
