import type { CaseDetails, CaseMember, CaseSummary, ProfessionalSummary } from '../../shared/api.js';
import type { CaseEvent } from '../../shared/intakeApi.js';
import type { Data, Executor } from '../storage/data.js';

/** A professional as `ProfessionalSummary`, from `professionals p` joined by `professionals`. */
export const professionalColumns = [
  'p.id',
  'p.name',
  'p.role_title as roleTitle',
  'p.domain',
  't.name as team',
  'o.name as organisation',
  'p.phone',
  'p.email',
] as const;

/** `professionals p` with their team `t` and organisation `o`, for `professionalColumns`. */
export const professionals = (db: Executor) =>
  db
    .selectFrom('professionals as p')
    .leftJoin('teams as t', 't.id', 'p.team_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id');

interface CaseRow {
  id: string;
  clientName: string;
  birthYear: number | null;
  neighbourhood: string;
  recoveryContext: CaseSummary['recoveryContext'];
  status: CaseSummary['status'];
  coordinatorId: string | null;
  coordinatorName: string | null;
  memberCount: number | string | bigint | null;
}

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

const caseSelect = (db: Executor) =>
  db
    .selectFrom('cases as c')
    .innerJoin('neighbourhoods as n', 'n.id', 'c.neighbourhood_id')
    .leftJoin('professionals as p', 'p.id', 'c.coordinator_id')
    .select((eb) => [
      'c.id',
      'c.client_name as clientName',
      'c.birth_year as birthYear',
      'n.name as neighbourhood',
      'c.recovery_context as recoveryContext',
      'c.status',
      'c.coordinator_id as coordinatorId',
      'p.name as coordinatorName',
      eb
        .selectFrom('case_members as m')
        .select((sub) => sub.fn.countAll().as('n'))
        .whereRef('m.case_id', '=', 'c.id')
        .as('memberCount'),
    ]);

const toSummary = ({ coordinatorId, coordinatorName, memberCount, ...row }: CaseRow): CaseSummary => ({
  ...row,
  memberCount: Number(memberCount ?? 0),
  coordinator: coordinatorId ? { id: coordinatorId, name: coordinatorName ?? '' } : null,
});

export function caseService(data: Data) {
  const { db } = data;

  const members = (caseId: string): Promise<CaseMember[]> =>
    professionals(db)
      .innerJoin('case_members as m', 'm.professional_id', 'p.id')
      .select([...professionalColumns, 'm.case_role as caseRole', 'm.access'])
      .where('m.case_id', '=', caseId)
      .orderBy('p.name')
      .execute();
  const professional = (id: string): Promise<ProfessionalSummary | undefined> =>
    professionals(db).select(professionalColumns).where('p.id', '=', id).executeTakeFirst();
  const clientAccount = (caseId: string) =>
    db
      .selectFrom('users')
      .select((eb) => eb('password_hash', 'is not', null).as('hasPassword'))
      .where('role', '=', 'client')
      .where('client_case_id', '=', caseId)
      .executeTakeFirst();
  const client = (caseId: string) =>
    db
      .selectFrom('cases as c')
      .leftJoin('users as u', 'u.id', 'c.closed_by')
      .leftJoin('professionals as a', (join) =>
        join.onRef('a.id', '=', (eb) => eb.fn.coalesce('c.contact_after_id', 'c.coordinator_id')),
      )
      .select((eb) => [
        'c.date_of_birth as dateOfBirth',
        'c.address',
        'c.phone',
        'c.preferred_language as preferredLanguage',
        'c.reading_level as readingLevel',
        eb('c.bsn', 'is not', null).as('hasBsn'),
        'c.closed_at as closedAt',
        'c.close_reason as closeReason',
        'c.closing_note as closingNote',
        'u.display_name as closedBy',
        eb.fn.coalesce('c.contact_after_id', 'c.coordinator_id').as('contactAfterId'),
        'a.name as contactAfterName',
      ])
      .where('c.id', '=', caseId)
      .executeTakeFirstOrThrow();
  const events = async (caseId: string): Promise<CaseEvent[]> => {
    const rows = await db
      .selectFrom('case_events as e')
      .leftJoin('users as u', 'u.id', 'e.user_id')
      .leftJoin('professionals as f', 'f.id', 'e.from_professional_id')
      .leftJoin('professionals as t', 't.id', 'e.to_professional_id')
      .select([
        'e.at',
        'e.kind',
        'u.display_name as by',
        'e.reason',
        'e.note',
        'e.from_professional_id as fromId',
        'f.name as fromName',
        'e.to_professional_id as toId',
        't.name as toName',
      ])
      .where('e.case_id', '=', caseId)
      .orderBy('e.id', 'desc')
      .execute();
    return rows.map(({ fromId, fromName, toId, toName, ...e }) => ({
      ...e,
      from: person(fromId, fromName),
      to: person(toId, toName),
    }));
  };

  return {
    /** The cases among `visible` (the ones the person may open). */
    async listCases(visible: Set<string>): Promise<CaseSummary[]> {
      const rows = await caseSelect(db).orderBy('c.client_name').execute();
      return rows.filter((row) => visible.has(row.id)).map(toSummary);
    },
    /**
     * The case with every member and the coordinator (listed as a member too), the client's
     * details (whether there is a BSN, not the number: see routes/cases/client), and its life so far; or null.
     */
    async getCase(id: string): Promise<Omit<CaseDetails, 'myAccess'> | null> {
      const row = await caseSelect(db).where('c.id', '=', id).executeTakeFirst();
      if (!row) return null;
      const people = await members(id);
      if (row.coordinatorId && !people.some((m) => m.id === row.coordinatorId)) {
        const c = await professional(row.coordinatorId);
        if (c) people.unshift({ ...c, caseRole: 'coordinator', access: 'write' });
      }
      const account = await clientAccount(id);
      const {
        closedAt,
        closeReason,
        closingNote,
        closedBy,
        contactAfterId,
        contactAfterName,
        hasBsn,
        ...details
      } = await client(id);
      return {
        ...toSummary(row),
        members: people,
        clientAccount: !account ? 'none' : account.hasPassword ? 'active' : 'invited',
        client: { ...details, hasBsn: Boolean(hasBsn) },
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
        events: await events(id),
      };
    },
    listProfessionals: (): Promise<ProfessionalSummary[]> =>
      professionals(db).select(professionalColumns).orderBy('p.name').execute(),
  };
}
export type CaseService = ReturnType<typeof caseService>;
