import { removeAgendaItem } from '../../shared/doc/meeting.js';
import { closeCodes, meetingDocumentName } from '../../shared/protocol.js';
import { retentionParts } from '../../shared/rightsApi.js';
import type { ErasureAnswer, RetentionDue, RetentionPart } from '../../shared/rightsApi.js';
import type { AccessLog } from '../audit/accessLog.js';
import type { SessionStore } from '../auth/sessions.js';
import type { Data, Executor } from '../storage/data.js';
import type { DocumentLog } from '../storage/documentLog.js';
import { HttpError } from '../http/validate.js';
import type { Logger } from '../logger.js';
import { caseAlias } from '../meetings/store.js';
import type { DocumentRegistry } from '../sync/documentRegistry.js';
import { closedAtColumn, closureReader } from './closure.js';
import { erasureStatements } from './erasure.js';
import { dueParts, isLastPart } from './policy.js';
import type { DuePart, RetentionPeriods } from './policy.js';

export interface RetentionDeps {
  data: Data;
  /** The SQLite file, for the stored documents and for overwriting what is deleted. */
  registry: DocumentRegistry;
  /** The document log, to compact an agenda a case left (its rows must no longer hold it). */
  documents: Pick<DocumentLog, 'compact'>;
  audit: AccessLog;
  sessions: Pick<SessionStore, 'endAllOf'>;
  log: Logger;
  periods: RetentionPeriods;
  /** The clock the periods are measured by; tests move it. */
  now: () => Date;
  /** Closes or downgrades open sync connections whose rights changed. */
  recheck(): Promise<void> | void;
}

/** Who confirmed an erasure, for its access-log entry. */
export interface ErasureActor {
  userId: string;
  address?: string | null;
  userAgent?: string | null;
}

interface DueRow {
  caseId: string;
  clientName: string;
  birthYear: number | null;
  neighbourhood: string;
  coordinator: string | null;
  closedAt: string;
  part: RetentionPart;
  dueSince: string;
  foundAt: string;
}

/**
 * Retention (SPEC RT1–RT8): the daily check lists the parts of closed cases whose period passed;
 * the admin confirms each erasure, which removes that part of the case from every table and
 * from memory, and leaves one access-log entry with ids only.
 */
