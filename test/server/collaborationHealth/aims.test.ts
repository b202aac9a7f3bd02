import { describe, expect, it } from 'vitest';
import { aimsOf, delay, lastQuarters, percentile, rate } from '../../../server/collaborationHealth/aims.js';
import type {
  AimsInput,
  ClientRow,
  RatingRow,
  ReferralRow,
} from '../../../server/collaborationHealth/aims.js';

const now = new Date('2026-11-15T12:00:00Z');
const client = (overrides: Partial<ClientRow> = {}): ClientRow => ({
  signalState: 'green',
  escalations: [],
  stalledGoals: 0,
  openGoals: 2,
  earlyRecovery: false,
  goals: null,
  ...overrides,
});
const referral = (overrides: Partial<ReferralRow> = {}): ReferralRow => ({
  neighbourhoodId: 'n1',
  neighbourhoodName: 'Centrum',
  receiverSide: 'social',
  withService: false,
  peerRun: false,
  status: 'in-progress',
  requestedAt: '2026-11-02T09:00:00Z', // a Monday
  acceptedAt: '2026-11-03T09:00:00Z',
  firstContactAt: '2026-11-06T09:00:00Z',
  ...overrides,
});
const input = (overrides: Partial<AimsInput> = {}): AimsInput => ({
  now,
  minGroup: 5,
  clients: Array.from({ length: 10 }, () => client()),
  teamSize: 30,
  bothSides: 6,
  relapses: [],
  referrals: [],
  minutes: [],
  ratings: [],
  ...overrides,
});

