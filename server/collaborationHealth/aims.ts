import { shown } from '../../shared/collaborationHealth.js';
import type {
  AimsAnswer,
  Delay,
  DelayGroup,
  QuarterRate,
  Rate,
  RatingPoint,
  Side,
} from '../../shared/collaborationHealth.js';
import { lifeDomains } from '../../shared/domain.js';
import type { LifeDomain } from '../../shared/domain.js';
import { workingDaysBetween } from '../../shared/referralApi.js';

/** A client's summary row as the aims need it (case_summaries with its case). */
export interface ClientRow {
  signalState: 'green' | 'amber' | 'red' | null;
  escalations: string[];
  stalledGoals: number;
  openGoals: number;
  /** Housing, income or work has open work in the treatment phase (phase_by_domain). */
  earlyRecovery: boolean;
  /** Goals and achieved goals per domain; null for a row projected before it held them. */
  goals: Record<LifeDomain, { goals: number; achieved: number }> | null;
}

/** One rating a client gave (client_rating_log). */
export interface RatingRow {
  caseId: string;
  domain: LifeDomain;
  score: number;
  ratedAt: string;
}

export interface ReferralRow {
  neighbourhoodId: string;
  neighbourhoodName: string;
  receiverSide: Side;
  withService: boolean;
  peerRun: boolean;
  status: string;
  requestedAt: string;
  acceptedAt: string | null;
  firstContactAt: string | null;
}

/** What the closed meetings' minutes say about one discussed case. */
export interface MinutesRow {
  usedMinutes: number;
  questionsAsked: number;
  questionsDiscussed: number;
}

