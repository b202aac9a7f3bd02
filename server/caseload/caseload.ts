import { sql } from 'kysely';
import type { CaseloadAnswer, CaseloadRow } from '../../shared/api.js';
import type { LifeDomain, RecoveryPhase } from '../../shared/domain.js';
import type { SignalState } from '../../shared/risk.js';
import type { Data } from '../storage/data.js';
import { needsNewCoordinatorSql } from '../services/professionals.js';
import { caseloadQuery } from './caseloadQuery.js';
import type { CaseloadFilter } from './caseloadQuery.js';
import { riskOf } from './riskScore.js';

export type { CaseloadFilter } from './caseloadQuery.js';

interface Row {
  caseId: string;
  clientName: string;
  neighbourhoodId: string;
  neighbourhood: string;
  coordinatorId: string | null;
  coordinatorName: string | null;
  signalState: SignalState | null;
  phaseByDomain: string | null;
  openStepDueDates: string | null;
  stalledGoals: number | null;
  openGoals: number | null;
  owners: string | null;
  perspectives: string | null;
  escalations: string | null;
  hasSignalPlan: number | null;
  lastObservationAt: string | null;
  nextMeetingAt: string | null;
  lastChangeAt: string | null;
  closedAt: string | null;
  /** 1/0 on SQLite, true/false on PostgreSQL. */
  needsNewCoordinator: number | boolean;
}

const emptyPhases: Record<LifeDomain, RecoveryPhase | null> = {
  care: null,
  housing: null,
  income: null,
  work: null,
};
/** A person returning within this time keeps the "changed since" of their visit. */
const visitGapMs = 10 * 60_000;

/**
 * The coordinator's caseload: every open case (or, filtered, every closed one) the professional
 * coordinates or is a member of, filtered, sorted and paged in SQL on the summary rows (never
 * loading a board, caseloadQuery.ts); only the page's rows are read in full, with risk and its
 * reasons computed per row so they are right on the day they are read.
 */
