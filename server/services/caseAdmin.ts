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
import type { Db } from '../db/database.js';
import { HttpError } from '../http/validate.js';

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

type ConsentRow = Omit<ConsentRecord, 'state' | 'recordedByClient'> & { recordedByClient: number };

/**
 * Membership and consent of a case: who is on it, and what the client agreed to share. Who may
 * record or withdraw a consent is decided by the rules in shared/permissions.ts (SPEC A7), before
 * these are called; this keeps the dates within `limits` and tells open pages (`changes`).
 */
export function caseAdminService(db: Db, limits: ConsentLimits) {
  const professional = db.prepare<[string], { id: string; domain: ProfessionalDomain }>(
    'SELECT id, domain FROM professionals WHERE id = ?',
  );
  const upsertMember = db.prepare(`INSERT INTO case_members (case_id, professional_id, case_role, access)
    VALUES (?, ?, ?, ?) ON CONFLICT (case_id, professional_id) DO UPDATE SET case_role = excluded.case_role, access = excluded.access`);
  const removeMember = db.prepare('DELETE FROM case_members WHERE case_id = ? AND professional_id = ?');
  // given_by: the client gives every consent; who wrote it down is recorded_by.
  const insertConsent = db.prepare(`INSERT INTO consents
    (id, case_id, compartment, shared_with_domain, shared_with_professional_id, given_by, recorded_by,
     given_at, how, valid_until, recorded_at)
    VALUES (?, ?, ?, ?, ?, 'client', ?, ?, ?, ?, ?)`);
  const withdraw = db.prepare(
    'UPDATE consents SET withdrawn_at = ?, withdrawn_recorded_by = ? WHERE id = ? AND case_id = ? AND withdrawn_at IS NULL',
  );
  const one = db.prepare<[string, string], { compartment: ProfessionalDomain }>(
    'SELECT compartment FROM consents WHERE id = ? AND case_id = ?',
  );
  const list = db.prepare<[string], ConsentRow>(`
    SELECT c.id, c.compartment, c.shared_with_domain AS sharedWithDomain,
           c.shared_with_professional_id AS sharedWithProfessionalId, p.name AS sharedWithName,
           c.how, substr(c.given_at, 1, 10) AS givenOn, c.valid_until AS validUntil,
           u.display_name AS recordedBy, u.role = 'client' AS recordedByClient, c.recorded_at AS recordedAt,
           c.withdrawn_at AS withdrawnAt, w.display_name AS withdrawnRecordedBy
    FROM consents c JOIN users u ON u.id = c.recorded_by
    LEFT JOIN users w ON w.id = c.withdrawn_recorded_by
    LEFT JOIN professionals p ON p.id = c.shared_with_professional_id
    WHERE c.case_id = ? ORDER BY c.recorded_at DESC, c.id`);
  const notWithdrawn = db.prepare<[string], { id: string; validUntil: string }>(
    'SELECT id, valid_until AS validUntil FROM consents WHERE case_id = ? AND withdrawn_at IS NULL ORDER BY id',
  );
  const changes = new EventEmitter();
  changes.setMaxListeners(0);

  const requireProfessional = (id: string) => {
    const row = professional.get(id);
    if (!row) throw new HttpError(400, `sharedWithProfessionalId: no professional ${id}`);
    return row;
  };

  return {
    limits,
    /** Emits `case` with the case id whenever a consent of that case is recorded or withdrawn. */
    changes,
    setMember(caseId: string, professionalId: string, caseRole: string, access: 'write' | 'read'): void {
      if (!professional.get(professionalId))
        throw new HttpError(400, `professionalId: no professional ${professionalId}`);
      upsertMember.run(caseId, professionalId, caseRole, access);
    },
    removeMember(caseId: string, professionalId: string): boolean {
      return removeMember.run(caseId, professionalId).changes > 0;
    },
    listConsents(caseId: string, now = new Date()): ConsentRecord[] {
      const today = consentToday(now);
      return list.all(caseId).map((row) => ({
        ...row,
        recordedByClient: row.recordedByClient === 1,
        state: consentState(row, today),
      }));
    },
    /** The consent's compartment, for deciding who may withdraw it; 404 when the case has no such consent. */
    consent(caseId: string, consentId: string): { compartment: ProfessionalDomain } {
      const row = one.get(consentId, caseId);
      if (!row) throw new HttpError(404, `consentId: no consent ${consentId} for this case`);
      return row;
    },
    /** The consent as the permission rules see it: the named person comes with their side. */
    intentOf(
      input: Pick<NewConsent, 'compartment' | 'sharedWithDomain' | 'sharedWithProfessionalId'>,
    ): ConsentIntent {
      const person = input.sharedWithProfessionalId
        ? requireProfessional(input.sharedWithProfessionalId)
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
    giveConsent(caseId: string, input: NewConsent, recordedBy: string, now = new Date()): string {
      if (input.sharedWithProfessionalId) requireProfessional(input.sharedWithProfessionalId);
      const validUntil = input.validUntil ?? defaultValidUntil(input.givenOn, limits);
      const problem = consentPeriodProblem(input.givenOn, validUntil, consentToday(now), limits);
      if (problem) throw new HttpError(400, problem);
      const id = randomUUID();
      insertConsent.run(
        id,
        caseId,
        input.compartment,
        input.sharedWithDomain ?? null,
        input.sharedWithProfessionalId ?? null,
        recordedBy,
        input.givenOn,
        input.how,
        validUntil,
        now.toISOString(),
      );
      changes.emit('case', caseId);
      return id;
    },
    withdrawConsent(caseId: string, consentId: string, recordedBy: string, now = new Date()): void {
      if (withdraw.run(now.toISOString(), recordedBy, consentId, caseId).changes !== 1) {
        throw new HttpError(404, `consentId: no consent ${consentId} in force for this case`);
      }
      changes.emit('case', caseId);
    },
    /** Which consents of a case are in force now, as one string: it changes when one ends by its date. */
    inForceKey(caseId: string, now = new Date()): string {
      const today = consentToday(now);
      return notWithdrawn
        .all(caseId)
        .filter((c) => consentInForce({ ...c, withdrawnAt: null }, today))
        .map((c) => c.id)
        .join(',');
    },
  };
}
export type CaseAdminService = ReturnType<typeof caseAdminService>;