describe('[CH6] the aims from the work, figure by figure', () => {
  it('quarters: the four up to now', () => {
    expect(lastQuarters(now)).toEqual({
      quarters: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
      from: '2026-01-01T00:00:00.000Z',
    });
  });

  it('percentiles by nearest rank', () => {
    const cases: [number[], number, number | null][] = [
      [[], 50, null],
      [[1, 2, 3, 4, 5], 50, 3],
      [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
      [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    ];
    for (const [values, p, expected] of cases) expect(percentile(values, p)).toBe(expected);
  });

  it('prevention: back to green, escalations and relapses per 100 clients per quarter', () => {
    const clients = [
      ...Array.from({ length: 4 }, () =>
        client({ escalations: ['2026-08-01T00:00:00Z'], signalState: 'green' }),
      ),
      client({ escalations: ['2026-10-01T00:00:00Z', '2026-10-20T00:00:00Z'], signalState: 'red' }),
      ...Array.from({ length: 5 }, () => client()),
    ];
    const aims = aimsOf(input({ clients, relapses: ['2026-10-05T00:00:00Z'] }));
    expect(aims.prevention.backToGreen).toEqual({ numerator: 4, denominator: 5, value: 80 });
    expect(aims.prevention.escalations.map((q) => q.per100)).toEqual([0, 0, 40, 20]);
    expect(aims.prevention.relapses.at(-1)).toEqual({ quarter: '2026-Q4', count: 1, per100: 10 });
  });

  it('access: delay in working days, median and p90 per neighbourhood and side', () => {
    const referrals = [
      ...Array.from({ length: 5 }, () => referral()),
      referral({ acceptedAt: '2026-11-09T09:00:00Z', firstContactAt: null, status: 'accepted' }),
      referral({ receiverSide: 'medical', acceptedAt: null, firstContactAt: null, status: 'requested' }),
    ];
    const { access } = aimsOf(input({ referrals }));
    const social = access.groups.find((g) => g.kind === 'side' && g.key === 'social')!;
    expect(social.toAccepted).toEqual({ n: 6, median: 1, p90: 5 });
    expect(social.toFirstContact).toEqual({ n: 5, median: 4, p90: 4 });
    const medical = access.groups.find((g) => g.kind === 'side' && g.key === 'medical')!;
    expect(medical.toAccepted).toEqual({ n: 0, median: null, p90: null });
    expect(access.groups[0]).toMatchObject({ kind: 'neighbourhood', label: 'Centrum' });
    expect(access.reachedFirstContact).toEqual({ numerator: 5, denominator: 7, value: 71.4 });
  });

  it('individual care and the cost proxies', () => {
    const clients = [client({ stalledGoals: 1, openGoals: 4 }), ...Array.from({ length: 9 }, () => client())];
    const minutes = [
      { usedMinutes: 20, questionsAsked: 2, questionsDiscussed: 1 },
      { usedMinutes: 30, questionsAsked: 3, questionsDiscussed: 3 },
    ];
    const aims = aimsOf(input({ clients, minutes, referrals: [referral(), referral()] }));
    expect(aims.individualCare.stalledGoals).toEqual({ numerator: 1, denominator: 22, value: 4.5 });
    expect(aims.individualCare.clientsWithStalledGoal.value).toBe(10);
    expect(aims.individualCare.questionsDiscussed).toEqual({ numerator: 4, denominator: 5, value: 80 });
    expect(aims.cost).toEqual({
      professionalsPerClient: 3,
      meetingMinutesPerClient: 5,
      referralsPerClient: 0.2,
    });
  });

  it('goals achieved per life domain, hidden while fewer clients than the minimum have one there', () => {
    const goals = (housing: [number, number], work: [number, number]): ClientRow['goals'] => ({
      care: { goals: 0, achieved: 0 },
      housing: { goals: housing[0], achieved: housing[1] },
      income: { goals: 0, achieved: 0 },
      work: { goals: work[0], achieved: work[1] },
    });
    const clients = [
      ...Array.from({ length: 4 }, () => client({ goals: goals([2, 1], [1, 1]) })),
      client({ goals: goals([1, 0], [0, 0]) }),
      // Projected before the summary held goals: counts for nothing rather than for zero.
      client({ goals: null }),
    ];
    const { goalsAchieved } = aimsOf(input({ clients })).individualCare;
    expect(goalsAchieved.housing).toEqual({ numerator: 4, denominator: 9, value: 44.4 });
    // Four clients have a work goal, one short of the minimum: the count stays, the share goes.
    expect(goalsAchieved.work).toEqual({ numerator: 4, denominator: 4, value: null });
    expect(goalsAchieved.care).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it("the clients' own ratings per quarter: each client's last one counts, hidden below the minimum", () => {
    const rated = (
      caseId: string,
      score: number,
      ratedAt: string,
      domain: RatingRow['domain'] = 'housing',
    ) => ({
      caseId,
      domain,
      score,
      ratedAt,
    });
    const ratings = [
      // c1 rated twice in Q4: only the later 4 counts.
      rated('c1', 1, '2026-10-02T09:00:00Z'),
      rated('c1', 4, '2026-11-01T09:00:00Z'),
      ...['c2', 'c3', 'c4', 'c5'].map((c) => rated(c, 3, '2026-10-10T09:00:00Z')),
      // Q3 has three clients: too few.
      ...['c1', 'c2', 'c3'].map((c) => rated(c, 5, '2026-08-10T09:00:00Z')),
      rated('c1', 2, '2026-11-02T09:00:00Z', 'work'),
    ];
    const points = aimsOf(input({ ratings })).individualCare.ratings;
    expect(points).toHaveLength(16);
    const at = (quarter: string, domain: string) =>
      points.find((p) => p.quarter === quarter && p.domain === domain);
    expect(at('2026-Q4', 'housing')).toEqual({ quarter: '2026-Q4', domain: 'housing', n: 5, mean: 3.2 });
    expect(at('2026-Q3', 'housing')).toEqual({ quarter: '2026-Q3', domain: 'housing', n: 3, mean: null });
    expect(at('2026-Q4', 'work')).toMatchObject({ n: 1, mean: null });
  });

  it('[CH7] the conditions the data can show', () => {
    const referrals = [
      ...Array.from({ length: 3 }, () => referral({ withService: true, peerRun: true })),
      ...Array.from({ length: 2 }, () => referral({ withService: true })),
      ...Array.from({ length: 5 }, () => referral()),
    ];
    const clients = [
      ...Array.from({ length: 3 }, () => client({ earlyRecovery: true })),
      ...Array.from({ length: 7 }, () => client()),
    ];
    const { conditions } = aimsOf(input({ referrals, clients }));
    expect(conditions.population.value).toBe(60);
    expect(conditions.knowingOffers.value).toBe(50);
    expect(conditions.earlyRecovery.value).toBe(30);
    expect(conditions.peerTraining).toEqual({ numerator: 3, denominator: 5, value: 60 });
  });
});

describe('[CH5] small groups of clients or referrals are not shown', () => {
  it('hides a share, a delay and a rate about fewer than the minimum', () => {
    expect(rate(1, 4, 5).value).toBeNull();
    expect(rate(1, 5, 5).value).toBe(20);
    expect(delay([1, 2, 3, 4], 5)).toEqual({ n: 4, median: null, p90: null });
    const aims = aimsOf(input({ clients: [client(), client(), client()] }));
    expect(aims.prevention.escalations.every((q) => q.per100 === null)).toBe(true);
    expect(aims.cost.professionalsPerClient).toBeNull();
    expect(aims.conditions.population.value).toBeNull();
  });
});
