import type { AccountState, ProfessionalsAnswer, Side } from '../../shared/adminApi.js';
import { foldName } from '../../shared/search.js';
import type { Db } from '../db/database.js';
import {
  professionalColumns as columns,
  professionalFrom as from,
  toProfessional,
} from './professionalRows.js';
import type { ProfessionalRow as Row } from './professionalRows.js';

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

/** `%term%` for LIKE, with LIKE's own characters escaped; null for an empty search. */
const likeTerm = (q: string | undefined) => {
  const folded = foldName(q?.trim().replace(/\s+/g, ' ') ?? '');
  return folded ? `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
};

const stateSql: Record<AccountState, string> = {
  active: 'u.id IS NOT NULL AND u.disabled_at IS NULL AND u.password_hash IS NOT NULL',
  invited: 'u.id IS NOT NULL AND u.disabled_at IS NULL AND u.password_hash IS NULL',
  disabled: 'u.disabled_at IS NOT NULL',
};

/**
 * The admin's list of professionals, a page at a time in SQL (2,000 people never reach the
 * browser at once), searched by the folded key of each; keys missing from rows written without
 * one are filled first.
 */
export function professionalSearch(db: Db) {
  const withoutKey = db.prepare<[], { id: string; name: string; roleTitle: string; email: string | null }>(
    'SELECT id, name, role_title AS roleTitle, email FROM professionals WHERE search_key IS NULL',
  );
  const setKey = db.prepare('UPDATE professionals SET search_key = ? WHERE id = ?');
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
  };
}
