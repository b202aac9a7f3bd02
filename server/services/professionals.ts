import { randomUUID } from 'node:crypto';
import type {
  AccountState,
  AdminProfessional,
  OrphanedCase,
  ProfessionalRole,
  ProfessionalsAnswer,
  Side,
} from '../../shared/adminApi.js';
import { foldName } from '../../shared/search.js';
import type { SessionStore } from '../auth/sessions.js';
import type { TwoFactorService } from '../auth/twoFactor.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/validate.js';
import { caseAlias } from '../meetings/store.js';
import type { AccountService } from './accounts.js';
import type { TeamService } from './teams.js';

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

export interface ProfessionalFilter {
  /** Part of the name, role title, e-mail or username; accents and case do not matter. */
  q?: string;
  teamId?: string;
  side?: Side;
  state?: AccountState;
  limit: number;
  offset: number;
}

/**
 * SQL that is true for an open case that needs a new coordinator: it has none, or the account of
 * its coordinator is disabled (a leaver). One rule for the admin page and the caseload.
 */
export const needsNewCoordinatorSql = (c: string) =>
  `(${c}.coordinator_id IS NULL OR EXISTS (SELECT 1 FROM users cu
    WHERE cu.professional_id = ${c}.coordinator_id AND cu.disabled_at IS NOT NULL))`;

/** How a professional is found and ordered: name, role title and e-mail, folded (shared/search.ts). */
export const searchKeyOf = (p: { name: string; roleTitle: string; email: string | null }) =>
  [p.name, p.roleTitle, p.email ?? ''].map(foldName).join('\t');

