import { consentInForce, consentToday } from '../../shared/consent.js';
import { caseGrant, documentGrant, viewerOf } from '../../shared/permissions.js';
import type { CaseFacts, CaseGrant, DocumentGrant, Viewer } from '../../shared/permissions.js';
import type { DocumentPart } from '../../shared/protocol.js';
import type { RetentionPart } from '../../shared/rightsApi.js';
import type { Data } from '../storage/data.js';

export { viewerOf };

/** Reads the facts the permission rules (shared/permissions.ts) decide on, fresh from SQL. */
export function accessService(data: Data) {
  const { db } = data;

  const facts = async (caseId: string): Promise<CaseFacts | null> => {
    const row = await db
      .selectFrom('cases')
      .select(['coordinator_id as coordinatorId', 'status'])
      .where('id', '=', caseId)
      .executeTakeFirst();
    if (!row) return null;
    const [members, consents] = await Promise.all([
      db
        .selectFrom('case_members')
        .select(['professional_id as professionalId', 'access'])
        .where('case_id', '=', caseId)
        .execute(),
      db
        .selectFrom('consents')
        .select([
          'id',
          'compartment',
          'shared_with_domain as sharedWithDomain',
          'shared_with_professional_id as sharedWithProfessionalId',
          'valid_until as validUntil',
        ])
        .where('case_id', '=', caseId)
        .where('withdrawn_at', 'is', null)
        .execute(),
    ]);
    const today = consentToday();
    return {
      caseId,
      status: row.status,
      coordinatorId: row.coordinatorId,
      members,
      // A consent past its last day grants nothing: the periodic re-check closes its compartment (A4, A7).
      consents: consents
        .filter((c) => consentInForce({ withdrawnAt: null, validUntil: c.validUntil as string }, today))
        .map(({ validUntil: _until, ...c }) => c),
    };
  };

  return {
    facts,
    async caseGrant(viewer: Viewer, caseId: string): Promise<CaseGrant | null> {
      const f = await facts(caseId);
      return f ? caseGrant(viewer, f) : null;
    },
    async documentGrant(viewer: Viewer, caseId: string, part: DocumentPart): Promise<DocumentGrant | null> {
      const f = await facts(caseId);
      return f ? documentGrant(viewer, f, part) : null;
    },
    /** The ids of the cases a professional may open; none for clients and admins. */
    async visibleCaseIds(viewer: Viewer): Promise<Set<string>> {
      const professionalId = viewer.professionalId;
      if (!professionalId) return new Set();
      const rows = await db
        .selectFrom('cases as c')
        .select('c.id')
        .where('c.coordinator_id', '=', professionalId)
        .union(
          db
            .selectFrom('case_members as m')
            .select('m.case_id as id')
            .where('m.professional_id', '=', professionalId),
        )
        .execute();
      return new Set(rows.map((r) => r.id));
    },
    /** The parts of a case erased after their retention period: their documents open for nobody (SPEC RT5). */
    async erasedParts(caseId: string): Promise<Set<RetentionPart>> {
      const rows = await db
        .selectFrom('case_erasures')
        .select('part')
        .where('case_id', '=', caseId)
        .execute();
      return new Set(rows.map((r) => r.part));
    },
  };
}
export type AccessService = ReturnType<typeof accessService>;
