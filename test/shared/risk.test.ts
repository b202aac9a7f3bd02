import { describe, expect, it } from 'vitest';
import { assessRisk, escalationsOf, riskRules } from '../../shared/risk.js';
import type { RiskInput, RiskReason, SignalState } from '../../shared/risk.js';

/**
 * The caseload ranks clients by relapse risk and always shows why. Every reason must appear exactly
 * when its input says so, so a coordinator can check it against the board.
 */
const now = new Date('2026-03-31T12:00:00Z');
const ago = (days: number, hours = 0) =>
  new Date(now.getTime() - (days * 24 + hours) * 3_600_000).toISOString();

/** A client who is fine: green, seen yesterday, a written signal plan, nothing overdue or stuck. */
const calm = (overrides: Partial<RiskInput> = {}): RiskInput => ({
  state: 'green',
  escalations: [],
  overdueSteps: 0,
  stalledGoals: 0,
  lastObservationAt: ago(1),
  hasSignalPlan: true,
  ...overrides,
});

const codes = (input: RiskInput) => assessRisk(input, now).reasons.map((r) => r.code);

describe('assessRisk: each reason appears exactly when its input says so', () => {
  const cases: { why: string; input: RiskInput; reasons: RiskReason[] }[] = [
    { why: 'a calm client has no reasons at all', input: calm(), reasons: [] },
    { why: 'red says so', input: calm({ state: 'red' }), reasons: [{ code: 'state-red' }] },
    { why: 'amber says so', input: calm({ state: 'amber' }), reasons: [{ code: 'state-amber' }] },
    {
      why: 'an escalation today counts',
      input: calm({ escalations: [ago(0)] }),
      reasons: [{ code: 'recent-escalation', count: 1, days: 30 }],
    },
    {
      why: 'an escalation exactly 30 days ago still counts',
      input: calm({ escalations: [ago(30)] }),
      reasons: [{ code: 'recent-escalation', count: 1, days: 30 }],
    },
    {
      why: 'days are whole days: 30 days and 23 hours ago still counts',
      input: calm({ escalations: [ago(30, 23)] }),
      reasons: [{ code: 'recent-escalation', count: 1, days: 30 }],
    },
    {
      why: 'an escalation 31 days ago no longer counts',
      input: calm({ escalations: [ago(31)] }),
      reasons: [],
    },
    {
      why: 'only the escalations inside the window are counted',
      input: calm({ escalations: [ago(60), ago(20), ago(2)] }),
      reasons: [{ code: 'recent-escalation', count: 2, days: 30 }],
    },
    {
      why: 'one overdue step is named',
      input: calm({ overdueSteps: 1 }),
      reasons: [{ code: 'overdue-steps', count: 1 }],
    },
    {
      why: 'many overdue steps are named with their number',
      input: calm({ overdueSteps: 4 }),
      reasons: [{ code: 'overdue-steps', count: 4 }],
    },
    {
      why: 'one stalled goal is named',
      input: calm({ stalledGoals: 1 }),
      reasons: [{ code: 'stalled-goals', count: 1 }],
    },
    {
      why: 'a client nobody observed yet says so',
      input: calm({ state: null, lastObservationAt: null }),
      reasons: [{ code: 'never-observed' }],
    },
    {
      why: 'green and quiet for 28 days is still fine',
      input: calm({ lastObservationAt: ago(28) }),
      reasons: [],
    },
    {
      why: 'green and quiet for 29 days is too long',
      input: calm({ lastObservationAt: ago(29) }),
      reasons: [{ code: 'no-recent-observation', days: 29 }],
    },
    {
      why: 'amber and quiet for 7 days is still fine',
      input: calm({ state: 'amber', lastObservationAt: ago(7) }),
      reasons: [{ code: 'state-amber' }],
    },
    {
      why: 'amber and quiet for 8 days is too long',
      input: calm({ state: 'amber', lastObservationAt: ago(8) }),
      reasons: [{ code: 'state-amber' }, { code: 'no-recent-observation', days: 8 }],
    },
    {
      why: 'red and quiet for 8 days is too long',
      input: calm({ state: 'red', lastObservationAt: ago(8) }),
      reasons: [{ code: 'state-red' }, { code: 'no-recent-observation', days: 8 }],
    },
    {
      why: 'without a signal plan says so',
      input: calm({ hasSignalPlan: false }),
      reasons: [{ code: 'no-signal-plan' }],
    },
    {
      why: 'everything at once lists every reason, most telling first',
      input: {
        state: 'red',
        escalations: [ago(3)],
        overdueSteps: 3,
        stalledGoals: 2,
        lastObservationAt: ago(10),
        hasSignalPlan: false,
      },
      reasons: [
        { code: 'state-red' },
        { code: 'recent-escalation', count: 1, days: 30 },
        { code: 'overdue-steps', count: 3 },
        { code: 'stalled-goals', count: 2 },
        { code: 'no-recent-observation', days: 10 },
        { code: 'no-signal-plan' },
      ],
    },
  ];
  for (const { why, input, reasons } of cases) {
    it(why, () => {
      expect(assessRisk(input, now).reasons).toEqual(reasons);
    });
  }

  it('the thresholds are the ones the reasons are explained with', () => {
    expect(riskRules).toEqual({
      escalationWindowDays: 30,
      quietDaysAmber: 7,
      quietDaysGreen: 28,
      overdueStepsThreshold: 3,
      stalledGoalsThreshold: 2,
    });
  });

  it('nothing else than the listed inputs adds a reason (no reason without its input)', () => {
    for (const state of [null, 'green', 'amber', 'red'] as const) {
      const found = codes(calm({ state }));
      expect(found.filter((c) => c !== 'state-red' && c !== 'state-amber')).toEqual([]);
    }
  });
});