/** `%term%` for LIKE, with LIKE's own characters escaped; null for an empty search. */
const likeTerm = (q: string | undefined) => {
  const folded = foldName(q?.trim().replace(/\s+/g, ' ') ?? '');
  return folded ? `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
};

/** A professional as `columns` reads them: the answer's fields, with the account's flat beside them. */
type Row = Omit<AdminProfessional, 'account'> & {
  userId: string | null;
  username: string | null;
  role: ProfessionalRole | null;
  hasPassword: number | null;
  disabledAt: string | null;
  twoFactor: number;
};

const toProfessional = ({
  userId,
  username,
  role,
  hasPassword,
  disabledAt,
  twoFactor,
  ...professional
}: Row): AdminProfessional => ({
  ...professional,
  account:
    userId && username && role
      ? {
          userId,
          username,
          role,
          state: disabledAt ? 'disabled' : hasPassword ? 'active' : 'invited',
          disabledAt,
          twoFactor: twoFactor === 1,
        }
      : null,
});

const stateSql: Record<AccountState, string> = {
  active: 'u.id IS NOT NULL AND u.disabled_at IS NULL AND u.password_hash IS NOT NULL',
  invited: 'u.id IS NOT NULL AND u.disabled_at IS NULL AND u.password_hash IS NULL',
  disabled: 'u.disabled_at IS NOT NULL',
};

const from = `FROM professionals p LEFT JOIN users u ON u.professional_id = p.id`;
const columns = `p.id, p.name, p.role_title AS roleTitle, p.domain AS side, p.team_id AS teamId, t.name AS team,
  p.organisation_id AS organisationId, o.name AS organisation, p.phone, p.email,
  u.id AS userId, u.username, u.role, u.password_hash IS NOT NULL AS hasPassword, u.disabled_at AS disabledAt,
  EXISTS (SELECT 1 FROM two_factor f WHERE f.user_id = u.id AND f.enabled_at IS NOT NULL) AS twoFactor,
  (SELECT count(*) FROM cases c WHERE c.coordinator_id = p.id AND c.status = 'open') AS coordinates`;

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
  const withoutKey = db.prepare<[], { id: string; name: string; roleTitle: string; email: string | null }>(
    'SELECT id, name, role_title AS roleTitle, email FROM professionals WHERE search_key IS NULL',
  );
  const setKey = db.prepare('UPDATE professionals SET search_key = ? WHERE id = ?');
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
  // One prepared statement per combination of filters, so each uses the index that fits it.
  const statements = new Map<string, { page: ReturnType<Db['prepare']>; count: ReturnType<Db['prepare']> }>();

  /** Keys of rows written without one (the demo seed, a test's helper), before a list reads them. */
  const fillSearchKeys = () => {
    const rows = withoutKey.all();
    if (rows.length === 0) return;
    db.transaction(() => {
      for (const row of rows) setKey.run(searchKeyOf(row), row.id);
    })();
  };
  fillSearchKeys();

  const find = (id: string): Row => {
    const row = one.get(id);
    if (!row) throw new HttpError(404, `professionalId: no professional ${id}`);
    return row;
  };
  const accountOf = (row: Row): string => {
    if (!row.userId) throw new HttpError(409, 'professionalId: this professional has no account');
    return row.userId;
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
    fillSearchKeys,
    /** One page of professionals, ordered by name, and how many match in all. */
    list(filter: ProfessionalFilter): ProfessionalsAnswer {
      fillSearchKeys();
      const where: string[] = [];
      const values: Record<string, string | number> = { limit: filter.limit, offset: filter.offset };
      const q = likeTerm(filter.q);
      if (q) {
        where.push("(p.search_key LIKE @q ESCAPE '\\' OR u.username LIKE @q ESCAPE '\\')");
        values.q = q;
      }
      if (filter.teamId) {
        where.push('p.team_id = @teamId');
        values.teamId = filter.teamId;
      }
      if (filter.side) {
        where.push('p.domain = @side');
        values.side = filter.side;
      }
      if (filter.state) where.push(stateSql[filter.state]);
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      let statement = statements.get(clause);
      if (!statement) {
        statement = {
          page: db.prepare(`SELECT ${columns} ${from}
            LEFT JOIN teams t ON t.id = p.team_id LEFT JOIN organisations o ON o.id = p.organisation_id
            ${clause} ORDER BY p.search_key, p.id LIMIT @limit OFFSET @offset`),
          count: db.prepare(`SELECT count(*) AS n ${from} ${clause}`),
        };
        statements.set(clause, statement);
      }
      const { limit: _l, offset: _o, ...countValues } = values;
      return {
        rows: (statement.page.all(values) as Row[]).map(toProfessional),
        total: (statement.count.get(countValues) as { n: number }).n,
        offset: filter.offset,
        limit: filter.limit,
      };
    },
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

    /**
     * A leaver: the account is disabled, its unused links stop working, every session ends and
     * its open sync connections close at once. Returns how many sessions ended, or null when it
     * was disabled already.
     */
    disable(id: string, now = new Date()): { sessionsEnded: number } | null {
      const row = find(id);
      const userId = accountOf(row);
      if (row.disabledAt) return null;
      const sessionsEnded = db.transaction(() => {
        accounts.setDisabled(userId, true, now);
        return sessions.endAllOf(userId);
      })();
      recheckConnections();
      return { sessionsEnded };
    },
    /** Enables a disabled account again (the old password works again); false when it was not disabled. */
    enable(id: string): boolean {
      const row = find(id);
      const userId = accountOf(row);
      if (!row.disabledAt) return false;
      accounts.setDisabled(userId, false);
      return true;
    },

    /**
     * A forgotten password: the old one stops working, every session ends, and the admin gets one
     * new one-time link (an earlier one stops working). With `twoFactor` a lost phone too: the
     * second step is cleared, to be set up again after signing in (required where REQUIRE_2FA is).
     */
    resetPassword(id: string, createdBy: string, options: { twoFactor: boolean }, now = new Date()) {
      const row = find(id);
      const userId = accountOf(row);
      if (row.disabledAt) throw new HttpError(409, 'professionalId: enable the account first');
      const result = db.transaction(() => {
        const link = accounts.recover(userId, createdBy, now);
        const sessionsEnded = sessions.endAllOf(userId);
        const twoFactorReset = options.twoFactor && twoFactor.isEnabled(userId);
        if (twoFactorReset) twoFactor.disable(userId);
        return { ...link, userId, sessionsEnded, twoFactorReset };
      })();
      recheckConnections();
      return result;
    },

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
