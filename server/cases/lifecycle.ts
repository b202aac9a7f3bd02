import type { CloseBody, TransferBody } from '../../shared/intakeApi.js';
import { HttpError } from '../http/validate.js';
import type { Data, Executor } from '../storage/data.js';

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
export function caseLifecycle(data: Data) {
  const { db } = data;
  const caseRow = (caseId: string) =>
    db
      .selectFrom('cases')
      .select(['coordinator_id as coordinatorId', 'status'])
      .where('id', '=', caseId)
      .executeTakeFirst();
  const canCoordinate = (professionalId: string) =>
    db
      .selectFrom('professionals as p')
      .select('p.role_title as roleTitle')
      .where('p.id', '=', professionalId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('users as u')
            .select(eb.lit(1).as('one'))
            .whereRef('u.professional_id', '=', 'p.id')
            .where('u.disabled_at', 'is', null),
        ),
      )
      .executeTakeFirst();
  const hasActiveAccount = (professionalId: string) =>
    db
      .selectFrom('users')
      .select((eb) => eb.lit(1).as('one'))
      .where('professional_id', '=', professionalId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
  const onCase = (caseId: string, professionalId: string) =>
    db
      .selectFrom('cases')
      .select((eb) => eb.lit(1).as('one'))
      .where('id', '=', caseId)
      .where('coordinator_id', '=', professionalId)
      .union(
        db
          .selectFrom('case_members')
          .select((eb) => eb.lit(1).as('one'))
          .where('case_id', '=', caseId)
          .where('professional_id', '=', professionalId),
      )
      .executeTakeFirst();

  const record = (
    tx: Executor,
    caseId: string,
    kind: 'coordinator-transferred' | 'closed' | 'reopened',
    step: Step,
    fields: { reason?: string | null; note?: string | null; from?: string | null; to?: string | null },
  ) =>
    tx
      .insertInto('case_events')
      .values({
        case_id: caseId,
        at: (step.now ?? new Date()).toISOString(),
        kind,
        user_id: step.userId,
        reason: fields.reason ?? null,
        note: fields.note ?? null,
        from_professional_id: fields.from ?? null,
        to_professional_id: fields.to ?? null,
      })
      .execute();

  return {
    /** Whether the coordinator can still sign in; a case of a leaver needs a new one (the admin hands it over). */
    async coordinatorIsActive(caseId: string): Promise<boolean> {
      const coordinator = (await caseRow(caseId))?.coordinatorId;
      return !!coordinator && !!(await hasActiveAccount(coordinator));
    },

    /**
     * Makes `to` the coordinator. The previous coordinator stays on the case as a member who
     * writes or reads, or leaves it. Returns who the previous one was.
     */
    async transfer(caseId: string, body: TransferBody, step: Step): Promise<{ previous: string | null }> {
      const row = (await caseRow(caseId))!;
      if (row.coordinatorId === body.coordinatorId)
        throw new HttpError(400, `coordinatorId: ${body.coordinatorId} coordinates this case already`);
      if (!(await canCoordinate(body.coordinatorId)))
        throw new HttpError(
          400,
          `coordinatorId: no professional ${body.coordinatorId} with an account to coordinate with`,
        );
      const previous = row.coordinatorId;
      await data.write(async (trx) => {
        await trx
          .updateTable('cases')
          .set({ coordinator_id: body.coordinatorId })
          .where('id', '=', caseId)
          .execute();
        if (previous && body.previousCoordinator === 'leave')
          await trx
            .deleteFrom('case_members')
            .where('case_id', '=', caseId)
            .where('professional_id', '=', previous)
            .execute();
        else if (previous) {
          const known = await trx
            .selectFrom('professionals')
            .select('role_title as roleTitle')
            .where('id', '=', previous)
            .executeTakeFirst();
          await trx
            .insertInto('case_members')
            .values({
              case_id: caseId,
              professional_id: previous,
              case_role: known?.roleTitle ?? 'oud-regievoerder',
              access: body.previousCoordinator as 'write' | 'read', // not 'leave': that went above
            })
            .onConflict((oc) =>
              oc
                .columns(['case_id', 'professional_id'])
                .doUpdateSet((eb) => ({ access: eb.ref('excluded.access') })),
            )
            .execute();
        }
        await record(trx, caseId, 'coordinator-transferred', step, {
          note: body.note,
          from: previous,
          to: body.coordinatorId,
        });
      });
      return { previous };
    },

    /** Closes an open case; whom the client calls afterwards is someone on the case (default: the coordinator). */
    async close(caseId: string, body: CloseBody, step: Step): Promise<void> {
      const contactAfterId = body.contactAfterId ?? null;
      if (contactAfterId && !(await onCase(caseId, contactAfterId)))
        throw new HttpError(400, `contactAfterId: ${contactAfterId} is not on this case`);
      await data.write(async (trx) => {
        const at = (step.now ?? new Date()).toISOString();
        const changed = await trx
          .updateTable('cases')
          .set({
            status: 'closed',
            closed_at: at,
            close_reason: body.reason,
            closing_note: body.note,
            closed_by: step.userId,
            contact_after_id: contactAfterId,
          })
          .where('id', '=', caseId)
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (Number(changed.numUpdatedRows) !== 1)
          throw new HttpError(409, 'the case is closed already', { code: 'case-closed' });
        await record(trx, caseId, 'closed', step, { reason: body.reason, note: body.note });
      });
    },

    /**
     * Opens a closed case again, with the coordinator's words why; the closing is kept in its
     * events. A case with a part erased stays closed (SPEC RT8): reopening it would make the rest
     * writable and start its retention period again.
     */
    async reopen(caseId: string, reason: string, step: Step): Promise<void> {
      await data.write(async (trx) => {
        // A part erased after its retention period (or being erased now: it is marked first) keeps the case closed.
        const erased = await trx
          .selectFrom('case_erasures')
          .select((eb) => eb.lit(1).as('one'))
          .where('case_id', '=', caseId)
          .executeTakeFirst();
        if (erased)
          throw new HttpError(
            409,
            'part of this case was erased after its retention period: it stays closed',
            {
              code: 'case-erased',
            },
          );
        const reopened = await trx
          .updateTable('cases')
          .set({
            status: 'open',
            closed_at: null,
            close_reason: null,
            closing_note: null,
            closed_by: null,
            contact_after_id: null,
          })
          .where('id', '=', caseId)
          .where('status', '=', 'closed')
          .executeTakeFirst();
        if (Number(reopened.numUpdatedRows) !== 1)
          throw new HttpError(409, 'the case is open', { code: 'case-open' });
        await record(trx, caseId, 'reopened', step, { reason });
      });
    },
  };
}
export type CaseLifecycle = ReturnType<typeof caseLifecycle>;
