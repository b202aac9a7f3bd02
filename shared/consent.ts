/**
 * A consent's life in time, as server and browsers both judge it: the client gave it on a day,
 * it holds through its last day (`validUntil`, inclusive, a UTC calendar day) unless withdrawn
 * earlier, and its period is bounded (`CONSENT_MAX_MONTHS`). Pure, so a page that stays open past
 * midnight shows an ended consent as ended without asking the server.
 */

/** How the client gave it: said it, signed it, or gave it themselves in their plan. */
export const consentWays = ['spoken', 'written', 'app'] as const;
export type ConsentWay = (typeof consentWays)[number];

export type ConsentState = 'in-force' | 'withdrawn' | 'expired';

export interface ConsentPeriod {
  validUntil: string;
  withdrawnAt: string | null;
}

/** Today as the consent rules count days (UTC), YYYY-MM-DD. */
export const consentToday = (now = new Date()): string => now.toISOString().slice(0, 10);

/** `months` calendar months after a YYYY-MM-DD day (31 Jan + 1 month is the last day of February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Withdrawn wins over ended: the list says who stopped it. A consent not yet withdrawn ends after its last day. */
export function consentState(consent: ConsentPeriod, today: string): ConsentState {
  if (consent.withdrawnAt) return 'withdrawn';
  return consent.validUntil < today ? 'expired' : 'in-force';
}

export const consentInForce = (consent: ConsentPeriod, today: string): boolean =>
  consentState(consent, today) === 'in-force';

export interface ConsentLimits {
  /** The end date offered when none is chosen: this many months after the day it was given. */
  defaultMonths: number;
  /** No consent lasts longer than this many months after the day it was given. */
  maxMonths: number;
}

/** The end date a consent gets when none was chosen. */
export const defaultValidUntil = (givenOn: string, limits: ConsentLimits): string =>
  addMonths(givenOn, limits.defaultMonths);

/**
 * What is wrong with a consent's dates, as `field: message`, or null: it was given today or
 * before (not before the limit allows it still to hold), it ends today or later, and no later
 * than `maxMonths` after it was given.
 */
export function consentPeriodProblem(
  givenOn: string,
  validUntil: string,
  today: string,
  limits: ConsentLimits,
): string | null {
  if (givenOn > today) return 'givenOn: the client cannot have given it after today';
  if (validUntil < today) return 'validUntil: must be today or later';
  if (validUntil < givenOn) return 'validUntil: must not be before the day it was given';
  const latest = addMonths(givenOn, limits.maxMonths);
  if (validUntil > latest)
    return `validUntil: a consent lasts at most ${limits.maxMonths} months (until ${latest})`;
  return null;
}
