import { sql } from 'kysely';
import type { Executor } from '../storage/data.js';
import { lifeDomains } from '../../shared/domain.js';
import type { AimsInput, ClientRow, MinutesRow, RatingRow, ReferralRow } from './aims.js';

const parseList = (text: string | null): string[] => {
  try {
    const list: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** Housing, income or work still has open work in the treatment phase (the summary's phase per domain). */
function earlyRecovery(phaseByDomain: string | null): boolean {
  try {
    const phases = JSON.parse(phaseByDomain ?? '{}') as Record<string, string | null>;
    return ['housing', 'income', 'work'].some((d) => phases[d] === 'treatment');
  } catch {
    return false;
  }
}

/** The summary's goals per domain, or null when the row was projected before it held them. */
function goalsOf(text: string | null): ClientRow['goals'] {
  if (text === null) return null;
  try {
    const stored = JSON.parse(text) as Record<string, { goals?: unknown; achieved?: unknown }>;
    const count = (x: unknown) => (typeof x === 'number' && x >= 0 ? x : 0);
    return Object.fromEntries(
      lifeDomains.map((d) => [d, { goals: count(stored[d]?.goals), achieved: count(stored[d]?.achieved) }]),
    ) as NonNullable<ClientRow['goals']>;
  } catch {
    return null;
  }
}

interface StoredMinutes {
  cases?: { usedMinutes?: number; clientQuestions?: { discussedBy?: string }[] }[];
}

/** What one closed meeting's minutes say per discussed case; nothing else of them leaves here. */
function minutesRows(content: string): MinutesRow[] {
  try {
    const minutes = JSON.parse(content) as StoredMinutes;
    return (minutes.cases ?? []).map((c) => ({
      usedMinutes: Number(c.usedMinutes ?? 0) || 0,
      questionsAsked: c.clientQuestions?.length ?? 0,
      questionsDiscussed: (c.clientQuestions ?? []).filter((q) => (q.discussedBy ?? '') !== '').length,
    }));
  } catch {
    return [];
  }
}

/**
 * The rows the aims are computed from (SPEC CH6): open cases of the neighbourhoods with their
 * summary rows, their teams, relapse versions, referrals and closed meetings' minutes since
 * `from`. Every query filters on the neighbourhoods in SQL; no board document is loaded.
 */
export async function aimsRows(
  db: Executor,
  neighbourhoodIds: string[],
  from: string,
): Promise<Omit<AimsInput, 'now' | 'minGroup'>> {
  if (neighbourhoodIds.length === 0)
    return { clients: [], teamSize: 0, bothSides: 0, relapses: [], referrals: [], minutes: [], ratings: [] };
  const inScope = sql.join(neighbourhoodIds);
  const summaries = await db
    .selectFrom('cases as c')
    .leftJoin('case_summaries as s', 's.case_id', 'c.id')
    .select([
      's.signal_state',
      's.escalations',
      's.stalled_goals',
      's.open_goals',
      's.phase_by_domain',
      's.goals_by_domain',
    ])
    .where('c.neighbourhood_id', 'in', neighbourhoodIds)
    .where('c.status', '=', 'open')
    .execute();
  const clients: ClientRow[] = summaries.map((s) => ({
    signalState: s.signal_state ?? null,
    escalations: parseList(s.escalations),
    stalledGoals: Number(s.stalled_goals ?? 0),
    openGoals: Number(s.open_goals ?? 0),
    earlyRecovery: earlyRecovery(s.phase_by_domain),
    goals: goalsOf(s.goals_by_domain ?? null),
  }));
  // Each case's team: its members and its coordinator, each person once (UNION drops repeats).
  const team = sql`
    SELECT t.case_id, p.domain FROM (
      SELECT cm.case_id, cm.professional_id AS pid FROM case_members cm
        JOIN cases c ON c.id = cm.case_id
        WHERE c.status = 'open' AND c.neighbourhood_id IN (${inScope})
      UNION
      SELECT c.id, c.coordinator_id FROM cases c
        WHERE c.status = 'open' AND c.coordinator_id IS NOT NULL AND c.neighbourhood_id IN (${inScope})
    ) t JOIN professionals p ON p.id = t.pid`;
  const teams = await sql<{ size: number | string | null; both_sides: number | string | null }>`
    SELECT SUM(y.people) AS size, SUM(CASE WHEN y.sides = 2 THEN 1 ELSE 0 END) AS both_sides
    FROM (SELECT COUNT(*) AS people, COUNT(DISTINCT x.domain) AS sides FROM (${team}) x
      GROUP BY x.case_id) y`.execute(db);
  const relapses = await db
    .selectFrom('board_versions as v')
    .innerJoin('cases as c', 'c.id', 'v.case_id')
    .select('v.created_at')
    .where('v.kind', '=', 'relapse')
    .where('v.created_at', '>=', from)
    .where('c.neighbourhood_id', 'in', neighbourhoodIds)
    .execute();
  const referrals = await db
    .selectFrom('referrals as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('neighbourhoods as n', 'n.id', 'c.neighbourhood_id')
    .innerJoin('professionals as p', 'p.id', 'r.to_professional_id')
    .leftJoin('social_services as s', 's.id', 'r.service_id')
    .select([
      'n.id as neighbourhoodId',
      'n.name as neighbourhoodName',
      'p.domain as receiverSide',
      'r.service_id',
      's.peer_run',
      'r.status',
      'r.requested_at',
      'r.accepted_at',
      'r.first_contact_at',
    ])
    .where('r.requested_at', '>=', from)
    .where('c.neighbourhood_id', 'in', neighbourhoodIds)
    .execute();
  const minutes = await db
    .selectFrom('meeting_minutes as mm')
    .innerJoin('meetings as m', 'm.id', 'mm.meeting_id')
    .select('mm.content')
    .where('m.neighbourhood_id', 'in', neighbourhoodIds)
    .where('m.closed_at', '>=', from)
    .execute();
  const ratings = await db
    .selectFrom('client_rating_log as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select(['r.case_id as caseId', 'r.domain', 'r.score', 'r.rated_at as ratedAt'])
    .where('r.rated_at', '>=', from)
    .where('c.neighbourhood_id', 'in', neighbourhoodIds)
    .where('c.status', '=', 'open')
    .execute();
  const row = teams.rows[0];
  return {
    clients,
    teamSize: Number(row?.size ?? 0),
    bothSides: Number(row?.both_sides ?? 0),
    relapses: relapses.map((r) => r.created_at),
    referrals: referrals.map((r): ReferralRow => ({
      neighbourhoodId: r.neighbourhoodId,
      neighbourhoodName: r.neighbourhoodName,
      receiverSide: r.receiverSide,
      withService: r.service_id !== null,
      peerRun: Number(r.peer_run ?? 0) === 1,
      status: r.status,
      requestedAt: r.requested_at,
      acceptedAt: r.accepted_at,
      firstContactAt: r.first_contact_at,
    })),
    minutes: minutes.flatMap((m) => minutesRows(m.content)),
    ratings: ratings.map((r): RatingRow => ({ ...r, score: Number(r.score) })),
  };
}
