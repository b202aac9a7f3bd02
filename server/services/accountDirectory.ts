import type { AdminUser, UsersAnswer } from '../../shared/adminApi.js';
import { foldName } from '../../shared/search.js';
import type { Db } from '../db/database.js';

export interface AccountFilter {
  q?: string;
  role?: 'client' | 'admin';
  limit: number;
  offset: number;
}

type Row = Omit<AdminUser, 'isClient' | 'hasPassword'> & {
  isClient: number;
  hasPassword: number;
  clientCaseId: string | null;
};

/**
 * The accounts that are not a professional's (clients and admins; professionals' accounts are
 * kept with the professional), a page at a time, and the names behind user ids in the access log.
 */
export function accountDirectory(db: Db) {
  db.function('fold_name', { deterministic: true }, (name: unknown) =>
    typeof name === 'string' ? foldName(name) : name,
  );
  const where = `WHERE u.role IN ('client', 'admin') AND (@role IS NULL OR u.role = @role)
    AND (@q IS NULL OR fold_name(u.display_name) LIKE @q ESCAPE '\\' OR u.username LIKE @q ESCAPE '\\')`;
  const page = db.prepare<Record<string, string | number | null>, Row>(`
    SELECT u.id, u.username, u.display_name AS displayName, u.role, u.professional_id AS professionalId,
      u.client_case_id IS NOT NULL AS isClient, u.client_case_id AS clientCaseId,
      u.password_hash IS NOT NULL AS hasPassword, u.disabled_at AS disabledAt
    FROM users u ${where} ORDER BY u.display_name COLLATE NOCASE, u.id LIMIT @limit OFFSET @offset`);
  const count = db.prepare<Record<string, string | null>, { n: number }>(
    `SELECT count(*) AS n FROM users u ${where}`,
  );
  const name = db.prepare<[string], { displayName: string }>(
    'SELECT display_name AS displayName FROM users WHERE id = ?',
  );

  return {
    /** One page, and the cases of the clients it shows (a list of clients is logged as such, LG3). */
    list(filter: AccountFilter): UsersAnswer & { cases: string[] } {
      const folded = foldName(filter.q?.trim() ?? '');
      const values = {
        role: filter.role ?? null,
        q: folded ? `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
      };
      const rows = page.all({ ...values, limit: filter.limit, offset: filter.offset });
      return {
        users: rows.map(({ isClient, hasPassword, clientCaseId: _c, ...u }) => ({
          ...u,
          isClient: isClient === 1,
          hasPassword: hasPassword === 1,
        })),
        total: count.get(values)!.n,
        cases: rows.flatMap((u) => (u.clientCaseId ? [u.clientCaseId] : [])),
      };
    },
    /** The display names of these users (for the access log's "who"), unknown ids left out. */
    names(ids: Iterable<string>): Record<string, string> {
      const names: Record<string, string> = {};
      for (const id of new Set(ids)) {
        const row = name.get(id);
        if (row) names[id] = row.displayName;
      }
      return names;
    },
  };
}
export type AccountDirectory = ReturnType<typeof accountDirectory>;
