import { removeAgendaItem } from '../../shared/doc/meeting.js';
import { closeCodes, meetingDocumentName } from '../../shared/protocol.js';
import { retentionParts } from '../../shared/rightsApi.js';
import type { ErasureAnswer, RetentionDue, RetentionPart } from '../../shared/rightsApi.js';
import type { AccessLog } from '../audit/accessLog.js';
import type { SessionStore } from '../auth/sessions.js';
import type { Db } from '../db/database.js';
import type { DocumentLog } from '../storage/documentLog.js';
import { HttpError } from '../http/validate.js';
import type { Logger } from '../logger.js';
import { caseAlias } from '../meetings/store.js';
import type { DocumentRegistry } from '../sync/documentRegistry.js';
import { closedAtColumn, closureReader } from './closure.js';
import { erasureStatements } from './erasure.js';
import { dueParts, isLastPart } from './policy.js';
import type { RetentionPeriods } from './policy.js';

export interface RetentionDeps {
  db: Db;
  registry: DocumentRegistry;
  /** The document log, to compact an agenda a case left (its rows must no longer hold it). */
  documents: Pick<DocumentLog, 'compact'>;
  audit: AccessLog;
  sessions: SessionStore;
  log: Logger;
  periods: RetentionPeriods;
  /** The clock the periods are measured by; tests move it. */
  now: () => Date;
  /** Closes or downgrades open sync connections whose rights changed. */
  recheck(): void;
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
  const { db, registry, documents, audit, sessions, log, periods, now } = deps;
  const closure = closureReader(db);
  const statements = erasureStatements(db);
  const erasedOf = db.prepare<[string], { part: RetentionPart }>(
    'SELECT part FROM case_erasures WHERE case_id = ?',
  );
  const dueRows = db.prepare<[], { caseId: string; part: RetentionPart }>(
    'SELECT case_id AS caseId, part FROM retention_due',
  );
  const upsertDue =
    db.prepare(`INSERT INTO retention_due (case_id, part, due_since, found_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (case_id, part) DO UPDATE SET due_since = excluded.due_since`);
  const deleteDue = db.prepare('DELETE FROM retention_due WHERE case_id = ? AND part = ?');
  const list = db.prepare<[], DueRow>(`
    SELECT d.case_id AS caseId, c.client_name AS clientName, c.birth_year AS birthYear,
           n.name AS neighbourhood, p.name AS coordinator, c.${closedAtColumn} AS closedAt, d.part,
           d.due_since AS dueSince, d.found_at AS foundAt
    FROM retention_due d JOIN cases c ON c.id = d.case_id
    JOIN neighbourhoods n ON n.id = c.neighbourhood_id
    LEFT JOIN professionals p ON p.id = c.coordinator_id
    ORDER BY d.due_since, d.case_id, d.part`);
  const mark = db.prepare(
    'INSERT OR IGNORE INTO case_erasures (case_id, part, erased_at, erased_by) VALUES (?, ?, ?, ?)',
  );
  const unmark = db.prepare('DELETE FROM case_erasures WHERE case_id = ? AND part = ?');
  let checkedAt: string | null = null;

  const erasedParts = (caseId: string) => new Set(erasedOf.all(caseId).map((r) => r.part));

  /** The parts of the case due now, with what is erased already; null when there is no such case. */
  const stateOf = (caseId: string) => {
    const state = closure.caseState(caseId);
    if (!state) return null;
    const erased = erasedParts(caseId);
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

  /** Deletes with SQLite overwriting what it deletes, then empties the WAL, so the bytes leave the files too. */
  const overwriting = <T>(fn: () => T): T => {
    const before = db.pragma('secure_delete', { simple: true }) as number;
    db.pragma('secure_delete = ON');
    try {
      return fn();
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
    check(): number {
      const at = now();
      const due = closure
        .closedCases()
        .flatMap((c) =>
          dueParts(
            { status: 'closed', closedAt: c.closedAt, erased: erasedParts(c.caseId) },
            periods,
            at,
          ).map((d) => ({ caseId: c.caseId, ...d })),
        );
      db.transaction(() => {
        const keep = new Set(due.map((d) => `${d.caseId}|${d.part}`));
        // A reopened case, or a longer period, takes a part off the list again.
        for (const row of dueRows.all())
          if (!keep.has(`${row.caseId}|${row.part}`)) deleteDue.run(row.caseId, row.part);
        for (const d of due) upsertDue.run(d.caseId, d.part, d.dueSince, at.toISOString());
      })();
      checkedAt = at.toISOString();
      log.info('retention check', { due: due.length });
      return due.length;
    },

    /** What waits for the admin's confirmation, by alias: the admin never needs the client's name. */
    list(): RetentionDue[] {
      const at = now();
      // A case reopened (or closed again later) since the check leaves the list at once.
      const stillDue = (row: DueRow) => {
        const state = closure.caseState(row.caseId);
        const erased = erasedParts(row.caseId);
        return !!state && dueParts({ ...state, erased }, periods, at).some((d) => d.part === row.part);
      };
      return list
        .all()
        .filter(stillDue)
        .map(({ clientName, birthYear, ...row }) => ({
          ...row,
          alias: caseAlias(clientName, birthYear),
          last: isLastPart(erasedParts(row.caseId), row.part),
        }));
    },

    /**
     * Erases one part of a closed case whose period passed (SPEC RT4–RT7). The part is marked
     * first, so nobody opens or loads its documents again and the client's sessions end; its
     * documents leave memory; then its rows go in one transaction. The last part takes the case.
     */
    async erase(caseId: string, part: RetentionPart, by: ErasureActor): Promise<ErasureAnswer> {
      const state = stateOf(caseId);
      if (!state) throw new HttpError(404, `caseId: no case ${caseId}`);
      if (state.erased.has(part))
        throw new HttpError(409, `part: the ${part} part of this case is erased already`);
      if (!state.due.some((d) => d.part === part))
        throw new HttpError(409, `part: the retention period of the ${part} part has not passed`);
      const last = isLastPart(state.erased, part);
      const meetings = statements.meetingsOf(caseId);
      const parts = last ? retentionParts : [part];
      const documents = parts.flatMap((p) => statements.documentsOf(caseId, p, meetings));
      const social = parts.includes('social');

      mark.run(caseId, part, now().toISOString(), by.userId);
      let removed: number;
      try {
        if (social) for (const userId of statements.accountsOf(caseId)) sessions.endAllOf(userId);
        deps.recheck();
        if (social) await removeFromAgendas(caseId, meetings);
        await registry.settled(documents);
        // From here on nothing awaits, so nothing loads a document between its discard and its rows' removal.
        for (const name of documents)
          registry.discard(name, closeCodes.forbidden, 'erased after its retention period');
        removed = overwriting(() =>
          db.transaction(() => {
            const n = statements.remove(caseId, part, last, meetings);
            deleteDue.run(caseId, part);
            return n;
          })(),
        );
      } catch (error) {
        unmark.run(caseId, part); // what is stored is all still there: the admin may confirm again
        throw error;
      }
      audit.record({
        event: 'case-erased',
        caseId,
        userId: by.userId,
        role: 'admin',
        authorization: 'admin',
        address: by.address ?? null,
        userAgent: by.userAgent ?? null,
        details: { part, caseRemoved: last, documents: documents.length, rows: removed },
      });
      deps.recheck();
      log.info('case part erased', { caseId, part, caseRemoved: last, rows: removed });
      return { caseId, part, caseRemoved: last };
    },
  };
}
export type RetentionService = ReturnType<typeof retentionService>;
