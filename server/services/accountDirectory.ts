import { sql } from 'kysely';
import type { AdminUser, UsersAnswer } from '../../shared/adminApi.js';
import { foldName } from '../../shared/search.js';
import type { Data } from '../storage/data.js';

export interface AccountFilter {
  q?: string;
  role?: 'client' | 'admin';
  limit: number;
  offset: number;
}

/**
 * The accounts that are not a professional's (clients and admins; professionals' accounts are
 * kept with the professional), a page at a time, and the names behind user ids in the access log.
 */
export function accountDirectory(data: Data) {
  const { db } = data;
  const accounts = (role: AccountFilter['role']) => {
    let query = db
      .selectFrom('users as u')
      .select([
        'u.id',
        'u.username',
        'u.display_name as displayName',
        'u.role',
        'u.professional_id as professionalId',
        'u.client_case_id as clientCaseId',
        sql<number | boolean>`u.password_hash IS NOT NULL`.as('hasPassword'),
        'u.disabled_at as disabledAt',
      ])
      .where('u.role', 'in', ['client', 'admin']);
    if (role) query = query.where('u.role', '=', role);
    return query;
  };
  type Row = Awaited<ReturnType<ReturnType<typeof accounts>['execute']>>[number];
  const toUser = ({ hasPassword, clientCaseId, disabledAt, ...u }: Row): AdminUser => ({
    ...u,
    isClient: clientCaseId !== null,
    hasPassword: Boolean(hasPassword),
    disabledAt,
  });
  const answer = (rows: Row[], total: number): UsersAnswer & { cases: string[] } => ({
    users: rows.map(toUser),
    total,
    cases: rows.flatMap((u) => (u.clientCaseId ? [u.clientCaseId] : [])),
  });

  /** A page without a search: paged in SQL. */
  const page = async (filter: AccountFilter) => {
    const rows = await accounts(filter.role)
      .orderBy(sql`lower(u.display_name)`)
      .orderBy('u.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    const count = await db
      .selectFrom('users as u')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('u.role', 'in', filter.role ? [filter.role] : ['client', 'admin'])
      .executeTakeFirstOrThrow();
    return answer(rows, Number(count.n));
  };

  /**
   * A page of a search: names are folded as people type them (Özlem ~ ozlem), which no SQL of both
   * engines does, so the accounts of the role are matched here, in the order of the list.
   */
  const searched = async (filter: AccountFilter, folded: string) => {
    const rows = await accounts(filter.role)
      .orderBy(sql`lower(u.display_name)`)
      .orderBy('u.id')
      .execute();
    const matches = rows.filter(
      (u) => foldName(u.displayName).includes(folded) || u.username.toLowerCase().includes(folded),
    );
    return answer(matches.slice(filter.offset, filter.offset + filter.limit), matches.length);
  };

  return {
    /** One page, and the cases of the clients it shows (a list of clients is logged as such, LG3). */
    async list(filter: AccountFilter): Promise<UsersAnswer & { cases: string[] }> {
      const folded = foldName(filter.q?.trim() ?? '');
      return folded ? searched(filter, folded) : page(filter);
    },
    /** The display names of these users (for the access log's "who"), unknown ids left out. */
    async names(ids: Iterable<string>): Promise<Record<string, string>> {
      const wanted = [...new Set(ids)];
      const names: Record<string, string> = {};
      if (wanted.length === 0) return names;
      const rows = await db
        .selectFrom('users')
        .select(['id', 'display_name as displayName'])
        .where('id', 'in', wanted)
        .execute();
      for (const row of rows) names[row.id] = row.displayName;
      return names;
    },
  };
}
export type AccountDirectory = ReturnType<typeof accountDirectory>;
