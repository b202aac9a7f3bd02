import { consentInForce, consentToday } from '../../shared/consent.js';
import { caseGrant, documentGrant, viewerOf } from '../../shared/permissions.js';
import type { CaseFacts, CaseGrant, DocumentGrant, Viewer } from '../../shared/permissions.js';
import type { DocumentPart } from '../../shared/protocol.js';
import type { RetentionPart } from '../../shared/rightsApi.js';
import type { Db } from '../db/database.js';

export { viewerOf };

/** Reads the facts the permission rules (shared/permissions.ts) decide on, fresh from SQL. */
export function accessService(db: Db) {
  const caseRow = db.prepare<[string], { coordinatorId: string | null; status: CaseFacts['status'] }>(
    'SELECT coordinator_id AS coordinatorId, status FROM cases WHERE id = ?',
  );
  const members = db.prepare<[string], CaseFacts['members'][number]>(
    'SELECT professional_id AS professionalId, access FROM case_members WHERE case_id = ?',
  );
  const consents = db.prepare<[string], CaseFacts['consents'][number] & { validUntil: string }>(`
    SELECT id, compartment, shared_with_domain AS sharedWithDomain, shared_with_professional_id AS sharedWithProfessionalId,
           valid_until AS validUntil
    FROM consents WHERE case_id = ? AND withdrawn_at IS NULL`);
  const erased = db.prepare<[string], { part: RetentionPart }>(
    'SELECT part FROM case_erasures WHERE case_id = ?',
  );
  const visible = db.prepare<[string, string], { id: string }>(`
    SELECT c.id FROM cases c WHERE c.coordinator_id = ?
    UNION SELECT m.case_id FROM case_members m WHERE m.professional_id = ?`);

  const facts = (caseId: string): CaseFacts | null => {
    const row = caseRow.get(caseId);
    if (!row) return null;
    const today = consentToday();
    return {
      caseId,
      status: row.status,
      coordinatorId: row.coordinatorId,
      members: members.all(caseId),
      // A consent past its last day grants nothing: the periodic re-check closes its compartment (A4, A7).
      consents: consents
        .all(caseId)
        .filter((c) => consentInForce({ withdrawnAt: null, validUntil: c.validUntil }, today))
        .map(({ validUntil: _until, ...c }) => c),
    };
  };

  return {
    facts,
    caseGrant(viewer: Viewer, caseId: string): CaseGrant | null {
      const f = facts(caseId);
      return f ? caseGrant(viewer, f) : null;
    },
    documentGrant(viewer: Viewer, caseId: string, part: DocumentPart): DocumentGrant | null {
      const f = facts(caseId);
      return f ? documentGrant(viewer, f, part) : null;
    },
    /** The ids of the cases a professional may open; none for clients and admins. */
    visibleCaseIds(viewer: Viewer): Set<string> {
      if (!viewer.professionalId) return new Set();
      return new Set(visible.all(viewer.professionalId, viewer.professionalId).map((r) => r.id));
    },
    /** The parts of a case erased after their retention period: their documents open for nobody (SPEC RT5). */
    erasedParts: (caseId: string): Set<RetentionPart> => new Set(erased.all(caseId).map((r) => r.part)),
  };
}
export type AccessService = ReturnType<typeof accessService>;
