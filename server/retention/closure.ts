import type { Db } from '../db/database.js';

/**
 * When a case was closed, as the case lifecycle keeps it (`cases.status = 'closed'` and the
 * moment of closing). The column's name lives here only, so retention follows the lifecycle's
 * schema by one edit.
 */
export const closedAtColumn = 'closed_at';

export interface ClosedCase {
  caseId: string;
  closedAt: string;
}

/** Reads closed cases and their closing time; a database without the column has none yet. */
export function closureReader(db: Db) {
  const hasColumn = !!db
    .prepare("SELECT 1 FROM pragma_table_info('cases') WHERE name = ?")
    .get(closedAtColumn);
  const closed = hasColumn
    ? db.prepare<[], ClosedCase>(
        `SELECT id AS caseId, ${closedAtColumn} AS closedAt FROM cases
         WHERE status = 'closed' AND ${closedAtColumn} IS NOT NULL ORDER BY ${closedAtColumn}, id`,
      )
    : null;
  const one = db.prepare<[string], { status: 'open' | 'closed'; closedAt: string | null }>(
    `SELECT status, ${hasColumn ? closedAtColumn : 'NULL'} AS closedAt FROM cases WHERE id = ?`,
  );
  return {
    closedCases: (): ClosedCase[] => closed?.all() ?? [],
    /** The case's status and closing time; null when there is no such case. */
    caseState: (caseId: string) => one.get(caseId) ?? null,
  };
}
export type ClosureReader = ReturnType<typeof closureReader>;
