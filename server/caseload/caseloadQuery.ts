import { sql } from 'kysely';
import type { Expression, Selectable, SqlBool } from 'kysely';
import type { CaseloadSort } from '../../shared/api.js';
import type { SignalState } from '../../shared/risk.js';
import { foldedLikePattern } from '../../shared/search.js';
import { fillCaseNameKeys } from '../cases/nameKeys.js';
import type { Data } from '../storage/data.js';
import type { CaseSummariesTable } from '../storage/tables.js';
import { riskSummaryOf, scoreWithValidity, unsummarizedScore } from './riskScore.js';

export interface CaseloadFilter {
  /** Open cases (default), or only the closed ones (the "closed" filter). */
  status?: 'open' | 'closed';
  state?: SignalState | 'none';
  neighbourhood?: string;
  perspective?: string;
  owner?: string;
  q?: string;
  sort?: CaseloadSort;
  limit?: number;
  offset?: number;
  /** Only this case (one row that changed, SPEC CL10). */
  caseId?: string;
}

/**
 * Whether a stored JSON list of ids (`owners`, `perspectives`) holds exactly this id: its quoted
 * element occurs in the text. Written with replace(), which both engines have and which, unlike
 * LIKE on SQLite, is case-sensitive and has no wildcards, so 'ex' never matches "ex-detainee".
 */
const listHolds = (column: 's.owners' | 's.perspectives', id: string) => {
  const element = JSON.stringify(id);
  return sql<SqlBool>`replace(${sql.ref(column)}, ${element}, '') <> ${sql.ref(column)}`;
};

/** The cases `c` a professional coordinates or is a member of, as a set (to list them all). */
const visibleTo = (professionalId: string) =>
  sql<SqlBool>`(c.coordinator_id = ${professionalId}
    OR c.id IN (SELECT m.case_id FROM case_members m WHERE m.professional_id = ${professionalId}))`;

/** The same, asked of one case `c` at a time (to check a few cases found otherwise). */
const isVisibleTo = (professionalId: string) =>
  sql<SqlBool>`(c.coordinator_id = ${professionalId} OR EXISTS (SELECT 1 FROM case_members m
    WHERE m.case_id = c.id AND m.professional_id = ${professionalId}))`;

const risk = sql<number>`coalesce(s.risk_score, ${sql.lit(unsummarizedScore)})`;
const stateRank = sql<number>`CASE s.signal_state WHEN 'red' THEN 3 WHEN 'amber' THEN 2 WHEN 'green' THEN 1 ELSE 0 END`;

/**
 * The caseload in SQL: the cases a professional coordinates or is a member of, filtered, ordered
 * and paged on the summary rows, the folded names and the stored risk scores.
 */
