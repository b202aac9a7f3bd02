import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AdminProfessional, OrphanedCase, ProfessionalRole } from '../../shared/adminApi.js';
import type { SessionStore } from '../auth/sessions.js';
import type { TwoFactorService } from '../auth/twoFactor.js';
import { HttpError } from '../http/validate.js';
import { caseAlias } from '../meetings/store.js';
import type { Data, Executor } from '../storage/data.js';
import type { AccountService } from './accounts.js';
import { professionalAccounts } from './professionalAccounts.js';
import { selectProfessionals, toProfessional } from './professionalRows.js';
import type { ProfessionalRow as Row } from './professionalRows.js';
import { professionalSearch, searchKeyOf } from './professionalSearch.js';
import type { TeamService } from './teams.js';

export { searchKeyOf } from './professionalSearch.js';
export type { ProfessionalFilter } from './professionalSearch.js';

/** What the admin sets on a professional: the answer's own fields, and the account's role. */
export interface ProfessionalInput extends Pick<
  AdminProfessional,
  'name' | 'roleTitle' | 'side' | 'teamId' | 'organisationId' | 'phone' | 'email'
> {
  /** The account's role; left as it is when not given. */
  role?: ProfessionalRole;
}

export interface NewProfessional extends ProfessionalInput {
  username: string;
  role: ProfessionalRole;
}

/**
 * SQL that is true for an open case that needs a new coordinator: it has none, or the account of
 * its coordinator is disabled (a leaver). One rule for the admin page and the caseload.
 */
export const needsNewCoordinatorSql = (c: string) =>
  `(${c}.coordinator_id IS NULL OR EXISTS (SELECT 1 FROM users cu
    WHERE cu.professional_id = ${c}.coordinator_id AND cu.disabled_at IS NOT NULL))`;

export interface ProfessionalServiceDeps {
  data: Data;
  accounts: AccountService;
  sessions: SessionStore;
  twoFactor: TwoFactorService;
  teams: TeamService;
  /** Open sync connections are checked again (a leaver's close at once, SPEC A4). */
  recheckConnections(): void;
}

/**
 * Professionals and their accounts, as the functional administrator keeps them: a page at a time
 * in SQL (2,000 people never reach the browser at once), edits, leavers (disabled: sessions and
 * open connections end at once) and password resets by a one-time link.
 */
export function professionalService({
  data,
  accounts,
  sessions,
  twoFactor,
  teams,
  recheckConnections,
}: ProfessionalServiceDeps) {
  const { db } = data;
  const search = professionalSearch(data);
  const find = async (id: string, tx: Executor = db): Promise<Row> => {
    const row = await selectProfessionals(tx).where('p.id', '=', id).executeTakeFirst();
    if (!row) throw new HttpError(404, `professionalId: no professional ${id}`);
    return row;
  };
  const checkLinks = async (tx: Executor, input: ProfessionalInput, current?: Row) => {
    if (input.teamId && input.teamId !== current?.teamId && !(await teams.isActive(input.teamId, tx)))
      throw new HttpError(400, `teamId: no team ${input.teamId} that is in use`);
    if (
      input.organisationId &&
      input.organisationId !== current?.organisationId &&
      !(await teams.isActiveOrganisation(input.organisationId, tx))
    )
      throw new HttpError(400, `organisationId: no organisation ${input.organisationId} that is in use`);
  };
  const columns = (input: ProfessionalInput) => ({
    name: input.name,
    role_title: input.roleTitle,
    domain: input.side,
    team_id: input.teamId,
    organisation_id: input.organisationId,
    phone: input.phone,
    email: input.email,
    search_key: searchKeyOf(input),
  });
  /** Open cases that need a new coordinator (`c`), by the one rule of `needsNewCoordinatorSql`. */
  const needing = (tx: Executor) =>
    tx
      .selectFrom('cases as c')
      .where('c.status', '=', 'open')
      .where(sql.raw<boolean>(needsNewCoordinatorSql('c')));

  return {
    ...search,
    get: async (id: string): Promise<AdminProfessional> => toProfessional(await find(id)),

    /** A new professional and their account, with a one-time link to choose a password. */
    create(input: NewProfessional, createdBy: string) {
      const id = `prof-${randomUUID()}`;
      return data.write(async (trx) => {
        await checkLinks(trx, input);
        await trx
          .insertInto('professionals')
          .values({ id, ...columns(input) })
          .execute();
        const userId = await accounts.create(
          {
            username: input.username,
            displayName: input.name,
            role: input.role,
            professionalId: id,
          },
          trx,
        );
        return { id, userId, ...(await accounts.invite(userId, createdBy, new Date(), trx)) };
      });
    },

    /** Saves the details; returns the names of the fields that changed (for the access log). */
    async update(id: string, input: ProfessionalInput): Promise<string[]> {
      const changed = await data.write(async (trx) => {
        const current = await find(id, trx);
        await checkLinks(trx, input, current);
        const fields: string[] = (
          ['name', 'roleTitle', 'side', 'teamId', 'organisationId', 'phone', 'email'] as const
        ).filter((field) => input[field] !== current[field]);
        const role = input.role ?? current.role;
        if (current.userId && role && role !== current.role) fields.push('role');
        await trx.updateTable('professionals').set(columns(input)).where('id', '=', id).execute();
        if (current.userId && role)
          await trx
            .updateTable('users')
            .set({ display_name: input.name, role })
            .where('id', '=', current.userId)
            .execute();
        return fields;
      });
      // The other side's compartments open or close with the side (SPEC A3, A4).
      if (changed.includes('side')) recheckConnections();
      return changed;
    },

    ...professionalAccounts({ data, accounts, sessions, twoFactor, find, recheckConnections }),

    /**
     * Whether an open case needs a new coordinator (it has none, or theirs is disabled): the one
     * rule the caseload and the admin page share (SPEC PP9); `needsNewCoordinatorSql` is its SQL.
     */
    needsNewCoordinator: async (caseId: string): Promise<boolean> =>
      !!(await needing(db).select('c.id').where('c.id', '=', caseId).executeTakeFirst()),
    /** Open cases that need a new coordinator, named by alias: the admin never opens a case. */
    orphanedCases: async (): Promise<OrphanedCase[]> => {
      const rows = await needing(db)
        .innerJoin('neighbourhoods as n', 'n.id', 'c.neighbourhood_id')
        .leftJoin('professionals as p', 'p.id', 'c.coordinator_id')
        .select((eb) => [
          'c.id as caseId',
          'c.client_name as clientName',
          'c.birth_year as birthYear',
          'n.name as neighbourhood',
          'c.coordinator_id as coordinatorId',
          'p.name as coordinatorName',
          eb
            .selectFrom('case_members as m')
            .select(eb.fn.countAll().as('n'))
            .whereRef('m.case_id', '=', 'c.id')
            .as('members'),
        ])
        .orderBy('n.name')
        .orderBy('c.created_at')
        .orderBy('c.id')
        .execute();
      return rows.map((c) => ({
        caseId: c.caseId,
        alias: caseAlias(c.clientName, c.birthYear),
        neighbourhood: c.neighbourhood,
        formerCoordinator: c.coordinatorId ? { id: c.coordinatorId, name: c.coordinatorName ?? '' } : null,
        members: Number(c.members),
      }));
    },
  };
}
export type ProfessionalService = ReturnType<typeof professionalService>;
