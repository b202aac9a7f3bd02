import type { CaseloadAnswer, CaseloadRow, CaseloadSort } from '../../shared/api.js';
import { localToday } from '../../shared/attention.js';
import type { LifeDomain, RecoveryPhase } from '../../shared/domain.js';
import { assessRisk } from '../../shared/risk.js';
import type { SignalState } from '../../shared/risk.js';
import { countOverdue } from '../../shared/summary.js';
import type { Db } from '../db/database.js';
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
  needsNewCoordinator: number;
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
 * filtered in SQL on the summary rows (never loading a board), with risk and its reasons
 * computed per row so they are right on the day they are read.
 */
export function caseloadService(db: Db) {
  db.function('fold_name', { deterministic: true }, (name: unknown) =>
    typeof name === 'string' ? foldName(name) : name,
  );
  const select = db.prepare<Record<string, string | null>, Row>(`
    SELECT c.id AS caseId, c.client_name AS clientName, c.neighbourhood_id AS neighbourhoodId, n.name AS neighbourhood,
      c.coordinator_id AS coordinatorId, cp.name AS coordinatorName, s.signal_state AS signalState,
      s.phase_by_domain AS phaseByDomain, s.open_step_due_dates AS openStepDueDates, s.stalled_goals AS stalledGoals,
      s.open_goals AS openGoals, s.owners, s.perspectives, s.escalations, s.has_signal_plan AS hasSignalPlan,
      s.last_observation_at AS lastObservationAt, (SELECT min(mt.starts_at) FROM meeting_agenda ma JOIN meetings mt ON mt.id = ma.meeting_id
        WHERE ma.case_id = c.id AND mt.status = 'planned') AS nextMeetingAt, s.last_change_at AS lastChangeAt,
      c.closed_at AS closedAt, ${needsNewCoordinatorSql('c')} AS needsNewCoordinator
    FROM cases c
    JOIN neighbourhoods n ON n.id = c.neighbourhood_id
    LEFT JOIN professionals cp ON cp.id = c.coordinator_id
    LEFT JOIN case_summaries s ON s.case_id = c.id
    WHERE c.status = @status
      AND (c.coordinator_id = @me OR c.id IN (SELECT m.case_id FROM case_members m WHERE m.professional_id = @me))
      AND (@state IS NULL OR (@state = 'none' AND s.signal_state IS NULL) OR s.signal_state = @state)
      AND (@neighbourhood IS NULL OR c.neighbourhood_id = @neighbourhood)
      AND (@perspective IS NULL OR EXISTS (SELECT 1 FROM json_each(s.perspectives) WHERE value = @perspective))
      AND (@owner IS NULL OR EXISTS (SELECT 1 FROM json_each(s.owners) WHERE value = @owner))
      AND (@q IS NULL OR fold_name(c.client_name) LIKE @q ESCAPE '\\')`);
  const names = db.prepare<[], { id: string; name: string }>('SELECT id, name FROM professionals');
  const neighbourhoods = db.prepare<[], { id: string; name: string }>(
    'SELECT id, name FROM neighbourhoods ORDER BY name',
  );
  const visit = db.prepare<[string], { previousVisitAt: string | null; visitedAt: string }>(
    'SELECT previous_visit_at AS previousVisitAt, visited_at AS visitedAt FROM caseload_visits WHERE user_id = ?',
  );
  const saveVisit =
    db.prepare(`INSERT INTO caseload_visits (user_id, previous_visit_at, visited_at) VALUES (?, ?, ?)
    ON CONFLICT (user_id) DO UPDATE SET previous_visit_at = excluded.previous_visit_at, visited_at = excluded.visited_at`);

  /** Records this visit; returns the visit before it (what "changed since" compares with). */
  const recordVisit = (userId: string, now: Date): string | null => {
    const last = visit.get(userId);
    if (last && now.getTime() - Date.parse(last.visitedAt) < visitGapMs) {
      saveVisit.run(userId, last.previousVisitAt, now.toISOString());
      return last.previousVisitAt;
    }
    saveVisit.run(userId, last?.visitedAt ?? null, now.toISOString());
    return last?.visitedAt ?? null;
  };

  return {
    query(professionalId: string, userId: string, filter: CaseloadFilter, now = new Date()): CaseloadAnswer {
      const lastVisitAt = recordVisit(userId, now);
      const today = localToday(now);
      const nameOf = new Map(names.all().map((p) => [p.id, p.name]));
      const q = filter.q?.trim()
        ? `%${foldName(filter.q.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        : null;
      const rows = select
        .all({
          me: professionalId,
          status: filter.status ?? 'open',
          state: filter.state ?? null,
          neighbourhood: filter.neighbourhood ?? null,
          perspective: filter.perspective ?? null,
          owner: filter.owner ?? null,
          q,
        })
        .map((r) => toCaseloadRow(r, today, now, lastVisitAt, nameOf));
      rows.sort(comparators[filter.sort ?? 'risk']);
      const offset = filter.offset ?? 0;
      return {
        rows: rows.slice(offset, offset + (filter.limit ?? 100)),
        total: rows.length,
        lastVisitAt,
        neighbourhoods: neighbourhoods.all(),
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
    needsNewCoordinator: r.needsNewCoordinator === 1,
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
