import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { ConsentRecord } from '../../shared/api.js';
import {
  consentInForce,
  consentPeriodProblem,
  consentState,
  consentToday,
  defaultValidUntil,
} from '../../shared/consent.js';
import type { ConsentLimits, ConsentWay } from '../../shared/consent.js';
import type { ProfessionalDomain } from '../../shared/domain.js';
import type { ConsentIntent } from '../../shared/permissions.js';
import { HttpError } from '../http/validate.js';
import type { Data } from '../storage/data.js';

/** A consent to record: the client's choice and, when someone records it for them, how and when they gave it. */
export interface NewConsent {
  compartment: ProfessionalDomain;
  sharedWithDomain?: ProfessionalDomain | null;
  sharedWithProfessionalId?: string | null;
  how: ConsentWay;
  /** The day the client gave it; YYYY-MM-DD. */
  givenOn: string;
  /** Its last day; default `CONSENT_DEFAULT_MONTHS` after `givenOn`. */
  validUntil?: string;
}

type ConsentRow = Omit<ConsentRecord, 'state' | 'recordedByClient'>;

/**
 * Membership and consent of a case: who is on it, and what the client agreed to share. Who may
 * record or withdraw a consent is decided by the rules in shared/permissions.ts (SPEC A7), before
 * these are called; this keeps the dates within `limits` and tells open pages (`changes`).
 */
