import type { Db } from '../db/database.js';

import type { CaseDetails, CaseMember, CaseSummary, ProfessionalSummary } from '../../shared/api.js';
import type { CaseClosure, CaseEvent, ClientDetails } from '../../shared/intakeApi.js';

/** A professional as `ProfessionalSummary`, from `professionals p` with `professionalJoins`. */
export const professionalColumns = `
  p.id, p.name, p.role_title AS roleTitle, p.domain, t.name AS team, o.name AS organisation,
  p.phone, p.email`;
export const professionalJoins = `
  LEFT JOIN teams t ON t.id = p.team_id
  LEFT JOIN organisations o ON o.id = p.organisation_id`;

interface CaseRow {
  id: string;
  clientName: string;
  birthYear: number | null;
  neighbourhood: string;
  recoveryContext: CaseSummary['recoveryContext'];
  status: CaseSummary['status'];
  coordinatorId: string | null;
  coordinatorName: string | null;
  memberCount: number;
}

type ClientRow = Omit<ClientDetails, 'hasBsn'> & {
  hasBsn: number;
  closedAt: string | null;
  closeReason: CaseClosure['reason'];
  closingNote: string | null;
  closedBy: string | null;
  contactAfterId: string | null;
  contactAfterName: string | null;
};

interface EventRow extends Omit<CaseEvent, 'from' | 'to'> {
  fromId: string | null;
  fromName: string | null;
  toId: string | null;
  toName: string | null;
}
const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

const caseSelect = `
  SELECT c.id, c.client_name AS clientName, c.birth_year AS birthYear, n.name AS neighbourhood,
         c.recovery_context AS recoveryContext, c.status, c.coordinator_id AS coordinatorId,
         p.name AS coordinatorName,
         (SELECT count(*) FROM case_members m WHERE m.case_id = c.id) AS memberCount
  FROM cases c
  JOIN neighbourhoods n ON n.id = c.neighbourhood_id
  LEFT JOIN professionals p ON p.id = c.coordinator_id`;

const toSummary = ({ coordinatorId, coordinatorName, ...row }: CaseRow): CaseSummary => ({
  ...row,
  coordinator: coordinatorId ? { id: coordinatorId, name: coordinatorName ?? '' } : null,
});

export function caseService(db: Db) {
  const list = db.prepare<[], CaseRow>(`${caseSelect} ORDER BY c.client_name`);
  const one = db.prepare<[string], CaseRow>(`${caseSelect} WHERE c.id = ?`);
  const members = db.prepare<[string], CaseMember>(`
    SELECT ${professionalColumns}, m.case_role AS caseRole, m.access
    FROM case_members m JOIN professionals p ON p.id = m.professional_id ${professionalJoins}
    WHERE m.case_id = ? ORDER BY p.name`);
  const coordinator = db.prepare<[string], ProfessionalSummary>(`
    SELECT ${professionalColumns} FROM professionals p ${professionalJoins} WHERE p.id = ?`);
  const clientAccount = db.prepare<[string], { hasPassword: number }>(
    "SELECT password_hash IS NOT NULL AS hasPassword FROM users WHERE role = 'client' AND client_case_id = ?",
  );
  const client = db.prepare<[string], ClientRow>(`
    SELECT c.date_of_birth AS dateOfBirth, c.address, c.phone, c.preferred_language AS preferredLanguage,
           c.reading_level AS readingLevel, c.bsn IS NOT NULL AS hasBsn, c.closed_at AS closedAt, c.close_reason AS closeReason,
           c.closing_note AS closingNote, u.display_name AS closedBy,
           coalesce(c.contact_after_id, c.coordinator_id) AS contactAfterId, a.name AS contactAfterName
    FROM cases c LEFT JOIN users u ON u.id = c.closed_by
    LEFT JOIN professionals a ON a.id = coalesce(c.contact_after_id, c.coordinator_id)
    WHERE c.id = ?`);
  const events = db.prepare<[string], EventRow>(`
    SELECT e.at, e.kind, u.display_name AS by, e.reason, e.note,
           e.from_professional_id AS fromId, f.name AS fromName, e.to_professional_id AS toId, t.name AS toName
    FROM case_events e LEFT JOIN users u ON u.id = e.user_id
    LEFT JOIN professionals f ON f.id = e.from_professional_id
    LEFT JOIN professionals t ON t.id = e.to_professional_id
    WHERE e.case_id = ? ORDER BY e.id DESC`);
  const professionals = db.prepare<[], ProfessionalSummary>(`
    SELECT ${professionalColumns} FROM professionals p ${professionalJoins} ORDER BY p.name`);

  return {
    /** The cases among `visible` (the ones the person may open). */
    listCases: (visible: Set<string>): CaseSummary[] =>
      list
        .all()
        .filter((row) => visible.has(row.id))
        .map(toSummary),
    /**
     * The case with every member and the coordinator (listed as a member too), the client's
     * details (whether there is a BSN, not the number: see routes/cases/client), and its life so far; or null.
     */
    getCase(id: string): Omit<CaseDetails, 'myAccess'> | null {
      const row = one.get(id);
      if (!row) return null;
      const people = members.all(id);
      if (row.coordinatorId && !people.some((m) => m.id === row.coordinatorId)) {
        const c = coordinator.get(row.coordinatorId);
        if (c) people.unshift({ ...c, caseRole: 'coordinator', access: 'write' });
      }
      const account = clientAccount.get(id);
      const {
        closedAt,
        closeReason,
        closingNote,
        closedBy,
        contactAfterId,
        contactAfterName,
        hasBsn,
        ...details
      } = client.get(id)!;
      return {
        ...toSummary(row),
        members: people,
        clientAccount: !account ? 'none' : account.hasPassword ? 'active' : 'invited',
        client: { ...details, hasBsn: hasBsn === 1 },
        closure:
          row.status === 'closed' && closedAt
            ? {
                closedAt,
                reason: closeReason,
                note: closingNote,
                closedBy,
                contactAfter: person(contactAfterId, contactAfterName),
              }
            : null,
        events: events.all(id).map(({ fromId, fromName, toId, toName, ...e }) => ({
          ...e,
          from: person(fromId, fromName),
          to: person(toId, toName),
        })),
      };
    },
    listProfessionals: (): ProfessionalSummary[] => professionals.all(),
  };
}
export type CaseService = ReturnType<typeof caseService>;