export function caseloadService(data: Data) {
  const { db } = data;
  const sqlCaseload = caseloadQuery(data);
  /** The full rows of these cases, in no particular order. */
  const select = (caseIds: readonly string[]): Promise<Row[]> => {
    if (caseIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('cases as c')
      .innerJoin('neighbourhoods as n', 'n.id', 'c.neighbourhood_id')
      .leftJoin('professionals as cp', 'cp.id', 'c.coordinator_id')
      .leftJoin('case_summaries as s', 's.case_id', 'c.id')
      .select((eb) => [
        'c.id as caseId',
        'c.client_name as clientName',
        'c.neighbourhood_id as neighbourhoodId',
        'n.name as neighbourhood',
        'c.coordinator_id as coordinatorId',
        'cp.name as coordinatorName',
        's.signal_state as signalState',
        's.phase_by_domain as phaseByDomain',
        's.open_step_due_dates as openStepDueDates',
        's.stalled_goals as stalledGoals',
        's.open_goals as openGoals',
        's.owners',
        's.perspectives',
        's.escalations',
        's.has_signal_plan as hasSignalPlan',
        's.last_observation_at as lastObservationAt',
        eb
          .selectFrom('meeting_agenda as ma')
          .innerJoin('meetings as mt', 'mt.id', 'ma.meeting_id')
          .select((e) => e.fn.min('mt.starts_at').as('startsAt'))
          .whereRef('ma.case_id', '=', 'c.id')
          .where('mt.status', '=', 'planned')
          .as('nextMeetingAt'),
        's.last_change_at as lastChangeAt',
        'c.closed_at as closedAt',
        sql<number | boolean>`${sql.raw(needsNewCoordinatorSql('c'))}`.as('needsNewCoordinator'),
      ])
      .where('c.id', 'in', caseIds)
      .execute() as Promise<Row[]>;
  };
  /** The names of the owners on these rows. */
  const ownerNames = async (rows: readonly Row[]): Promise<Map<string, string>> => {
    const ids = [...new Set(rows.flatMap((r) => parse<string[]>(r.owners, [])))];
    if (ids.length === 0) return new Map();
    const names = await db
      .selectFrom('professionals')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .execute();
    return new Map(names.map((p) => [p.id, p.name]));
  };

  /** Records this visit; returns the visit before it (what "changed since" compares with). */
  const recordVisit = async (userId: string, now: Date): Promise<string | null> => {
    const last = await db
      .selectFrom('caseload_visits')
      .select(['previous_visit_at as previousVisitAt', 'visited_at as visitedAt'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const save = (previous: string | null) =>
      db
        .insertInto('caseload_visits')
        .values({ user_id: userId, previous_visit_at: previous, visited_at: now.toISOString() })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet((eb) => ({
            previous_visit_at: eb.ref('excluded.previous_visit_at'),
            visited_at: eb.ref('excluded.visited_at'),
          })),
        )
        .execute();
    if (last && now.getTime() - Date.parse(last.visitedAt) < visitGapMs) {
      await save(last.previousVisitAt);
      return last.previousVisitAt;
    }
    await save(last?.visitedAt ?? null);
    return last?.visitedAt ?? null;
  };

  return {
    /**
     * One case's row as this professional's caseload shows it now, with these filters (a row that
     * changed, SPEC CL10); null when the case no longer belongs in that list. Not a visit.
     */
    async row(
      professionalId: string,
      userId: string,
      caseId: string,
      filter: CaseloadFilter,
      now = new Date(),
    ): Promise<CaseloadRow | null> {
      const visit = await db
        .selectFrom('caseload_visits')
        .select('previous_visit_at as previousVisitAt')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      await sqlCaseload.fillNameKeys();
      const { caseIds } = await sqlCaseload.page(professionalId, { ...filter, caseId, offset: 0, limit: 1 });
      const [row] = await select(caseIds);
      return row ? toCaseloadRow(row, now, visit?.previousVisitAt ?? null, await ownerNames([row])) : null;
    },
    async query(
      professionalId: string,
      userId: string,
      filter: CaseloadFilter,
      now = new Date(),
    ): Promise<CaseloadAnswer> {
      const lastVisitAt = await recordVisit(userId, now);
      await sqlCaseload.fillNameKeys();
      await sqlCaseload.fillScores(now);
      await sqlCaseload.rescore(professionalId, filter.status ?? 'open', now);
      const { caseIds, total } = await sqlCaseload.page(professionalId, filter);
      const rows = await select(caseIds);
      const nameOf = await ownerNames(rows);
      const byId = new Map(rows.map((r) => [r.caseId, r]));
      const page = caseIds.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toCaseloadRow(row, now, lastVisitAt, nameOf)] : [];
      });
      const neighbourhoods = await db
        .selectFrom('neighbourhoods')
        .select(['id', 'name'])
        .orderBy(sql`lower(name)`)
        .orderBy('name')
        .execute();
      return {
        rows: page,
        total,
        lastVisitAt,
        neighbourhoods,
      };
    },
  };
}

const parse = <T>(json: string | null, fallback: T): T => (json ? (JSON.parse(json) as T) : fallback);

function toCaseloadRow(
  r: Row,
  now: Date,
  lastVisitAt: string | null,
  nameOf: Map<string, string>,
): CaseloadRow {
  const { overdueSteps, ...risk } = riskOf(r, now);
  const stalledGoals = r.stalledGoals ?? 0;
  return {
    caseId: r.caseId,
    clientName: r.clientName,
    neighbourhoodId: r.neighbourhoodId,
    neighbourhood: r.neighbourhood,
    coordinator: r.coordinatorId ? { id: r.coordinatorId, name: r.coordinatorName ?? '' } : null,
    signalState: r.signalState,
    risk,
    phaseByDomain: parse(r.phaseByDomain, emptyPhases),
    overdueSteps,
    stalledGoals,
    openGoals: r.openGoals ?? 0,
    perspectives: parse<string[]>(r.perspectives, []),
    owners: parse<string[]>(r.owners, []).map((id) => ({ id, name: nameOf.get(id) ?? id })),
    nextMeetingAt: r.nextMeetingAt,
    lastChangeAt: r.lastChangeAt,
    lastObservationAt: r.lastObservationAt,
    changedSinceLastVisit: !!r.lastChangeAt && lastVisitAt !== null && r.lastChangeAt > lastVisitAt,
    closedAt: r.closedAt,
    needsNewCoordinator: Boolean(r.needsNewCoordinator),
  };
}

export type CaseloadService = ReturnType<typeof caseloadService>;
