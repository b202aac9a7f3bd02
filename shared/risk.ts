/**
 * Relapse risk per client, derived from reasons a coordinator can check: the current signal
 * state, recent escalations, overdue steps, stalled goals and how long nobody looked. Pure, so the
 * caseload, the board and the tests compute it the same way; the dashboard always shows why.
 */
export const signalStates = ['green', 'amber', 'red'] as const;
export type SignalState = (typeof signalStates)[number];

export type RiskLevel = 'low' | 'medium' | 'high';

export type RiskReason =
  | { code: 'state-red' }
  | { code: 'state-amber' }
  | { code: 'no-signal-plan' }
  | { code: 'recent-escalation'; count: number; days: number }
  | { code: 'overdue-steps'; count: number }
  | { code: 'stalled-goals'; count: number }
  | { code: 'no-recent-observation'; days: number }
  | { code: 'never-observed' };

export interface RiskInput {
  /** The state of the latest observation; null when nothing was observed yet. */
  state: SignalState | null;
  /** When the state got worse (green→amber, amber→red, green→red), newest last. */
  escalations: readonly string[];
  overdueSteps: number;
  stalledGoals: number;
  /** The latest observation or contact, as an ISO time; null when never. */
  lastObservationAt: string | null;
  /** Whether a signal plan (signs per state) has been written. */
  hasSignalPlan: boolean;
}

export interface Risk {
  level: RiskLevel;
  /** Higher is more urgent; for sorting the caseload. */
  score: number;
  reasons: RiskReason[];
}

export const riskRules = {
  escalationWindowDays: 30,
  quietDaysAmber: 7,
  quietDaysGreen: 28,
  overdueStepsThreshold: 3,
  stalledGoalsThreshold: 2,
} as const;

const days = (from: string, now: Date) => Math.floor((now.getTime() - Date.parse(from)) / 86_400_000);

/** Weights: red alone is high; amber alone is medium; the rest add up. */
export function assessRisk(input: RiskInput, now = new Date()): Risk {
  const reasons: RiskReason[] = [];
  let score = 0;
  if (input.state === 'red') {
    reasons.push({ code: 'state-red' });
    score += 100;
  } else if (input.state === 'amber') {
    reasons.push({ code: 'state-amber' });
    score += 50;
  }
  const recent = input.escalations.filter((at) => days(at, now) <= riskRules.escalationWindowDays);
  if (recent.length > 0) {
    reasons.push({ code: 'recent-escalation', count: recent.length, days: riskRules.escalationWindowDays });
    score += 20 * recent.length;
  }
  if (input.overdueSteps >= riskRules.overdueStepsThreshold) {
    reasons.push({ code: 'overdue-steps', count: input.overdueSteps });
    score += 15;
  } else if (input.overdueSteps > 0) {
    reasons.push({ code: 'overdue-steps', count: input.overdueSteps });
    score += 5;
  }
  if (input.stalledGoals >= riskRules.stalledGoalsThreshold) {
    reasons.push({ code: 'stalled-goals', count: input.stalledGoals });
    score += 15;
  } else if (input.stalledGoals > 0) {
    reasons.push({ code: 'stalled-goals', count: input.stalledGoals });
    score += 5;
  }
  if (input.lastObservationAt === null) {
    reasons.push({ code: 'never-observed' });
    score += 10;
  } else {
    const quiet = days(input.lastObservationAt, now);
    const limit =
      input.state === 'green' || input.state === null ? riskRules.quietDaysGreen : riskRules.quietDaysAmber;
    if (quiet > limit) {
      reasons.push({ code: 'no-recent-observation', days: quiet });
      score += input.state === 'green' ? 10 : 25;
    }
  }
  if (!input.hasSignalPlan) {
    reasons.push({ code: 'no-signal-plan' });
    score += 10;
  }
  const level: RiskLevel = score >= 90 ? 'high' : score >= 40 ? 'medium' : 'low';
  return { level, score, reasons };
}

/**
 * Times at which the state got worse, from the observations in time order. Before the first
 * observation a client counts as green, as for notifications: a first amber is a move to amber.
 */
export function escalationsOf(observations: readonly { at: string; state: SignalState }[]): string[] {
  const rank = { green: 0, amber: 1, red: 2 } as const;
  const result: string[] = [];
  let previous: SignalState = 'green';
  for (const o of observations) {
    if (rank[o.state] > rank[previous]) result.push(o.at);
    previous = o.state;
  }
  return result;
}
