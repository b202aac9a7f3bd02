import { sql } from 'kysely';
import type { AdminProfessional, ProfessionalRole } from '../../shared/adminApi.js';
import type { Executor } from '../storage/data.js';

/**
 * Every professional, with their account when they have one, the teams (`t`) and organisations
 * (`o`) joined: what a `ProfessionalRow` reads. Add a `where` and an order.
 */
export const selectProfessionals = (tx: Executor) =>
  tx
    .selectFrom('professionals as p')
    .leftJoin('users as u', 'u.professional_id', 'p.id')
    .leftJoin('teams as t', 't.id', 'p.team_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select((eb) => [
      'p.id',
      'p.name',
      'p.role_title as roleTitle',
      'p.domain as side',
      'p.team_id as teamId',
      't.name as team',
      'p.organisation_id as organisationId',
      'o.name as organisation',
      'p.phone',
      'p.email',
      'u.id as userId',
      'u.username',
      'u.role',
      // Booleans are 1/0 on SQLite and true/false on PostgreSQL: `toProfessional` reads either.
      sql<number | boolean | null>`u.password_hash IS NOT NULL`.as('hasPassword'),
      'u.disabled_at as disabledAt',
      eb
        .exists(
          eb
            .selectFrom('two_factor as f')
            .select('f.user_id')
            .whereRef('f.user_id', '=', 'u.id')
            .where('f.enabled_at', 'is not', null),
        )
        .$castTo<number | boolean>()
        .as('twoFactor'),
      eb
        .selectFrom('cases as c')
        .select(eb.fn.countAll().as('n'))
        .whereRef('c.coordinator_id', '=', 'p.id')
        .where('c.status', '=', 'open')
        .as('coordinates'),
    ]);

/** A professional as `selectProfessionals` reads them: the answer's fields, with the account's flat beside them. */
export type ProfessionalRow = Awaited<
  ReturnType<ReturnType<typeof selectProfessionals>['executeTakeFirstOrThrow']>
>;

/** The answer's shape of a row: the account's flat fields folded into `account`, or null without one. */
export const toProfessional = ({
  userId,
  username,
  role,
  hasPassword,
  disabledAt,
  twoFactor,
  coordinates,
  ...professional
}: ProfessionalRow): AdminProfessional => ({
  ...professional,
  coordinates: Number(coordinates ?? 0),
  account:
    userId && username && role
      ? {
          userId,
          username,
          role: role as ProfessionalRole,
          state: disabledAt ? 'disabled' : hasPassword ? 'active' : 'invited',
          disabledAt,
          twoFactor: Boolean(twoFactor),
        }
      : null,
});