export function retentionService(deps: RetentionDeps) {
  const { data, registry, documents, audit, sessions, log, periods, now } = deps;
  const closure = closureReader(data);
  const statements = erasureStatements(data);
  let checkedAt: string | null = null;

  const erasedParts = async (caseId: string) =>
    new Set(
      (await data.db.selectFrom('case_erasures').select('part').where('case_id', '=', caseId).execute()).map(
        (r) => r.part,
      ),
    );
  const deleteDue = (tx: Executor, caseId: string, part: RetentionPart) =>
    tx.deleteFrom('retention_due').where('case_id', '=', caseId).where('part', '=', part).execute();
  const unmark = (caseId: string, part: RetentionPart) =>
    data.db.deleteFrom('case_erasures').where('case_id', '=', caseId).where('part', '=', part).execute();

  /** The parts of the case due now, with what is erased already; null when there is no such case. */
  const stateOf = async (caseId: string) => {
    const state = await closure.caseState(caseId);
    if (!state) return null;
    const erased = await erasedParts(caseId);
    return { erased, due: dueParts({ ...state, erased }, periods, now()) };
  };

  /** The case's lines leave every meeting's agenda, which is compacted so no stored update still has them. */
  const removeFromAgendas = async (caseId: string, meetings: readonly string[]) => {
    for (const meetingId of meetings) {
      const name = meetingDocumentName(meetingId);
      await registry.use(name, (doc) => removeAgendaItem(doc, caseId));
      await documents.compact(name); // after the removal was stored (use awaits it)
    }
  };

  /**
   * Deletes with SQLite overwriting what it deletes, then empties the WAL, so the bytes leave the
   * files too. (PostgreSQL frees the rows by its own vacuum.)
   */
  const overwriting = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (data.client.engine !== 'sqlite') return fn();
    const db = data.client.connection;
    const before = db.pragma('secure_delete', { simple: true }) as number;
    db.pragma('secure_delete = ON');
    try {
      return await fn();
    } finally {
      db.pragma(`secure_delete = ${before}`);
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // busy: the checkpointer copies it over soon; the pages themselves were overwritten
      }
    }
  };

  return {
    periods,
    /** When the check last ran; null before the first. */
    checkedAt: () => checkedAt,

    /** The daily check: lists every part of a closed case whose period passed, and nothing else. */
    async check(): Promise<number> {
      const at = now();
      const due: ({ caseId: string } & DuePart)[] = [];
      for (const c of await closure.closedCases()) {
        const erased = await erasedParts(c.caseId);
        for (const d of dueParts({ status: 'closed', closedAt: c.closedAt, erased }, periods, at))
          due.push({ caseId: c.caseId, ...d });
      }
      await data.write(async (trx) => {
        const keep = new Set(due.map((d) => `${d.caseId}|${d.part}`));
        // A reopened case, or a longer period, takes a part off the list again.
        const rows = await trx.selectFrom('retention_due').select(['case_id as caseId', 'part']).execute();
        for (const row of rows)
          if (!keep.has(`${row.caseId}|${row.part}`)) await deleteDue(trx, row.caseId, row.part);
        for (const d of due)
          await trx
            .insertInto('retention_due')
            .values({ case_id: d.caseId, part: d.part, due_since: d.dueSince, found_at: at.toISOString() })
            .onConflict((oc) =>
              oc
                .columns(['case_id', 'part'])
                .doUpdateSet((eb) => ({ due_since: eb.ref('excluded.due_since') })),
            )
            .execute();
      });
      checkedAt = at.toISOString();
      log.info('retention check', { due: due.length });
      return due.length;
    },

    /** What waits for the admin's confirmation, by alias: the admin never needs the client's name. */
    async list(): Promise<RetentionDue[]> {
      const at = now();
      const rows: DueRow[] = await data.db
        .selectFrom('retention_due as d')
        .innerJoin('cases as c', 'c.id', 'd.case_id')
        .innerJoin('neighbourhoods as n', 'n.id', 'c.neighbourhood_id')
        .leftJoin('professionals as p', 'p.id', 'c.coordinator_id')
        .select([
          'd.case_id as caseId',
          'c.client_name as clientName',
          'c.birth_year as birthYear',
          'n.name as neighbourhood',
          'p.name as coordinator',
          `c.${closedAtColumn} as closedAt`,
          'd.part',
          'd.due_since as dueSince',
          'd.found_at as foundAt',
        ])
        .orderBy('d.due_since')
        .orderBy('d.case_id')
        .orderBy('d.part')
        .$narrowType<{ closedAt: string }>()
        .execute();
      const answer: RetentionDue[] = [];
      for (const { clientName, birthYear, ...row } of rows) {
        // A case reopened (or closed again later) since the check leaves the list at once.
        const state = await closure.caseState(row.caseId);
        const erased = await erasedParts(row.caseId);
        if (!state || !dueParts({ ...state, erased }, periods, at).some((d) => d.part === row.part)) continue;
        answer.push({ ...row, alias: caseAlias(clientName, birthYear), last: isLastPart(erased, row.part) });
      }
      return answer;
    },

    /**
     * Erases one part of a closed case whose period passed (SPEC RT4–RT7). The part is marked
     * first, so nobody opens or loads its documents again and the client's sessions end; its
     * documents leave memory; then its rows go in one transaction. The last part takes the case.
     */
    async erase(caseId: string, part: RetentionPart, by: ErasureActor): Promise<ErasureAnswer> {
      const state = await stateOf(caseId);
      if (!state) throw new HttpError(404, `caseId: no case ${caseId}`);
      if (state.erased.has(part))
        throw new HttpError(409, `part: the ${part} part of this case is erased already`);
      if (!state.due.some((d) => d.part === part))
        throw new HttpError(409, `part: the retention period of the ${part} part has not passed`);
      const last = isLastPart(state.erased, part);
      const meetings = await statements.meetingsOf(caseId);
      const parts = last ? retentionParts : [part];
      const documents = parts.flatMap((p) => statements.documentsOf(caseId, p, meetings));
      const social = parts.includes('social');

      await data.db
        .insertInto('case_erasures')
        .values({ case_id: caseId, part, erased_at: now().toISOString(), erased_by: by.userId })
        .onConflict((oc) => oc.columns(['case_id', 'part']).doNothing())
        .execute();
      let removed: number;
      try {
        if (social) for (const userId of await statements.accountsOf(caseId)) await sessions.endAllOf(userId);
        await deps.recheck();
        if (social) await removeFromAgendas(caseId, meetings);
        await registry.settled(documents);
        // The documents leave memory, then their rows go. A document asked for in between is
        // refused: its part is marked erased (documentAccess answers 'missing').
        for (const name of documents)
          registry.discard(name, closeCodes.forbidden, 'erased after its retention period');
        removed = await overwriting(() =>
          data.write(async (trx) => {
            const n = await statements.remove(trx, caseId, part, last, meetings);
            await deleteDue(trx, caseId, part);
            return n;
          }),
        );
      } catch (error) {
        await unmark(caseId, part); // what is stored is all still there: the admin may confirm again
        throw error;
      }
      await audit.record({
        event: 'case-erased',
        caseId,
        userId: by.userId,
        role: 'admin',
        authorization: 'admin',
        address: by.address ?? null,
        userAgent: by.userAgent ?? null,
        details: { part, caseRemoved: last, documents: documents.length, rows: removed },
      });
      await deps.recheck();
      log.info('case part erased', { caseId, part, caseRemoved: last, rows: removed });
      return { caseId, part, caseRemoved: last };
    },
  };
}
export type RetentionService = ReturnType<typeof retentionService>;
