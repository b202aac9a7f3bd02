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

  /** The facts of several cases in three queries, whatever their number (a re-check pass). */
  const factsOf = async (caseIds: readonly string[]): Promise<Map<string, CaseFacts>> => {
    const ids = [...new Set(caseIds)];
    if (ids.length === 0) return new Map();
    const [cases, members, consents] = await Promise.all([
      db
        .selectFrom('cases')
        .select(['id', 'coordinator_id as coordinatorId', 'status'])
        .where('id', 'in', ids)
        .execute(),
      db
        .selectFrom('case_members')
        .select(['case_id as caseId', 'professional_id as professionalId', 'access'])
        .where('case_id', 'in', ids)
        .execute(),
      db
        .selectFrom('consents')
        .select([
          'case_id as caseId',
          'id',
          'compartment',
          'shared_with_domain as sharedWithDomain',
          'shared_with_professional_id as sharedWithProfessionalId',
          'valid_until as validUntil',
        ])
        .where('case_id', 'in', ids)
        .where('withdrawn_at', 'is', null)
        .execute(),
    ]);
    const today = consentToday();
    const facts = new Map<string, CaseFacts>(
      cases.map((row) => [
        row.id,
        { caseId: row.id, status: row.status, coordinatorId: row.coordinatorId, members: [], consents: [] },
      ]),
    );
    for (const { caseId, ...member } of members) facts.get(caseId)?.members.push(member);
    for (const { caseId, validUntil, ...consent } of consents) {
      // A consent past its last day grants nothing: the periodic re-check closes its compartment (A4, A7).
      if (consentInForce({ withdrawnAt: null, validUntil: validUntil as string }, today))
        facts.get(caseId)?.consents.push(consent);
    }
    return facts;
  };
  const facts = async (caseId: string): Promise<CaseFacts | null> =>
    (await factsOf([caseId])).get(caseId) ?? null;

  /** The erased parts of several cases in one query (SPEC RT5). */
  const erasedPartsOf = async (caseIds: readonly string[]): Promise<Map<string, Set<RetentionPart>>> => {
    const ids = [...new Set(caseIds)];
    const parts = new Map(ids.map((id) => [id, new Set<RetentionPart>()]));
    if (ids.length === 0) return parts;
    const rows = await db
      .selectFrom('case_erasures')
      .select(['case_id', 'part'])
      .where('case_id', 'in', ids)
      .execute();
    for (const row of rows) parts.get(row.case_id)?.add(row.part);
    return parts;
  };

  return {
    facts,
    factsOf,
    erasedPartsOf,
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
      return (await erasedPartsOf([caseId])).get(caseId)!;
    },
  };
}
export type AccessService = ReturnType<typeof accessService>;
