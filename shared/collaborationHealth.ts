import { z } from 'zod';
import { idSchema, isoDateSchema } from './domain.js';
import type { LifeDomain } from './domain.js';
import { conditionIds, statementIds, type StatementGroup } from './collaborationHealthStatements.js';

/**
 * Collaboration health (SPEC CH1–CH8): what a professional answers, the rounds, the results and the
 * aims, and the rule that hides groups too small to stay anonymous. Shared by the scan form, the
 * routes and the results; the statements themselves are in collaborationHealthStatements.ts.
 */

/** The five aims of integrated care, measured from the work itself. */
export const aimIds = ['prevention', 'access', 'individualCare', 'cost', 'jobSatisfaction'] as const;
export type AimId = (typeof aimIds)[number];

/** The least number of people (or clients) a figure may be about (HEALTH_MIN_GROUP, default 5). */
export const defaultMinGroup = 5;

/**
 * The suppression rule (SPEC CH5): a figure about fewer than `minGroup` people or clients is not
 * shown. Sides are shown side by side only when both reach it, since the total and one side
 * would give away the other.
 */
export const shown = (count: number, minGroup: number): boolean => count >= minGroup;

const score = z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');

/** What a professional sends for a round: every statement answered, comments optional. */
export const answersSchema = z.object({
  scores: z
    .record(z.string(), score)
    .refine((r) => Object.keys(r).every((k) => statementIds.includes(k)), 'holds an unknown statement')
    .refine((r) => statementIds.every((k) => k in r), 'must answer every statement'),
  comments: z
    .partialRecord(z.enum(conditionIds), z.string().trim().max(500, 'must be at most 500 characters'))
    .default({}),
});
export type Answers = z.infer<typeof answersSchema>;

/** What the administrator sends to open a round. */
export const openRoundSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    districtId: idSchema,
    neighbourhoodId: idSchema.nullable().default(null),
    closesOn: isoDateSchema,
  })
  .strict();
export type OpenRound = z.infer<typeof openRoundSchema>;

export type Side = 'medical' | 'social';

export interface HealthRound {
  id: string;
  title: string;
  districtId: string;
  neighbourhoodId: string | null;
  openedAt: string;
  closesOn: string;
  status: 'open' | 'closed';
}

/** A round as a professional sees it: may they answer, and what they answered so far. */
export interface MyRound extends HealthRound {
  mine: Answers | null;
}

/** A mean and how many people it is about; `mean` null when suppressed. */
export interface Figure {
  n: number;
  mean: number | null;
}

export interface ConditionResult {
  group: StatementGroup;
  total: Figure;
  medical: Figure;
  social: Figure;
  /** Medical mean minus social mean, when both sides are shown. */
  gap: number | null;
  /** How many people gave 1…5 (all statements of the group), null when suppressed. */
  distribution: number[] | null;
  comments: string[];
}

export interface RoundResults {
  round: HealthRound;
  respondents: number;
  conditions: ConditionResult[];
  /** Conditions ordered by the largest gap between the sides first. */
  largestGaps: StatementGroup[];
}

export interface TrendPoint {
  roundId: string;
  title: string;
  closesOn: string;
  group: StatementGroup;
  total: number | null;
  medical: number | null;
  social: number | null;
}

/** A share or rate with what it is about; `value` null when the group is too small (CH5). */
export interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface QuarterRate {
  quarter: string;
  count: number;
  per100: number | null;
}

export interface Delay {
  n: number;
  median: number | null;
  p90: number | null;
}

export interface DelayGroup {
  kind: 'neighbourhood' | 'side';
  key: string;
  label: string;
  toAccepted: Delay;
  toFirstContact: Delay;
}

/**
 * The mean of the clients' own ratings (1 sad … 5 happy) in one quarter and life domain: each
 * client counts once, with their last rating of the quarter; `mean` null below the minimum.
 */
export interface RatingPoint {
  quarter: string;
  domain: LifeDomain;
  n: number;
  mean: number | null;
}

/** The aims measured from the work (SPEC CH6, CH7): SQL rows only, never a board document. */
export interface AimsAnswer {
  from: string;
  to: string;
  clients: number;
  prevention: { backToGreen: Rate; escalations: QuarterRate[]; relapses: QuarterRate[] };
  access: { groups: DelayGroup[]; reachedFirstContact: Rate };
  individualCare: {
    stalledGoals: Rate;
    clientsWithStalledGoal: Rate;
    questionsDiscussed: Rate;
    /** Achieved goals among the goals (not dropped) per life domain; hidden below the minimum of clients. */
    goalsAchieved: Record<LifeDomain, Rate>;
    /** The clients' own "how is it going" (1–5) per quarter and life domain, the last four quarters. */
    ratings: RatingPoint[];
  };
  /** Proxies for cost per client, labelled as such. */
  cost: {
    professionalsPerClient: number | null;
    meetingMinutesPerClient: number | null;
    referralsPerClient: number | null;
  };
  conditions: {
    population: Rate;
    knowingOffers: Rate;
    earlyRecovery: Rate;
    peerTraining: Rate;
  };
}

/** `GET /api/collaboration-health/overview`: a neighbourhood's or district's page. */
export interface HealthOverview {
  districtId: string;
  neighbourhoodId: string | null;
  minGroup: number;
  places: { id: string; name: string; neighbourhoods: { id: string; name: string }[] }[];
  latest: RoundResults | null;
  trend: TrendPoint[];
  aims: AimsAnswer;
}