export interface AimsInput {
  now: Date;
  minGroup: number;
  clients: ClientRow[];
  /** Professionals on the clients' teams (members and coordinators), summed over the clients. */
  teamSize: number;
  /** Clients whose team has members of both sides (condition 3). */
  bothSides: number;
  relapses: string[];
  referrals: ReferralRow[];
  minutes: MinutesRow[];
  ratings: RatingRow[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** A share in percent of at least `minGroup` (SPEC CH5). */
export const rate = (numerator: number, denominator: number, minGroup: number): Rate => ({
  numerator,
  denominator,
  value: shown(denominator, minGroup) && denominator > 0 ? round1((100 * numerator) / denominator) : null,
});

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function delay(values: readonly number[], minGroup: number): Delay {
  const sorted = [...values].sort((a, b) => a - b);
  if (!shown(sorted.length, minGroup)) return { n: sorted.length, median: null, p90: null };
  return { n: sorted.length, median: percentile(sorted, 50), p90: percentile(sorted, 90) };
}

/** The quarter of a moment, e.g. "2026-Q3". */
export const quarterOf = (iso: string): string =>
  `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

/** The four quarters up to and including the one of `now`, oldest first, and where they start. */
export function lastQuarters(now: Date): { quarters: string[]; from: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - 9, 1));
  const quarters: string[] = [];
  for (let i = 0; i < 4; i++) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i * 3, 1));
    quarters.push(quarterOf(d.toISOString()));
  }
  return { quarters, from: start.toISOString() };
}

/** Events per 100 clients per quarter; hidden while there are fewer clients than the minimum. */
export function perQuarter(
  moments: readonly string[],
  quarters: readonly string[],
  clients: number,
  minGroup: number,
): QuarterRate[] {
  return quarters.map((quarter) => {
    const count = moments.filter((m) => quarterOf(m) === quarter).length;
    return {
      quarter,
      count,
      per100: shown(clients, minGroup) && clients > 0 ? round1((100 * count) / clients) : null,
    };
  });
}

/**
 * Achieved goals among the goals per domain. Hidden while fewer clients than the minimum have a
 * goal in the domain: the goals of one or two clients would tell their story.
 */
function goalsAchieved(clients: readonly ClientRow[], minGroup: number): Record<LifeDomain, Rate> {
  const result = {} as Record<LifeDomain, Rate>;
  for (const domain of lifeDomains) {
    const counts = clients.flatMap((c) => (c.goals && c.goals[domain].goals > 0 ? [c.goals[domain]] : []));
    const share = rate(
      counts.reduce((a, c) => a + c.achieved, 0),
      counts.reduce((a, c) => a + c.goals, 0),
      minGroup,
    );
    result[domain] = shown(counts.length, minGroup) ? share : { ...share, value: null };
  }
  return result;
}

/** The mean of each client's last rating per quarter and domain; hidden below the minimum of clients. */
export function ratingsOver(
  ratings: readonly RatingRow[],
  quarters: readonly string[],
  minGroup: number,
): RatingPoint[] {
  const last = new Map<string, RatingRow>();
  for (const r of ratings) {
    const key = `${quarterOf(r.ratedAt)}|${r.domain}|${r.caseId}`;
    const before = last.get(key);
    if (!before || before.ratedAt < r.ratedAt) last.set(key, r);
  }
  const byCell = new Map<string, number[]>();
  for (const r of last.values()) {
    const key = `${quarterOf(r.ratedAt)}|${r.domain}`;
    const cell = byCell.get(key);
    if (cell) cell.push(r.score);
    else byCell.set(key, [r.score]);
  }
  return quarters.flatMap((quarter) =>
    lifeDomains.map((domain) => {
      const scores = byCell.get(`${quarter}|${domain}`) ?? [];
      const n = scores.length;
      return {
        quarter,
        domain,
        n,
        mean: shown(n, minGroup) && n > 0 ? round1(scores.reduce((a, s) => a + s, 0) / n) : null,
      };
    }),
  );
}

function delayGroups(referrals: readonly ReferralRow[], minGroup: number): DelayGroup[] {
  // Each referral's delays once: counting working days is the costly part.
  const timed = referrals.map((r) => ({
    r,
    accepted: r.acceptedAt ? workingDaysBetween(r.requestedAt, r.acceptedAt) : null,
    firstContact: r.firstContactAt ? workingDaysBetween(r.requestedAt, r.firstContactAt) : null,
  }));
  const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  const group = (kind: DelayGroup['kind'], key: string, label: string, rows: typeof timed): DelayGroup => ({
    kind,
    key,
    label,
    toAccepted: delay(present(rows.map((t) => t.accepted)), minGroup),
    toFirstContact: delay(present(rows.map((t) => t.firstContact)), minGroup),
  });
  const places = new Map(referrals.map((r) => [r.neighbourhoodId, r.neighbourhoodName]));
  return [
    ...[...places]
      .sort((a, b) => a[1].localeCompare(b[1], 'nl'))
      .map(([id, name]) =>
        group(
          'neighbourhood',
          id,
          name,
          timed.filter((t) => t.r.neighbourhoodId === id),
        ),
      ),
    ...(['medical', 'social'] as const).map((side) =>
      group(
        'side',
        side,
        side,
        timed.filter((t) => t.r.receiverSide === side),
      ),
    ),
  ];
}

/**
 * The five aims and the conditions the data can show (SPEC CH6, CH7), from rows the projections
 * and tables hold. Pure, so every figure is tested on hand-made rows, suppression included.
 */
export function aimsOf(input: AimsInput): Omit<AimsAnswer, 'from' | 'to'> & { from: string } {
  const { clients, minGroup, referrals, minutes } = input;
  const n = clients.length;
  const { quarters, from } = lastQuarters(input.now);
  const escalated = clients.filter((c) => c.escalations.length > 0);
  const settled = referrals.filter((r) => !['cancelled'].includes(r.status));
  const perClient = (total: number) => (shown(n, minGroup) && n > 0 ? round1(total / n) : null);
  const openGoals = clients.reduce((a, c) => a + c.openGoals, 0);
  const stalled = clients.reduce((a, c) => a + c.stalledGoals, 0);
  const asked = minutes.reduce((a, m) => a + m.questionsAsked, 0);
  const discussed = minutes.reduce((a, m) => a + m.questionsDiscussed, 0);
  const withService = referrals.filter((r) => r.withService);
  return {
    from,
    clients: n,
    prevention: {
      backToGreen: rate(
        escalated.filter((c) => c.signalState === 'green').length,
        escalated.length,
        minGroup,
      ),
      escalations: perQuarter(
        clients.flatMap((c) => c.escalations),
        quarters,
        n,
        minGroup,
      ),
      relapses: perQuarter(input.relapses, quarters, n, minGroup),
    },
    access: {
      groups: delayGroups(referrals, minGroup),
      reachedFirstContact: rate(settled.filter((r) => r.firstContactAt).length, settled.length, minGroup),
    },
    individualCare: {
      stalledGoals: rate(stalled, openGoals, minGroup),
      clientsWithStalledGoal: rate(clients.filter((c) => c.stalledGoals > 0).length, n, minGroup),
      questionsDiscussed: rate(discussed, asked, minGroup),
      goalsAchieved: goalsAchieved(clients, minGroup),
      ratings: ratingsOver(input.ratings, quarters, minGroup),
    },
    cost: {
      professionalsPerClient: perClient(input.teamSize),
      meetingMinutesPerClient: perClient(minutes.reduce((a, m) => a + m.usedMinutes, 0)),
      referralsPerClient: perClient(referrals.length),
    },
    conditions: {
      population: rate(input.bothSides, n, minGroup),
      knowingOffers: rate(withService.length, referrals.length, minGroup),
      earlyRecovery: rate(clients.filter((c) => c.earlyRecovery).length, n, minGroup),
      peerTraining: rate(withService.filter((r) => r.peerRun).length, withService.length, minGroup),
    },
  };
}
