import { describe, expect, it } from 'vitest';
import { statements } from '../../../shared/collaborationHealthStatements.js';
import type { HealthRound, Side } from '../../../shared/collaborationHealth.js';
import { roundResults, trendOf } from '../../../server/collaborationHealth/results.js';
import type { ScoreRow } from '../../../server/collaborationHealth/results.js';

const round = (id = 'r1', closesOn = '2026-06-30'): HealthRound => ({
  id,
  title: id,
  districtId: 'd1',
  neighbourhoodId: null,
  openedAt: '2026-06-01T00:00:00Z',
  closesOn,
  status: 'closed',
});

/** Everyone answers every statement with the same score; people named by side and number. */
const people = (side: Side, scores: number[]): ScoreRow[] =>
  scores.flatMap((score, i) =>
    statements.map((s) => ({ respondent: `${side}-${i}`, side, statementId: s.id, score })),
  );
const condition = (results: ReturnType<typeof roundResults>, group: string) =>
  results.conditions.find((c) => c.group === group)!;

describe('[CH4] results per condition: the two sides side by side', () => {
  it('gives the mean of the people of each side and where they differ most', () => {
    const rows = [...people('medical', [4, 4, 5, 5, 4]), ...people('social', [2, 2, 3, 3, 2])];
    // Make respect differ most: the social side scores it 1.
    const skewed = rows.map((r) =>
      r.side === 'social' && r.statementId.startsWith('respect') ? { ...r, score: 1 } : r,
    );
    const results = roundResults(round(), skewed, [], 5);
    expect(results.respondents).toBe(10);
    const urgency = condition(results, 'urgency');
    expect(urgency.medical).toEqual({ n: 5, mean: 4.4 });
    expect(urgency.social).toEqual({ n: 5, mean: 2.4 });
    expect(urgency.total).toEqual({ n: 10, mean: 3.4 });
    expect(urgency.gap).toBe(2);
    expect(urgency.distribution).toEqual([0, 6, 4, 6, 4]);
    expect(results.largestGaps[0]).toBe('respect');
    expect(results.largestGaps).not.toContain('pulse');
  });

  it("takes each person's mean over a condition's statements first", () => {
    const rows = people('medical', [3, 3, 3, 3, 3]).map((r) =>
      r.respondent === 'medical-0' && r.statementId === 'urgency.1' ? { ...r, score: 5 } : r,
    );
    expect(condition(roundResults(round(), rows, [], 5), 'urgency').total).toEqual({ n: 5, mean: 3.2 });
  });
});

describe('[CH5] small groups are not shown', () => {
  const cases: [string, number[], number[], number, { total: boolean; sides: boolean }][] = [
    ['fewer than five in all', [4, 4], [2, 2], 5, { total: false, sides: false }],
    ['five in all, one side small', [4, 4, 4, 4], [2], 5, { total: true, sides: false }],
    ['both sides five', [4, 4, 4, 4, 4], [2, 2, 2, 2, 2], 5, { total: true, sides: true }],
    ['a configured minimum of three', [4, 4, 4], [2, 2, 2], 3, { total: true, sides: true }],
  ];
  for (const [name, medical, social, minGroup, expected] of cases) {
    it(name, () => {
      const c = condition(
        roundResults(round(), [...people('medical', medical), ...people('social', social)], [], minGroup),
        'ambition',
      );
      expect(c.total.mean !== null).toBe(expected.total);
      expect(c.distribution !== null).toBe(expected.total);
      expect(c.medical.mean !== null).toBe(expected.sides);
      expect(c.social.mean !== null).toBe(expected.sides);
      expect(c.gap !== null).toBe(expected.sides);
    });
  }

  it('shows comments only with a shown total, sorted, never who wrote them', () => {
    const comments = [
      { respondent: 'social-0', conditionId: 'building', text: 'Zij zitten aan de overkant.' },
      { respondent: 'medical-1', conditionId: 'building', text: ' Andere locatie ' },
    ];
    const few = roundResults(round(), people('medical', [3, 3]), comments, 5);
    expect(condition(few, 'building').comments).toEqual([]);
    const enough = roundResults(round(), people('medical', [3, 3, 3, 3, 3]), comments, 5);
    expect(condition(enough, 'building').comments).toEqual(['Andere locatie', 'Zij zitten aan de overkant.']);
  });
});

describe('[CH4] trend over rounds', () => {
  it('lists the rounds oldest first, a suppressed point as null', () => {
    const older = roundResults(round('r0', '2026-01-31'), people('medical', [2, 2, 2, 2, 2]), [], 5);
    const newer = roundResults(round('r1', '2026-06-30'), people('medical', [4, 4]), [], 5);
    const pulse = trendOf([newer, older]).filter((p) => p.group === 'pulse');
    expect(pulse.map((p) => [p.roundId, p.total])).toEqual([
      ['r0', 2],
      ['r1', null],
    ]);
  });
});
