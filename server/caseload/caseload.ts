import { sql } from 'kysely';
import type { CaseloadAnswer, CaseloadRow, CaseloadSort } from '../../shared/api.js';
import { localToday } from '../../shared/attention.js';
import type { LifeDomain, RecoveryPhase } from '../../shared/domain.js';
import { assessRisk } from '../../shared/risk.js';
import type { SignalState } from '../../shared/risk.js';
import { countOverdue } from '../../shared/summary.js';
import type { Data } from '../storage/data.js';
import { foldName } from '../../shared/search.js';
import { needsNewCoordinatorSql } from '../services/professionals.js';

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
const stateRank = { red: 3, amber: 2, green: 1 } as const;
/** A person returning within this time keeps the "changed since" of their visit. */
const visitGapMs = 10 * 60_000;

/**
 * The coordinator's caseload: every open case (or, filtered, every closed one) the professional coordinates or is a member of,
 * filtered on the summary rows (never loading a board), with risk and its reasons
 * computed per row so they are right on the day they are read. The perspective, owner and name
 * filters look into the row's lists and the folded name, which SQL cannot do alike on both engines:
 * they are applied here.
 */
export function caseloadService(data: Data) {
  const { db } = data;
  const select = (professionalId: string, filter: CaseloadFilter): Promise<Row[]> => {
    let query = db
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
      .where('c.status', '=', filter.status ?? 'open')
      .where((eb) =>
        eb.or([
          eb('c.coordinator_id', '=', professionalId),
          eb(
            'c.id',
            'in',
            eb
              .selectFrom('case_members as m')
              .select('m.case_id')
              .where('m.professional_id', '=', professionalId),
          ),
        ]),
      );
    if (filter.state === 'none') query = query.where('s.signal_state', 'is', null);
    else if (filter.state !== undefined) query = query.where('s.signal_state', '=', filter.state);
    if (filter.neighbourhood !== undefined)
      query = query.where('c.neighbourhood_id', '=', filter.neighbourhood);
    if (filter.caseId !== undefined) query = query.where('c.id', '=', filter.caseId);
    return query.execute() as Promise<Row[]>;
  };
  /** The filters on the row's lists and name; `q` is the folded search text, or null. */
  const matches = (r: Row, filter: CaseloadFilter, q: string | null) =>
    (filter.perspective === undefined || parse<string[]>(r.perspectives, []).includes(filter.perspective)) &&
    (filter.owner === undefined || parse<string[]>(r.owners, []).includes(filter.owner)) &&
    (q === null || foldName(r.clientName).includes(q));

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
      const names = await db.selectFrom('professionals').select(['id', 'name']).execute();
      const nameOf = new Map(names.map((p) => [p.id, p.name]));
      const q = filter.q?.trim() ? foldName(filter.q.trim()) : null;
      const [row] = (await select(professionalId, { ...filter, caseId })).filter((r) =>
        matches(r, filter, q),
      );
      return row ? toCaseloadRow(row, localToday(now), now, visit?.previousVisitAt ?? null, nameOf) : null;
    },
    async query(
      professionalId: string,
      userId: string,
      filter: CaseloadFilter,
      now = new Date(),
    ): Promise<CaseloadAnswer> {
      const lastVisitAt = await recordVisit(userId, now);
      const today = localToday(now);
      const names = await db.selectFrom('professionals').select(['id', 'name']).execute();
      const nameOf = new Map(names.map((p) => [p.id, p.name]));
      const q = filter.q?.trim() ? foldName(filter.q.trim()) : null;
      const rows = (await select(professionalId, filter))
        .filter((r) => matches(r, filter, q))
        .map((r) => toCaseloadRow(r, today, now, lastVisitAt, nameOf));
      rows.sort(comparators[filter.sort ?? 'risk']);
      const offset = filter.offset ?? 0;
      const neighbourhoods = await db
        .selectFrom('neighbourhoods')
        .select(['id', 'name'])
        .orderBy(sql`lower(name)`)
        .orderBy('name')
        .execute();
      return {
        rows: rows.slice(offset, offset + (filter.limit ?? 100)),
        total: rows.length,
        lastVisitAt,
        neighbourhoods,
      };
    },
  };
}

const parse = <T>(json: string | null, fallback: T): T => (json ? (JSON.parse(json) as T) : fallback);

function toCaseloadRow(
  r: Row,
  today: string,
  now: Date,
  lastVisitAt: string | null,
  nameOf: Map<string, string>,
): CaseloadRow {
  const dueDates = parse<string[]>(r.openStepDueDates, []);
  const overdueSteps = countOverdue(dueDates, today);
  const stalledGoals = r.stalledGoals ?? 0;
  const risk = assessRisk(
    {
      state: r.signalState,
      escalations: parse<string[]>(r.escalations, []),
      overdueSteps,
      stalledGoals,
      lastObservationAt: r.lastObservationAt,
      hasSignalPlan: r.hasSignalPlan === 1,
    },
    now,
  );
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

const byName = (a: CaseloadRow, b: CaseloadRow) => a.clientName.localeCompare(b.clientName, 'nl');
const comparators: Record<CaseloadSort, (a: CaseloadRow, b: CaseloadRow) => number> = {
  risk: (a, b) => b.risk.score - a.risk.score || byName(a, b),
  name: byName,
  lastChange: (a, b) => (b.lastChangeAt ?? '').localeCompare(a.lastChangeAt ?? '') || byName(a, b),
  state: (a, b) =>
    (b.signalState ? stateRank[b.signalState] : 0) - (a.signalState ? stateRank[a.signalState] : 0) ||
    b.risk.score - a.risk.score ||
    byName(a, b),
};
export type CaseloadService = ReturnType<typeof caseloadService>;