export function caseloadQuery(data: Data) {
  const { db } = data;

  /** The cases of this professional, as `c` with their summary row `s` (if any), filtered. */
  const matching = (professionalId: string, filter: CaseloadFilter) => {
    let query = db
      .selectFrom('cases as c')
      .leftJoin('case_summaries as s', 's.case_id', 'c.id')
      .where('c.status', '=', filter.status ?? 'open')
      // One case is checked on its own; a list takes the professional's cases as a set.
      .where((filter.caseId === undefined ? visibleTo : isVisibleTo)(professionalId));
    if (filter.state === 'none') query = query.where('s.signal_state', 'is', null);
    else if (filter.state !== undefined) query = query.where('s.signal_state', '=', filter.state);
    if (filter.neighbourhood !== undefined)
      query = query.where('c.neighbourhood_id', '=', filter.neighbourhood);
    if (filter.caseId !== undefined) query = query.where('c.id', '=', filter.caseId);
    if (filter.perspective !== undefined)
      query = query.where(listHolds('s.perspectives', filter.perspective));
    if (filter.owner !== undefined) query = query.where(listHolds('s.owners', filter.owner));
    const q = foldedLikePattern(filter.q);
    if (q !== null) query = query.where(sql<SqlBool>`c.client_name_key LIKE ${q} ESCAPE '\\'`);
    return query;
  };

  /** Ties by name: the folded key, then the name as written, then the id (always one order). */
  const byName: Expression<unknown>[] = [sql`c.client_name_key`, sql`c.client_name`, sql`c.id`];
  const orders: Record<CaseloadSort, [Expression<unknown>, 'asc' | 'desc'][]> = {
    risk: [[risk, 'desc']],
    name: [],
    lastChange: [[sql`coalesce(s.last_change_at, '')`, 'desc']],
    state: [
      [stateRank, 'desc'],
      [risk, 'desc'],
    ],
  };

  /**
   * Writes the scores of these rows at `now`, in one write; a row the projection rewrote
   * meanwhile keeps what it wrote.
   */
  const score = async (rows: readonly Selectable<CaseSummariesTable>[], now: Date): Promise<void> => {
    if (rows.length === 0) return;
    const at = now.toISOString();
    await data.write(async (trx) => {
      for (const row of rows) {
        const scored = scoreWithValidity(riskSummaryOf(row), now);
        await trx
          .updateTable('case_summaries')
          .set({ risk_score: scored.score, risk_valid_until: scored.validUntil, updated_at: at })
          .where('case_id', '=', row.case_id)
          .where('updated_at', '=', row.updated_at)
          .execute();
      }
    });
  };

  return {
    /** Keys of cases written without one (a test's helper, a rename), before a list reads them. */
    fillNameKeys: () => fillCaseNameKeys(data),

    /** Scores of rows written without one (before this migration, a test's helper), before a list reads them. */
    async fillScores(now: Date): Promise<void> {
      await score(
        await db.selectFrom('case_summaries').selectAll().where('risk_score', 'is', null).execute(),
        now,
      );
    },

    /**
     * Scores again, in one write, this professional's summary rows whose score may not hold at
     * `now`: a score holds from `updated_at` (when it was scored) until `risk_valid_until`, so
     * these are rows past their validity and rows scored for a later moment (a question about an
     * earlier one). Usually there are none.
     */
    async rescore(professionalId: string, status: 'open' | 'closed', now: Date): Promise<void> {
      const at = now.toISOString();
      // From the indexes on the two conditions (usually nothing), then whose they are.
      const stale = await db
        .selectFrom('case_summaries as s')
        .innerJoin('cases as c', 'c.id', 's.case_id')
        .where('s.case_id', 'in', (eb) =>
          eb
            .selectFrom('case_summaries')
            .select('case_id')
            .where('risk_valid_until', '<=', at)
            .unionAll(eb.selectFrom('case_summaries').select('case_id').where('updated_at', '>', at)),
        )
        .where('c.status', '=', status)
        .where(isVisibleTo(professionalId))
        .selectAll('s')
        .execute();
      await score(stale, now);
    },

    /** One page of matching case ids in the order asked for, and how many match in all. */
    async page(
      professionalId: string,
      filter: CaseloadFilter,
    ): Promise<{ caseIds: string[]; total: number }> {
      let query = matching(professionalId, filter).select((eb) => [
        'c.id as caseId',
        eb.fn.countAll().over().as('total'),
      ]);
      for (const [expression, direction] of [
        ...orders[filter.sort ?? 'risk'],
        ...byName.map((e) => [e, 'asc'] as const),
      ])
        query = query.orderBy(expression, direction);
      const offset = filter.offset ?? 0;
      const rows = await query
        .limit(filter.limit ?? 100)
        .offset(offset)
        .execute();
      if (rows.length > 0 || offset === 0)
        return { caseIds: rows.map((r) => r.caseId), total: Number(rows[0]?.total ?? 0) };
      // Past the last page: no row carries the count.
      const { n } = await matching(professionalId, filter)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return { caseIds: [], total: Number(n) };
    },
  };
}
export type CaseloadQuery = ReturnType<typeof caseloadQuery>;
