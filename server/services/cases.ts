import type { Db } from '../db/database.js';

import type { CaseDetails, CaseMember, CaseSummary, ProfessionalSummary } from '../../shared/api.js';

const professionalColumns = `
  p.id, p.name, p.role_title AS roleTitle, p.domain, t.name AS team, o.name AS organisation,
  p.phone, p.email`;
const professionalJoins = `
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
  const professionals = db.prepare<[], ProfessionalSummary>(`
    SELECT ${professionalColumns} FROM professionals p ${professionalJoins} ORDER BY p.name`);

  return {
    /** The cases among `visible` (the ones the person may open). */
    listCases: (visible: Set<string>): CaseSummary[] =>
      list
        .all()
        .filter((row) => visible.has(row.id))
        .map(toSummary),
    /** The case with every member and the coordinator (listed as a member too), or null. */
    getCase(id: string): Omit<CaseDetails, 'myAccess'> | null {
      const row = one.get(id);
      if (!row) return null;
      const people = members.all(id);
      if (row.coordinatorId && !people.some((m) => m.id === row.coordinatorId)) {
        const c = coordinator.get(row.coordinatorId);
        if (c) people.unshift({ ...c, caseRole: 'coordinator', access: 'write' });
      }
      const account = clientAccount.get(id);
      return {
        ...toSummary(row),
        members: people,
        clientAccount: !account ? 'none' : account.hasPassword ? 'active' : 'invited',
      };
    },
    listProfessionals: (): ProfessionalSummary[] => professionals.all(),
  };
}
export type CaseService = ReturnType<typeof caseService>;
