import { describe, expect, it } from 'vitest';
import {
  noSummary,
  riskOf,
  scoreWithValidity,
  unsummarizedScore,
} from '../../../server/caseload/riskScore.js';
import type { RiskSummary } from '../../../server/caseload/riskScore.js';
import { assessRisk } from '../../../shared/risk.js';

/**
 * The stored risk score and until when it holds: the caseload sorts on it, so it must change
 * exactly when time alone changes what assessRisk says, and never hold past that moment.
 */
const t0 = new Date('2026-06-01T12:00:00.000Z');
const day = 86_400_000;
const at = (days: number) => new Date(t0.getTime() + days * day);
/** The start of a local day, as countOverdue counts days (the server's time zone). */
const localMidnight = (y: number, m: number, d: number) => new Date(y, m - 1, d).toISOString();

const summary = (overrides: Partial<RiskSummary>): RiskSummary => ({
  ...noSummary,
  hasSignalPlan: 1,
  ...overrides,
});

describe('a score holds until time alone changes it', () => {
  const cases: [name: string, input: RiskSummary, score: number, validUntil: string | null][] = [
    ['nothing time-dependent: never observed, nothing due', summary({}), 10, null],
    [
      'an escalation leaves its 30-day window after 31 days',
      summary({
        signalState: 'green', // amber, then green again
        escalations: JSON.stringify([at(-10).toISOString()]),
        lastObservationAt: t0.toISOString(),
      }),
      20,
      at(-10 + 31).toISOString(),
    ],
    [
      'a due date passes when the local day after it begins',
      summary({
        openStepDueDates: JSON.stringify(['2026-06-03']),
        lastObservationAt: t0.toISOString(),
        signalState: 'green',
      }),
      0,
      localMidnight(2026, 6, 4),
    ],
    [
      'a green client grows quiet after 28 days',
      summary({ signalState: 'green', lastObservationAt: at(-3).toISOString() }),
      0,
      at(-3 + 29).toISOString(),
    ],
    [
      'an amber client grows quiet after 7 days, before its escalation leaves the window',
      summary({
        signalState: 'amber',
        escalations: JSON.stringify([at(-3).toISOString()]),
        lastObservationAt: at(-3).toISOString(),
      }),
      70,
      at(-3 + 8).toISOString(),
    ],
    [
      'a second overdue step scores as one: the third ends the score',
      summary({
        signalState: 'green',
        lastObservationAt: t0.toISOString(),
        openStepDueDates: JSON.stringify(['2026-05-30', '2026-06-02', '2026-06-05']),
      }),
      5,
      localMidnight(2026, 6, 6),
    ],
    ['a case without a summary row', noSummary, unsummarizedScore, null],
  ];
  for (const [name, input, score, validUntil] of cases) {
    it(name, () => {
      expect(scoreWithValidity(input, t0)).toEqual({ score, validUntil });
    });
  }

  it('the score of a case without a row is assessRisk of nothing at all', () => {
    const nothing = {
      state: null,
      escalations: [],
      overdueSteps: 0,
      stalledGoals: 0,
      lastObservationAt: null,
      hasSignalPlan: false,
    };
    expect(unsummarizedScore).toBe(assessRisk(nothing, t0).score);
  });

  it('hour by hour the score is the same until the moment it names, and differs then', () => {
    const mixes: RiskSummary[] = [
      summary({
        signalState: 'red',
        escalations: JSON.stringify([at(-29.5).toISOString(), at(-10).toISOString()]),
        lastObservationAt: at(-5).toISOString(),
        openStepDueDates: JSON.stringify(['2026-06-02', '2026-06-04', '2026-06-04', '2026-06-20']),
        stalledGoals: 1,
      }),
      summary({
        signalState: null,
        lastObservationAt: at(-27.9).toISOString(),
        openStepDueDates: '["2026-06-01"]',
      }),
      summary({ signalState: 'amber', hasSignalPlan: 0, lastObservationAt: at(-6.2).toISOString() }),
    ];
    for (const input of mixes) {
      let now = t0;
      for (let turn = 0; turn < 6; turn++) {
        const { score, validUntil } = scoreWithValidity(input, now);
        if (validUntil === null) break;
        const until = Date.parse(validUntil);
        for (let t = now.getTime(); t < until; t += 3_600_000)
          expect(riskOf(input, new Date(t)).score).toBe(score);
        expect(riskOf(input, new Date(until - 1)).score).toBe(score);
        expect(riskOf(input, new Date(until)).score).not.toBe(score);
        now = new Date(until);
      }
    }
  });
});
