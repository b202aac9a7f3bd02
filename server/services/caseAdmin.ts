import { randomUUID } from 'node:crypto';
import type { ConsentRecord } from '../../shared/api.js';
import type { ProfessionalDomain } from '../../shared/domain.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/validate.js';

/** Membership and consent of a case: who is on it, and what the client agreed to share. */
export function caseAdminService(db: Db) {
  const professionalExists = db.prepare<[string], { id: string }>(
    'SELECT id FROM professionals WHERE id = ?',
  );
  const upsertMember = db.prepare(`INSERT INTO case_members (case_id, professional_id, case_role, access)
    VALUES (?, ?, ?, ?) ON CONFLICT (case_id, professional_id) DO UPDATE SET case_role = excluded.case_role, access = excluded.access`);
  const removeMember = db.prepare('DELETE FROM case_members WHERE case_id = ? AND professional_id = ?');
  const insertConsent = db.prepare(`INSERT INTO consents
    (id, case_id, compartment, shared_with_domain, shared_with_professional_id, given_by, recorded_by, given_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const withdraw = db.prepare(
    'UPDATE consents SET withdrawn_at = ?, withdrawn_recorded_by = ? WHERE id = ? AND case_id = ? AND withdrawn_at IS NULL',
  );
  const list = db.prepare<[string], ConsentRecord>(`
    SELECT c.id, c.compartment, c.shared_with_domain AS sharedWithDomain,
           c.shared_with_professional_id AS sharedWithProfessionalId, p.name AS sharedWithName,
           c.given_by AS givenBy, u.display_name AS recordedBy, c.given_at AS givenAt, c.withdrawn_at AS withdrawnAt,
           w.display_name AS withdrawnRecordedBy
    FROM consents c JOIN users u ON u.id = c.recorded_by
    LEFT JOIN users w ON w.id = c.withdrawn_recorded_by
    LEFT JOIN professionals p ON p.id = c.shared_with_professional_id
    WHERE c.case_id = ? ORDER BY c.given_at DESC`);

  const requireProfessional = (id: string) => {
    if (!professionalExists.get(id)) throw new HttpError(400, `professionalId: no professional ${id}`);
  };

  return {
    setMember(caseId: string, professionalId: string, caseRole: string, access: 'write' | 'read'): void {
      requireProfessional(professionalId);
      upsertMember.run(caseId, professionalId, caseRole, access);
    },
    removeMember(caseId: string, professionalId: string): boolean {
      return removeMember.run(caseId, professionalId).changes > 0;
    },
    listConsents: (caseId: string): ConsentRecord[] => list.all(caseId),
    giveConsent(
      caseId: string,
      input: {
        compartment: ProfessionalDomain;
        sharedWithDomain?: ProfessionalDomain | null;
        sharedWithProfessionalId?: string | null;
        givenBy: string;
      },
      recordedBy: string,
      now = new Date(),
    ): string {
      if (input.sharedWithProfessionalId) requireProfessional(input.sharedWithProfessionalId);
      const id = randomUUID();
      insertConsent.run(
        id,
        caseId,
        input.compartment,
        input.sharedWithDomain ?? null,
        input.sharedWithProfessionalId ?? null,
        input.givenBy,
        recordedBy,
        now.toISOString(),
      );
      return id;
    },
    withdrawConsent(caseId: string, consentId: string, recordedBy: string, now = new Date()): void {
      if (withdraw.run(now.toISOString(), recordedBy, consentId, caseId).changes !== 1) {
        throw new HttpError(404, `consentId: no consent ${consentId} in force for this case`);
      }
    },
  };
}
export type CaseAdminService = ReturnType<typeof caseAdminService>;
