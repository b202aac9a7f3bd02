import { localToday } from '../../shared/attention.js';
import type { HealthOverview, RoundResults } from '../../shared/collaborationHealth.js';
import { HttpError } from '../http/validate.js';
import type { Data } from '../storage/data.js';
import { aimsOf, lastQuarters } from './aims.js';
import { aimsRows } from './aimsQuery.js';
import { roundResults, trendOf } from './results.js';
import { isClosed, roundStore, toRound } from './rounds.js';
import { healthDb } from './tables.js';

export interface Scope {
  districtId: string;
  neighbourhoodId: string | null;
}

/**
 * Collaboration health for a neighbourhood or district (SPEC CH1–CH8): the scan rounds, their
 * results per condition (closed rounds only, small groups suppressed) and the aims from the work.
 */
export function collaborationHealthService(data: Data, options: { minGroup: number; clock?: () => Date }) {
  const clock = options.clock ?? (() => new Date());
  const db = healthDb(data.db);
  const rounds = roundStore(data, clock);
  const { minGroup } = options;

  async function places() {
    const districts = await db
      .selectFrom('districts')
      .select(['id', 'name'])
      .where('archived_at', 'is', null)
      .orderBy('name')
      .execute();
    const hoods = await db
      .selectFrom('neighbourhoods')
      .select(['id', 'name', 'district_id'])
      .where('archived_at', 'is', null)
      .orderBy('name')
      .execute();
    return districts.map((d) => ({
      id: d.id,
      name: d.name,
      neighbourhoods: hoods.filter((n) => n.district_id === d.id).map(({ id, name }) => ({ id, name })),
    }));
  }

  /** The neighbourhoods a scope covers; an unknown district or a neighbourhood of another answers 404. */
  async function neighbourhoodsOf(scope: Scope): Promise<string[]> {
    const rows = await db
      .selectFrom('neighbourhoods')
      .select('id')
      .where('district_id', '=', scope.districtId)
      .execute();
    const ids = rows.map((r) => r.id);
    if (scope.neighbourhoodId === null) {
      const district = await db
        .selectFrom('districts')
        .select('id')
        .where('id', '=', scope.districtId)
        .executeTakeFirst();
      if (!district) throw new HttpError(404, 'no such district');
      return ids;
    }
    if (!ids.includes(scope.neighbourhoodId))
      throw new HttpError(404, 'no such neighbourhood in this district');
    return [scope.neighbourhoodId];
  }

  // A closed round's answers never change (CH2), so its results are worked out once per process.
  const computed = new Map<string, RoundResults>();

  /**
   * The results of every closed round of a scope, newest first: a neighbourhood's own rounds and
   * the rounds of its whole district (whose results are the district's, as the round says).
   */
  async function closedResults(scope: Scope): Promise<RoundResults[]> {
    const today = localToday(clock());
    let q = db.selectFrom('health_rounds').selectAll().where('district_id', '=', scope.districtId);
    if (scope.neighbourhoodId) {
      const own = scope.neighbourhoodId;
      q = q.where((eb) => eb.or([eb('neighbourhood_id', '=', own), eb('neighbourhood_id', 'is', null)]));
    }
    const closed = (await q.orderBy('closes_on', 'desc').execute()).filter((r) => isClosed(r, today));
    const ids = closed.map((r) => r.id).filter((id) => !computed.has(id));
    if (ids.length > 0)
      await compute(
        closed.filter((r) => ids.includes(r.id)),
        ids,
        today,
      );
    return closed.map((r) => computed.get(r.id)!);
  }

  async function compute(
    closed: Parameters<typeof toRound>[0][],
    ids: string[],
    today: string,
  ): Promise<void> {
    const scores = await db
      .selectFrom('health_answers as a')
      .innerJoin('health_responses as r', (j) =>
        j.onRef('r.round_id', '=', 'a.round_id').onRef('r.professional_id', '=', 'a.professional_id'),
      )
      .select(['a.round_id', 'a.professional_id', 'r.side', 'a.statement_id', 'a.score'])
      .where('a.round_id', 'in', ids)
      .execute();
    const comments = await db
      .selectFrom('health_comments')
      .select(['round_id', 'professional_id', 'condition_id', 'text'])
      .where('round_id', 'in', ids)
      .execute();
    for (const round of closed)
      computed.set(
        round.id,
        roundResults(
          toRound(round, today),
          scores
            .filter((s) => s.round_id === round.id)
            .map((s) => ({
              respondent: s.professional_id,
              side: s.side,
              statementId: s.statement_id,
              score: Number(s.score),
            })),
          comments
            .filter((c) => c.round_id === round.id)
            .map((c) => ({ respondent: c.professional_id, conditionId: c.condition_id, text: c.text })),
          minGroup,
        ),
      );
  }

  return {
    rounds,
    minGroup,
    /** The district a professional works in (their active team's), for who may read results (CH8). */
    async districtOf(professionalId: string | null): Promise<string | null> {
      if (!professionalId) return null;
      const row = await db
        .selectFrom('professionals as p')
        .innerJoin('teams as t', 't.id', 'p.team_id')
        .innerJoin('neighbourhoods as n', 'n.id', 't.neighbourhood_id')
        .select('n.district_id')
        .where('p.id', '=', professionalId)
        .where('t.archived_at', 'is', null)
        .executeTakeFirst();
      return row?.district_id ?? null;
    },

    async overview(scope: Scope): Promise<HealthOverview> {
      const now = clock();
      const neighbourhoods = await neighbourhoodsOf(scope);
      const results = await closedResults(scope);
      const partial = aimsOf({
        now,
        minGroup,
        ...(await aimsRows(data.db, neighbourhoods, lastQuarters(now).from)),
      });
      return {
        districtId: scope.districtId,
        neighbourhoodId: scope.neighbourhoodId,
        minGroup,
        places: await places(),
        latest: results[0] ?? null,
        trend: trendOf(results),
        aims: { ...partial, to: now.toISOString() },
      };
    },
  };
}
export type CollaborationHealthService = ReturnType<typeof collaborationHealthService>;
