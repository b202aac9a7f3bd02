import { localToday } from '../../shared/attention.js';
import { assessRisk, riskRules } from '../../shared/risk.js';
import type { Risk, SignalState } from '../../shared/risk.js';
import { countOverdue } from '../../shared/summary.js';

/** The inputs of risk a summary row keeps (absent row: nothing observed, planned or due). */
export interface RiskSummary {
  signalState: SignalState | null;
  /** JSON lists, as stored. */
  openStepDueDates: string | null;
  escalations: string | null;
  stalledGoals: number | null;
  hasSignalPlan: number | null;
  lastObservationAt: string | null;
}

export const noSummary: RiskSummary = {
  signalState: null,
  openStepDueDates: null,
  escalations: null,
  stalledGoals: null,
  hasSignalPlan: null,
  lastObservationAt: null,
};

const dayMs = 86_400_000;
const parseList = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

/** The risk of a summary row on the day of `now`, with the overdue steps counted on that day. */
export function riskOf(summary: RiskSummary, now: Date): Risk & { overdueSteps: number } {
  const overdueSteps = countOverdue(parseList(summary.openStepDueDates), localToday(now));
  const risk = assessRisk(
    {
      state: summary.signalState,
      escalations: parseList(summary.escalations),
      overdueSteps,
      stalledGoals: summary.stalledGoals ?? 0,
      lastObservationAt: summary.lastObservationAt,
      hasSignalPlan: summary.hasSignalPlan === 1,
    },
    now,
  );
  return { ...risk, overdueSteps };
}

/** The score of a case without a summary row (nobody opened its board yet). */
export const unsummarizedScore = riskOf(noSummary, new Date(0)).score;

/**
 * The moments after `now` at which a time-dependent part of assessRisk flips: an escalation
 * leaving its window (its day count passes escalationWindowDays), a due date passing (the local
 * day after it begins, as countOverdue counts), the quiet-days limit since the last observation.
 */
function flips(summary: RiskSummary, now: Date): number[] {
  const at: number[] = [];
  for (const escalation of parseList(summary.escalations))
    at.push(Date.parse(escalation) + (riskRules.escalationWindowDays + 1) * dayMs);
  for (const due of parseList(summary.openStepDueDates)) {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due);
    if (day) at.push(new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1).getTime());
  }
  if (summary.lastObservationAt !== null) {
    const green = summary.signalState === 'green' || summary.signalState === null;
    const limit = green ? riskRules.quietDaysGreen : riskRules.quietDaysAmber;
    at.push(Date.parse(summary.lastObservationAt) + (limit + 1) * dayMs);
  }
  return at.filter((t) => t > now.getTime()).sort((a, b) => a - b);
}

/**
 * The score now and until when it holds: the first flip at which assessRisk scores differently
 * (flips that leave the score as it is, e.g. a fourth overdue step, do not end it); null when no
 * flip is left. Between two flips nothing assessRisk reads changes, so the score is exact.
 */
export function scoreWithValidity(
  summary: RiskSummary,
  now: Date,
): { score: number; validUntil: string | null } {
  const score = riskOf(summary, now).score;
  for (const at of flips(summary, now)) {
    if (riskOf(summary, new Date(at)).score !== score)
      return { score, validUntil: new Date(at).toISOString() };
  }
  return { score, validUntil: null };
}

/** The risk inputs of a stored summary row (its column names). */
export const riskSummaryOf = (row: {
  signal_state: SignalState | null;
  open_step_due_dates: string;
  escalations: string;
  stalled_goals: number;
  has_signal_plan: number;
  last_observation_at: string | null;
}): RiskSummary => ({
  signalState: row.signal_state,
  openStepDueDates: row.open_step_due_dates,
  escalations: row.escalations,
  stalledGoals: row.stalled_goals,
  hasSignalPlan: row.has_signal_plan,
  lastObservationAt: row.last_observation_at,
});