describe('assessRisk: levels at their boundaries', () => {
  const levels: { why: string; input: RiskInput; level: string; score: number }[] = [
    { why: 'calm is low', input: calm(), level: 'low', score: 0 },
    { why: 'red alone is high', input: calm({ state: 'red' }), level: 'high', score: 100 },
    { why: 'amber alone is medium', input: calm({ state: 'amber' }), level: 'medium', score: 50 },
    {
      why: 'one or two overdue steps weigh less than three',
      input: calm({ overdueSteps: 2, stalledGoals: 1 }),
      level: 'low',
      score: 10,
    },
    {
      why: 'just under medium (35) is low',
      input: calm({ overdueSteps: 3, lastObservationAt: null, hasSignalPlan: false }),
      level: 'low',
      score: 35,
    },
    {
      why: 'exactly 40 is medium',
      input: calm({ overdueSteps: 3, stalledGoals: 2, hasSignalPlan: false }),
      level: 'medium',
      score: 40,
    },
    {
      why: 'just under high (85) is medium',
      input: calm({ state: 'amber', escalations: [ago(1)], overdueSteps: 3 }),
      level: 'medium',
      score: 85,
    },
    {
      why: 'exactly 90 is high',
      input: calm({ state: 'amber', escalations: [ago(1)], overdueSteps: 3, stalledGoals: 1 }),
      level: 'high',
      score: 90,
    },
    {
      why: 'green and too quiet weighs less than amber and too quiet',
      input: calm({ lastObservationAt: ago(40) }),
      level: 'low',
      score: 10,
    },
    {
      why: 'amber and too quiet is close to high',
      input: calm({ state: 'amber', lastObservationAt: ago(9) }),
      level: 'medium',
      score: 75,
    },
    {
      why: 'each recent escalation adds up',
      input: calm({ escalations: [ago(1), ago(2)] }),
      level: 'medium',
      score: 40,
    },
  ];
  for (const { why, input, level, score } of levels) {
    it(`${why} (${score})`, () => {
      expect(assessRisk(input, now)).toMatchObject({ level, score });
    });
  }

  it('a riskier situation never scores lower (sorting the caseload by score is meaningful)', () => {
    const ladder: RiskInput[] = [
      calm(),
      calm({ stalledGoals: 1 }),
      calm({ state: 'amber' }),
      calm({ state: 'amber', escalations: [ago(1)] }),
      calm({ state: 'red', escalations: [ago(1)] }),
      calm({ state: 'red', escalations: [ago(1)], overdueSteps: 5 }),
    ];
    const scores = ladder.map((input) => assessRisk(input, now).score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });
});

describe('escalationsOf: when the state got worse', () => {
  const o = (day: number, state: SignalState) => ({ at: `2026-03-${String(day).padStart(2, '0')}`, state });
  const cases: { why: string; observations: { at: string; state: SignalState }[]; expected: string[] }[] = [
    { why: 'no observations, no escalations', observations: [], expected: [] },
    { why: 'staying green is none', observations: [o(1, 'green'), o(2, 'green')], expected: [] },
    {
      why: 'green → amber → red is two',
      observations: [o(1, 'green'), o(2, 'amber'), o(3, 'red')],
      expected: ['2026-03-02', '2026-03-03'],
    },
    {
      why: 'green → red at once is one',
      observations: [o(1, 'green'), o(2, 'red')],
      expected: ['2026-03-02'],
    },
    {
      why: 'getting better is none',
      observations: [o(1, 'green'), o(2, 'red'), o(3, 'amber'), o(4, 'green')],
      expected: ['2026-03-02'],
    },
    {
      why: 'red → amber → red again counts the second rise',
      observations: [o(1, 'red'), o(2, 'amber'), o(3, 'red')],
      expected: ['2026-03-01', '2026-03-03'],
    },
    {
      why: 'amber twice is one rise',
      observations: [o(1, 'amber'), o(2, 'amber')],
      expected: ['2026-03-01'],
    },
    // The board is green before anything was observed, and the first amber is notified as a move
    // to amber, so it is an escalation too.
    {
      why: 'a first observation at amber is an escalation',
      observations: [o(1, 'amber')],
      expected: ['2026-03-01'],
    },
    { why: 'a first observation at green is not', observations: [o(1, 'green')], expected: [] },
  ];
  for (const { why, observations, expected } of cases) {
    it(why, () => {
      expect(escalationsOf(observations)).toEqual(expected);
    });
  }
});
