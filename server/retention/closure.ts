import type { Data } from '../storage/data.js';

/**
 * When a case was closed, as the case lifecycle keeps it (`cases.status = 'closed'` and the
 * moment of closing). The column's name lives here only, so retention follows the lifecycle's
 * schema by one edit.
 */
export const closedAtColumn = 'closed_at' as const;

export interface ClosedCase {
  caseId: string;
  closedAt: string;
}

/** Reads closed cases and their closing time. */
export function closureReader(data: Data) {
  const { db } = data;
  return {
    async closedCases(): Promise<ClosedCase[]> {
      const rows = await db
        .selectFrom('cases')
        .select(['id as caseId', `${closedAtColumn} as closedAt`])
        .where('status', '=', 'closed')
        .where(closedAtColumn, 'is not', null)
        .orderBy(closedAtColumn)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ caseId: r.caseId, closedAt: r.closedAt! }));
    },
    /** The case's status and closing time; null when there is no such case. */
    caseState: async (caseId: string) =>
      (await db
        .selectFrom('cases')
        .select(['status', `${closedAtColumn} as closedAt`])
        .where('id', '=', caseId)
        .executeTakeFirst()) ?? null,
  };
}
export type ClosureReader = ReturnType<typeof closureReader>;