export function caseAdminService(data: Data, limits: ConsentLimits) {
  const { db } = data;
  const professional = (id: string): Promise<{ id: string; domain: ProfessionalDomain } | undefined> =>
    db.selectFrom('professionals').select(['id', 'domain']).where('id', '=', id).executeTakeFirst();
  const changes = new EventEmitter();
  changes.setMaxListeners(0);

  const requireProfessional = async (id: string) => {
    const row = await professional(id);
    if (!row) throw new HttpError(400, `sharedWithProfessionalId: no professional ${id}`);
    return row;
  };

  return {
    limits,
    /** Emits `case` with the case id whenever a consent of that case is recorded or withdrawn. */
    changes,
    async setMember(
      caseId: string,
      professionalId: string,
      caseRole: string,
      access: 'write' | 'read',
    ): Promise<void> {
      if (!(await professional(professionalId)))
        throw new HttpError(400, `professionalId: no professional ${professionalId}`);
      await db
        .insertInto('case_members')
        .values({ case_id: caseId, professional_id: professionalId, case_role: caseRole, access })
        .onConflict((oc) =>
          oc.columns(['case_id', 'professional_id']).doUpdateSet((eb) => ({
            case_role: eb.ref('excluded.case_role'),
            access: eb.ref('excluded.access'),
          })),
        )
        .execute();
    },
    async removeMember(caseId: string, professionalId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('case_members')
        .where('case_id', '=', caseId)
        .where('professional_id', '=', professionalId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async listConsents(caseId: string, now = new Date()): Promise<ConsentRecord[]> {
      const today = consentToday(now);
      const rows = await db
        .selectFrom('consents as c')
        .innerJoin('users as u', 'u.id', 'c.recorded_by')
        .leftJoin('users as w', 'w.id', 'c.withdrawn_recorded_by')
        .leftJoin('professionals as p', 'p.id', 'c.shared_with_professional_id')
        .select((eb) => [
          'c.id',
          'c.compartment',
          'c.shared_with_domain as sharedWithDomain',
          'c.shared_with_professional_id as sharedWithProfessionalId',
          'p.name as sharedWithName',
          'c.how',
          eb.fn<string>('substr', ['c.given_at', eb.lit(1), eb.lit(10)]).as('givenOn'),
          'c.valid_until as validUntil',
          'u.display_name as recordedBy',
          eb('u.role', '=', 'client').as('recordedByClient'),
          'c.recorded_at as recordedAt',
          'c.withdrawn_at as withdrawnAt',
          'w.display_name as withdrawnRecordedBy',
        ])
        .where('c.case_id', '=', caseId)
        // SQLite's order: a consent without a recording time (from before they were kept) last.
        .orderBy('c.recorded_at', (ob) => ob.desc().nullsLast())
        .orderBy('c.id')
        .execute();
      return rows.map((row) => {
        const record = { ...row, validUntil: row.validUntil as string } as ConsentRow;
        return {
          ...record,
          recordedByClient: Boolean(row.recordedByClient),
          state: consentState(record, today),
        };
      });
    },
    /** The consent's compartment, for deciding who may withdraw it; 404 when the case has no such consent. */
    async consent(caseId: string, consentId: string): Promise<{ compartment: ProfessionalDomain }> {
      const row = await db
        .selectFrom('consents')
        .select('compartment')
        .where('id', '=', consentId)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      if (!row) throw new HttpError(404, `consentId: no consent ${consentId} for this case`);
      return row;
    },
    /** The consent as the permission rules see it: the named person comes with their side. */
    async intentOf(
      input: Pick<NewConsent, 'compartment' | 'sharedWithDomain' | 'sharedWithProfessionalId'>,
    ): Promise<ConsentIntent> {
      const person = input.sharedWithProfessionalId
        ? await requireProfessional(input.sharedWithProfessionalId)
        : null;
      if (person?.domain === input.compartment) {
        throw new HttpError(
          400,
          `sharedWithProfessionalId: ${person.id} sees the ${input.compartment} notes already`,
        );
      }
      return {
        compartment: input.compartment,
        sharedWithDomain: input.sharedWithDomain ?? null,
        sharedWithProfessional: person,
      };
    },
    async giveConsent(
      caseId: string,
      input: NewConsent,
      recordedBy: string,
      now = new Date(),
    ): Promise<string> {
      if (input.sharedWithProfessionalId) await requireProfessional(input.sharedWithProfessionalId);
      const validUntil = input.validUntil ?? defaultValidUntil(input.givenOn, limits);
      const problem = consentPeriodProblem(input.givenOn, validUntil, consentToday(now), limits);
      if (problem) throw new HttpError(400, problem);
      const id = randomUUID();
      await db
        .insertInto('consents')
        .values({
          id,
          case_id: caseId,
          compartment: input.compartment,
          shared_with_domain: input.sharedWithDomain ?? null,
          shared_with_professional_id: input.sharedWithProfessionalId ?? null,
          // given_by: the client gives every consent; who wrote it down is recorded_by.
          given_by: 'client',
          recorded_by: recordedBy,
          given_at: input.givenOn,
          how: input.how,
          valid_until: validUntil,
          recorded_at: now.toISOString(),
        })
        .execute();
      changes.emit('case', caseId);
      return id;
    },
    async withdrawConsent(
      caseId: string,
      consentId: string,
      recordedBy: string,
      now = new Date(),
    ): Promise<void> {
      const result = await db
        .updateTable('consents')
        .set({ withdrawn_at: now.toISOString(), withdrawn_recorded_by: recordedBy })
        .where('id', '=', consentId)
        .where('case_id', '=', caseId)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new HttpError(404, `consentId: no consent ${consentId} in force for this case`);
      }
      changes.emit('case', caseId);
    },
    /** Which consents of a case are in force now, as one string: it changes when one ends by its date. */
    async inForceKey(caseId: string, now = new Date()): Promise<string> {
      const today = consentToday(now);
      const rows = await db
        .selectFrom('consents')
        .select(['id', 'valid_until as validUntil'])
        .where('case_id', '=', caseId)
        .where('withdrawn_at', 'is', null)
        .orderBy('id')
        .execute();
      return rows
        .filter((c) => consentInForce({ validUntil: c.validUntil as string, withdrawnAt: null }, today))
        .map((c) => c.id)
        .join(',');
    },
  };
}
export type CaseAdminService = ReturnType<typeof caseAdminService>;
