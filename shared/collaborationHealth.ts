import { z } from 'zod';
import { idSchema, isoDateSchema } from './domain.js';

/**
 * Collaboration health (SPEC CH1–CH8): the nine conditions under which the medical and the social
 * side usually work well together (Schrijvers 2016), each asked as a few statements on a 5-point
 * scale, a short job-satisfaction pulse (aim 5), and the rule that hides groups too small to stay
 * anonymous. Shared by the scan form, the routes and the results.
 */
export const conditionIds = [
  'urgency',
  'ambition',
  'population',
  'independence',
  'building',
  'knowingOffers',
  'respect',
  'earlyRecovery',
  'peerTraining',
] as const;
export type ConditionId = (typeof conditionIds)[number];
/** The pulse is asked like a condition, but it measures aim 5 (job satisfaction). */
export type StatementGroup = ConditionId | 'pulse';

export interface Statement {
  id: string;
  group: StatementGroup;
  nl: string;
  en: string;
}

const s = (group: StatementGroup, n: number, nl: string, en: string): Statement => ({
  id: `${group}.${n}`,
  group,
  nl,
  en,
});

/** The statements in their fixed order, in plain Dutch ("je") and English. */
export const statements: readonly Statement[] = [
  s(
    'urgency',
    1,
    'Ik vind samenwerken met de andere kant echt nodig.',
    'I find working with the other side truly necessary.',
  ),
  s(
    'urgency',
    2,
    'Onze leidinggevenden en de gemeente vinden het ook dringend.',
    'Our managers and the municipality find it urgent too.',
  ),
  s('ambition', 1, 'We hebben samen een doel voor de wijk.', 'We share a goal for the neighbourhood.'),
  s(
    'ambition',
    2,
    'Beide teams geven dezelfde dingen voorrang.',
    'Both teams give priority to the same things.',
  ),
  s('population', 1, 'We werken voor dezelfde bewoners.', 'We work for the same residents.'),
  s(
    'population',
    2,
    'Ik weet welke van mijn cliënten ook bij de andere kant zijn.',
    'I know which of my clients the other side also sees.',
  ),
  s(
    'independence',
    1,
    'Ons team kan zelf beslissen, los van de gemeente.',
    'Our team can decide for itself, apart from the municipality.',
  ),
  s(
    'independence',
    2,
    'Cliënten zien ons niet als loket van de gemeente.',
    'Clients do not see us as a municipal office.',
  ),
  s(
    'building',
    1,
    'Ik werk in hetzelfde gebouw als de andere kant.',
    'I work in the same building as the other side.',
  ),
  s(
    'building',
    2,
    'Ik loop makkelijk even binnen bij een collega van de andere kant.',
    'I easily drop in on a colleague of the other side.',
  ),
  s(
    'knowingOffers',
    1,
    'Ik weet wat andere diensten en vrijwilligers bieden.',
    'I know what other services and volunteers offer.',
  ),
  s(
    'knowingOffers',
    2,
    'Ik vind snel de juiste persoon om naar te verwijzen.',
    'I quickly find the right person to refer to.',
  ),
  s(
    'respect',
    1,
    'Ik begrijp hoe de andere kant naar een cliënt kijkt.',
    'I understand how the other side looks at a client.',
  ),
  s(
    'respect',
    2,
    'De andere kant neemt mijn manier van werken serieus.',
    'The other side takes my way of working seriously.',
  ),
  s(
    'earlyRecovery',
    1,
    'Werk, geld en wonen komen al tijdens de behandeling aan bod.',
    'Work, money and housing come up during treatment already.',
  ),
  s(
    'earlyRecovery',
    2,
    'We plannen herstel samen, niet pas na de behandeling.',
    'We plan recovery together, not only after treatment.',
  ),
  s(
    'peerTraining',
    1,
    'Ik verwijs naar ervaringsdeskundigen voor hersteltraining.',
    'I refer to peer experts for recovery training.',
  ),
  s(
    'peerTraining',
    2,
    'Ervaringsdeskundigen horen bij ons netwerk.',
    'Peer experts are part of our network.',
  ),
  s('pulse', 1, 'Ik heb plezier in mijn werk.', 'I enjoy my work.'),
  s(
    'pulse',
    2,
    'De samenwerking met de andere kant geeft me energie.',
    'Working with the other side gives me energy.',
  ),
  s('pulse', 3, 'Ik heb genoeg tijd voor mijn cliënten.', 'I have enough time for my clients.'),
];
export const statementIds = statements.map((st) => st.id);

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
    /** Figures no projection holds yet: the page says so instead of loading boards. */
    notProjected: ('goalsAchievedPerLifeDomain' | 'clientRatings')[];
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
