import { randomUUID } from 'node:crypto';
import type { AdminProfessional, OrphanedCase, ProfessionalRole } from '../../shared/adminApi.js';
import type { SessionStore } from '../auth/sessions.js';
import type { TwoFactorService } from '../auth/twoFactor.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/validate.js';
import { caseAlias } from '../meetings/store.js';
import type { AccountService } from './accounts.js';
import { professionalAccounts } from './professionalAccounts.js';
import {
  professionalColumns as columns,
  professionalFrom as from,
  toProfessional,
} from './professionalRows.js';
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
  db: Db;
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
  db,
  accounts,
  sessions,
  twoFactor,
  teams,
  recheckConnections,
}: ProfessionalServiceDeps) {
  const search = professionalSearch(db);
  const one = db.prepare<[string], Row>(`SELECT ${columns} ${from}
    LEFT JOIN teams t ON t.id = p.team_id LEFT JOIN organisations o ON o.id = p.organisation_id WHERE p.id = ?`);
  const insert = db.prepare(`INSERT INTO professionals
    (id, name, role_title, domain, team_id, organisation_id, phone, email, search_key)
    VALUES (@id, @name, @roleTitle, @side, @teamId, @organisationId, @phone, @email, @searchKey)`);
  const update = db.prepare(`UPDATE professionals SET name = @name, role_title = @roleTitle, domain = @side,
    team_id = @teamId, organisation_id = @organisationId, phone = @phone, email = @email, search_key = @searchKey
    WHERE id = @id`);
  const updateAccount = db.prepare('UPDATE users SET display_name = ?, role = ? WHERE id = ?');
  const orphaned = db.prepare<
    [],
    {
      caseId: string;
      clientName: string;
      birthYear: number | null;
      neighbourhood: string;
      coordinatorId: string | null;
      coordinatorName: string | null;
      members: number;
    }
  >(`SELECT c.id AS caseId, c.client_name AS clientName, c.birth_year AS birthYear, n.name AS neighbourhood,
      c.coordinator_id AS coordinatorId, p.name AS coordinatorName,
      (SELECT count(*) FROM case_members m WHERE m.case_id = c.id) AS members
    FROM cases c JOIN neighbourhoods n ON n.id = c.neighbourhood_id
    LEFT JOIN professionals p ON p.id = c.coordinator_id
    WHERE c.status = 'open' AND ${needsNewCoordinatorSql('c')}
    ORDER BY n.name, c.created_at, c.id`);
  const needs = db.prepare<[string], { id: string }>(
    `SELECT c.id FROM cases c WHERE c.id = ? AND c.status = 'open' AND ${needsNewCoordinatorSql('c')}`,
  );
  const find = (id: string): Row => {
    const row = one.get(id);
    if (!row) throw new HttpError(404, `professionalId: no professional ${id}`);
    return row;
  };
  const checkLinks = (input: ProfessionalInput, current?: Row) => {
    if (input.teamId && input.teamId !== current?.teamId && !teams.isActive(input.teamId))
      throw new HttpError(400, `teamId: no team ${input.teamId} that is in use`);
    if (
      input.organisationId &&
      input.organisationId !== current?.organisationId &&
      !teams.isActiveOrganisation(input.organisationId)
    )
      throw new HttpError(400, `organisationId: no organisation ${input.organisationId} that is in use`);
  };
  const params = (id: string, input: ProfessionalInput) => ({
    id,
    name: input.name,
    roleTitle: input.roleTitle,
    side: input.side,
    teamId: input.teamId,
    organisationId: input.organisationId,
    phone: input.phone,
    email: input.email,
    searchKey: searchKeyOf(input),
  });

  return {
    ...search,
    get: (id: string): AdminProfessional => toProfessional(find(id)),

    /** A new professional and their account, with a one-time link to choose a password. */
    create(input: NewProfessional, createdBy: string) {
      const id = `prof-${randomUUID()}`;
      return db.transaction(() => {
        checkLinks(input);
        insert.run(params(id, input));
        const userId = accounts.create({
          username: input.username,
          displayName: input.name,
          role: input.role,
          professionalId: id,
        });
        return { id, userId, ...accounts.invite(userId, createdBy) };
      })();
    },

    /** Saves the details; returns the names of the fields that changed (for the access log). */
    update(id: string, input: ProfessionalInput): string[] {
      const changed = db.transaction(() => {
        const current = find(id);
        checkLinks(input, current);
        const fields: string[] = (
          ['name', 'roleTitle', 'side', 'teamId', 'organisationId', 'phone', 'email'] as const
        ).filter((field) => input[field] !== current[field]);
        const role = input.role ?? current.role;
        if (current.userId && role && role !== current.role) fields.push('role');
        update.run(params(id, input));
        if (current.userId) updateAccount.run(input.name, role, current.userId);
        return fields;
      })();
      // The other side's compartments open or close with the side (SPEC A3, A4).
      if (changed.includes('side')) recheckConnections();
      return changed;
    },

    ...professionalAccounts({ db, accounts, sessions, twoFactor, find, recheckConnections }),

    /**
     * Whether an open case needs a new coordinator (it has none, or theirs is disabled): the one
     * rule the caseload and the admin page share (SPEC PP9); `needsNewCoordinatorSql` is its SQL.
     */
    needsNewCoordinator: (caseId: string): boolean => !!needs.get(caseId),
    /** Open cases that need a new coordinator, named by alias: the admin never opens a case. */
    orphanedCases: (): OrphanedCase[] =>
      orphaned.all().map((c) => ({
        caseId: c.caseId,
        alias: caseAlias(c.clientName, c.birthYear),
        neighbourhood: c.neighbourhood,
        formerCoordinator: c.coordinatorId ? { id: c.coordinatorId, name: c.coordinatorName ?? '' } : null,
        members: c.members,
      })),
  };
}
export type ProfessionalService = ReturnType<typeof professionalService>;
