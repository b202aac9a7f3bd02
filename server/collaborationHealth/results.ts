import { shown } from '../../shared/collaborationHealth.js';
import type {
  ConditionResult,
  Figure,
  HealthRound,
  RoundResults,
  Side,
  TrendPoint,
} from '../../shared/collaborationHealth.js';
import { conditionIds, statements, type StatementGroup } from '../../shared/collaborationHealthStatements.js';

/** One score as stored: who gave it is reduced to an opaque key and their side. */
export interface ScoreRow {
  respondent: string;
  side: Side;
  statementId: string;
  score: number;
}

export interface CommentRow {
  respondent: string;
  conditionId: string;
  text: string;
}

const groups: StatementGroup[] = [...conditionIds, 'pulse'];
const groupOf = new Map(statements.map((s) => [s.id, s.group]));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** A mean over people: each person's mean of the group's statements, then the mean of those (CH4). */
function figure(rows: readonly ScoreRow[], minGroup: number): Figure {
  const perPerson = new Map<string, number[]>();
  for (const r of rows) perPerson.set(r.respondent, [...(perPerson.get(r.respondent) ?? []), r.score]);
  const means = [...perPerson.values()].map((xs) => xs.reduce((a, b) => a + b, 0) / xs.length);
  const n = means.length;
  return { n, mean: shown(n, minGroup) ? round2(means.reduce((a, b) => a + b, 0) / n) : null };
}

/**
 * Results of one round per condition (SPEC CH4, CH5): the total and each side, shown only when
 * enough people answered; the sides only when both reach the minimum (else the total and one side
 * would give the other away); the comments of a condition only when its total is shown, sorted so
 * their order says nothing about who wrote them.
 */
export function roundResults(
  round: HealthRound,
  scores: readonly ScoreRow[],
  comments: readonly CommentRow[],
  minGroup: number,
): RoundResults {
  const respondents = new Set(scores.map((r) => r.respondent)).size;
  const conditions: ConditionResult[] = groups.map((group) => {
    const rows = scores.filter((r) => groupOf.get(r.statementId) === group);
    const total = figure(rows, minGroup);
    let medical = figure(
      rows.filter((r) => r.side === 'medical'),
      minGroup,
    );
    let social = figure(
      rows.filter((r) => r.side === 'social'),
      minGroup,
    );
    if (medical.mean === null || social.mean === null) {
      medical = { n: medical.n, mean: null };
      social = { n: social.n, mean: null };
    }
    const distribution =
      total.mean === null ? null : [1, 2, 3, 4, 5].map((v) => rows.filter((r) => r.score === v).length);
    return {
      group,
      total,
      medical,
      social,
      gap: medical.mean !== null && social.mean !== null ? round2(medical.mean - social.mean) : null,
      distribution,
      comments:
        total.mean === null || group === 'pulse'
          ? []
          : comments
              .filter((c) => c.conditionId === group && c.text.trim() !== '')
              .map((c) => c.text.trim())
              .sort((a, b) => a.localeCompare(b, 'nl')),
    };
  });
  const largestGaps = conditions
    .filter((c) => c.gap !== null && c.group !== 'pulse')
    .sort((a, b) => Math.abs(b.gap!) - Math.abs(a.gap!))
    .map((c) => c.group);
  return { round, respondents, conditions, largestGaps };
}

/** The means of every round, oldest first, for the trend lines (suppressed points are null). */
export function trendOf(results: readonly RoundResults[]): TrendPoint[] {
  return [...results]
    .sort((a, b) => a.round.closesOn.localeCompare(b.round.closesOn))
    .flatMap((r) =>
      r.conditions.map((c) => ({
        roundId: r.round.id,
        title: r.round.title,
        closesOn: r.round.closesOn,
        group: c.group,
        total: c.total.mean,
        medical: c.medical.mean,
        social: c.social.mean,
      })),
    );
}
