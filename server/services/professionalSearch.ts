import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { AccountState, ProfessionalsAnswer, Side } from '../../shared/adminApi.js';
import { foldedLikePattern, foldName } from '../../shared/search.js';
import type { Data } from '../storage/data.js';
import { selectProfessionals, toProfessional } from './professionalRows.js';

export interface ProfessionalFilter {
  /** Part of the name, role title, e-mail or username; accents and case do not matter. */
  q?: string;
  teamId?: string;
  side?: Side;
  state?: AccountState;
  limit: number;
  offset: number;
}

/** How a professional is found and ordered: name, role title and e-mail, folded (shared/search.ts). */
export const searchKeyOf = (p: { name: string; roleTitle: string; email: string | null }) =>
  [p.name, p.roleTitle, p.email ?? ''].map(foldName).join('\t');

const stateSql: Record<AccountState, string> = {
  active: 'u.id IS NOT NULL AND u.disabled_at IS NULL AND u.password_hash IS NOT NULL',
  invited: 'u.id IS NOT NULL AND u.disabled_at IS NULL AND u.password_hash IS NULL',
  disabled: 'u.disabled_at IS NOT NULL',
};

/**
 * What a filter asks of `p` (the professional) and `u` (their account), or null for all. The
 * search key is folded already; the username is lowercased, as LIKE is case-sensitive on PostgreSQL.
 */
function conditionOf(filter: ProfessionalFilter): RawBuilder<boolean> | null {
  const where: RawBuilder<unknown>[] = [];
  const q = foldedLikePattern(filter.q);
  if (q) where.push(sql`(p.search_key LIKE ${q} ESCAPE '\\' OR lower(u.username) LIKE ${q} ESCAPE '\\')`);
  if (filter.teamId) where.push(sql`p.team_id = ${filter.teamId}`);
  if (filter.side) where.push(sql`p.domain = ${filter.side}`);
  if (filter.state) where.push(sql.raw(`(${stateSql[filter.state]})`));
  return where.length ? sql<boolean>`${sql.join(where, sql` AND `)}` : null;
}

/**
 * The admin's list of professionals, a page at a time in SQL (2,000 people never reach the
 * browser at once), searched by the folded key of each; keys missing from rows written without
 * one are filled first.
 */
export function professionalSearch(data: Data) {
  const { db } = data;

  /** Keys of rows written without one (the demo seed, a test's helper), before a list reads them. */
  const fillSearchKeys = async (): Promise<void> => {
    const rows = await db
      .selectFrom('professionals')
      .select(['id', 'name', 'role_title as roleTitle', 'email'])
      .where('search_key', 'is', null)
      .execute();
    if (rows.length === 0) return;
    await data.write(async (trx) => {
      for (const row of rows)
        await trx
          .updateTable('professionals')
          .set({ search_key: searchKeyOf(row) })
          .where('id', '=', row.id)
          .execute();
    });
  };

  return {
    fillSearchKeys,
    /** One page of professionals, ordered by name, and how many match in all. */
    async list(filter: ProfessionalFilter): Promise<ProfessionalsAnswer> {
      await fillSearchKeys();
      const condition = conditionOf(filter);
      let page = selectProfessionals(db);
      let count = db
        .selectFrom('professionals as p')
        .leftJoin('users as u', 'u.professional_id', 'p.id')
        .select((eb) => eb.fn.countAll().as('n'));
      if (condition) {
        page = page.where(condition);
        count = count.where(condition);
      }
      // The index on (search_key, id) gives the order, and each page of it.
      const rows = await page
        .orderBy('p.search_key')
        .orderBy('p.id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
      const { n } = await count.executeTakeFirstOrThrow();
      return {
        rows: rows.map(toProfessional),
        total: Number(n),
        offset: filter.offset,
        limit: filter.limit,
      };
    },
  };
}
