import type { CloseBody, TransferBody } from '../../shared/intakeApi.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/validate.js';

/** Who did a step of the case's life, and when. */
export interface Step {
  userId: string;
  now?: Date;
}

/**
 * A case's life after intake (SQL only; the routes decide who may, log it and re-check open
 * connections): the coordinator role handed over, closing with a reason (read-only for everyone
 * from then on, shared/permissions.ts) and reopening. Each step is kept in `case_events`.
 */
export function caseLifecycle(db: Db) {
  const caseRow = db.prepare<[string], { coordinatorId: string | null; status: 'open' | 'closed' }>(
    'SELECT coordinator_id AS coordinatorId, status FROM cases WHERE id = ?',
  );
  const canCoordinate = db.prepare<[string], { roleTitle: string }>(`
    SELECT p.role_title AS roleTitle FROM professionals p
    WHERE p.id = ? AND EXISTS (SELECT 1 FROM users u WHERE u.professional_id = p.id AND u.disabled_at IS NULL)`);
  const hasActiveAccount = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM users WHERE professional_id = ? AND disabled_at IS NULL',
  );
  const roleTitle = db.prepare<[string], { roleTitle: string }>(
    'SELECT role_title AS roleTitle FROM professionals WHERE id = ?',
  );
  const onCase = db.prepare<[string, string, string, string], { one: number }>(`
    SELECT 1 AS one FROM cases WHERE id = ? AND coordinator_id = ?
    UNION SELECT 1 FROM case_members WHERE case_id = ? AND professional_id = ?`);
  const setCoordinator = db.prepare('UPDATE cases SET coordinator_id = ? WHERE id = ?');
  const keepMember = db.prepare(`INSERT INTO case_members (case_id, professional_id, case_role, access)
    VALUES (?, ?, ?, ?) ON CONFLICT (case_id, professional_id) DO UPDATE SET access = excluded.access`);
  const dropMember = db.prepare('DELETE FROM case_members WHERE case_id = ? AND professional_id = ?');
  const close = db.prepare(`UPDATE cases SET status = 'closed', closed_at = @at, close_reason = @reason,
      closing_note = @note, closed_by = @userId, contact_after_id = @contactAfterId
    WHERE id = @caseId AND status = 'open'`);
  const reopen = db.prepare(`UPDATE cases SET status = 'open', closed_at = NULL, close_reason = NULL,
      closing_note = NULL, closed_by = NULL, contact_after_id = NULL
    WHERE id = ? AND status = 'closed'`);
  // A part erased after its retention period (or being erased now: it is marked first) keeps the case closed.
  const erased = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM case_erasures WHERE case_id = ?',
  );
  const event = db.prepare(`INSERT INTO case_events
    (case_id, at, kind, user_id, reason, note, from_professional_id, to_professional_id)
    VALUES (@caseId, @at, @kind, @userId, @reason, @note, @from, @to)`);

  const record = (
    caseId: string,
    kind: 'coordinator-transferred' | 'closed' | 'reopened',
    step: Step,
    fields: { reason?: string | null; note?: string | null; from?: string | null; to?: string | null },
  ) =>
    event.run({
      caseId,
      at: (step.now ?? new Date()).toISOString(),
      kind,
      userId: step.userId,
      reason: fields.reason ?? null,
      note: fields.note ?? null,
      from: fields.from ?? null,
      to: fields.to ?? null,
    });

  return {
    /** Whether the coordinator can still sign in; a case of a leaver needs a new one (the admin hands it over). */
    coordinatorIsActive(caseId: string): boolean {
      const coordinator = caseRow.get(caseId)?.coordinatorId;
      return !!coordinator && !!hasActiveAccount.get(coordinator);
    },

    /**
     * Makes `to` the coordinator. The previous coordinator stays on the case as a member who
     * writes or reads, or leaves it. Returns who the previous one was.
     */
    transfer(caseId: string, body: TransferBody, step: Step): { previous: string | null } {
      const row = caseRow.get(caseId)!;
      if (row.coordinatorId === body.coordinatorId)
        throw new HttpError(400, `coordinatorId: ${body.coordinatorId} coordinates this case already`);
      if (!canCoordinate.get(body.coordinatorId))
        throw new HttpError(
          400,
          `coordinatorId: no professional ${body.coordinatorId} with an account to coordinate with`,
        );
      const previous = row.coordinatorId;
      db.transaction(() => {
        setCoordinator.run(body.coordinatorId, caseId);
        if (previous && body.previousCoordinator === 'leave') dropMember.run(caseId, previous);
        else if (previous) {
          const role = roleTitle.get(previous)?.roleTitle ?? 'oud-regievoerder';
          keepMember.run(caseId, previous, role, body.previousCoordinator);
        }
        record(caseId, 'coordinator-transferred', step, {
          note: body.note,
          from: previous,
          to: body.coordinatorId,
        });
      })();
      return { previous };
    },

    /** Closes an open case; whom the client calls afterwards is someone on the case (default: the coordinator). */
    close(caseId: string, body: CloseBody, step: Step): void {
      const contactAfterId = body.contactAfterId ?? null;
      if (contactAfterId && !onCase.get(caseId, contactAfterId, caseId, contactAfterId))
        throw new HttpError(400, `contactAfterId: ${contactAfterId} is not on this case`);
      db.transaction(() => {
        const at = (step.now ?? new Date()).toISOString();
        const changed = close.run({
          caseId,
          at,
          reason: body.reason,
          note: body.note,
          userId: step.userId,
          contactAfterId,
        });
        if (changed.changes !== 1)
          throw new HttpError(409, 'the case is closed already', { code: 'case-closed' });
        record(caseId, 'closed', step, { reason: body.reason, note: body.note });
      })();
    },

    /**
     * Opens a closed case again, with the coordinator's words why; the closing is kept in its
     * events. A case with a part erased stays closed (SPEC RT8): reopening it would make the rest
     * writable and start its retention period again.
     */
    reopen(caseId: string, reason: string, step: Step): void {
      db.transaction(() => {
        if (erased.get(caseId))
          throw new HttpError(
            409,
            'part of this case was erased after its retention period: it stays closed',
            {
              code: 'case-erased',
            },
          );
        if (reopen.run(caseId).changes !== 1)
          throw new HttpError(409, 'the case is open', { code: 'case-open' });
        record(caseId, 'reopened', step, { reason });
      })();
    },
  };
}
export type CaseLifecycle = ReturnType<typeof caseLifecycle>;
