/**
 * Referral to a person (SPEC RF1–RF8): a professional refers the client to one named person of the
 * other team or of a service's organisation, never to a team or an inbox, and the loop closes with
 * times. The statuses are FHIR Task's (`requested`, `accepted`, `rejected`, `in-progress`,
 * `completed`, `cancelled`, `failed`), so an export carries them as they are.
 */

export const referralStatuses = [
  'requested',
  'accepted',
  'rejected',
  'in-progress',
  'completed',
  'cancelled',
  'failed',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Statuses after which nothing changes any more. */
export const finalStatuses: readonly ReferralStatus[] = ['rejected', 'completed', 'cancelled', 'failed'];

export const urgencies = ['routine', 'soon', 'urgent'] as const;
export type Urgency = (typeof urgencies)[number];

/** Why a receiver turns a referral down. */
export const rejectReasons = ['no-capacity', 'not-eligible', 'other-better-placed', 'other'] as const;
/** Why a referral that was taken on did not reach its end. */
export const failReasons = ['could-not-contact', 'client-declined', 'no-longer-needed', 'other'] as const;
/** Why the referrer called it off. */
export const cancelReasons = ['no-longer-needed', 'client-declined', 'sent-in-error', 'other'] as const;
export type RejectReason = (typeof rejectReasons)[number];
export type FailReason = (typeof failReasons)[number];
export type CancelReason = (typeof cancelReasons)[number];

/** A step of the loop, by whom it may be taken and what it needs. */
export type ReferralStep =
  | { to: 'accepted' }
  | { to: 'rejected'; reason: RejectReason }
  | { to: 'in-progress' }
  | { to: 'completed' }
  | { to: 'failed'; reason: FailReason }
  | { to: 'cancelled'; reason: CancelReason };

/** Who takes a step: the person referred to, or the one who referred (or the case's coordinator). */
export type ReferralRole = 'receiver' | 'referrer';

/**
 * The closed loop: which status may follow which, and whose step it is. The receiver accepts or
 * rejects, records the first contact with the client (in-progress), completes or reports that it
 * failed; the referrer (or the coordinator) may cancel until it is done.
 */
export const referralSteps: Record<ReferralStatus, Partial<Record<ReferralStatus, ReferralRole>>> = {
  requested: { accepted: 'receiver', rejected: 'receiver', cancelled: 'referrer' },
  accepted: { 'in-progress': 'receiver', failed: 'receiver', cancelled: 'referrer' },
  'in-progress': { completed: 'receiver', failed: 'receiver', cancelled: 'referrer' },
  rejected: {},
  completed: {},
  cancelled: {},
  failed: {},
};

/** Whether `role` may move a referral from `from` to `to`; the reason when not. */
export function stepProblem(from: ReferralStatus, to: ReferralStatus, role: ReferralRole): string | null {
  const whose = referralSteps[from][to];
  if (!whose) return `a referral that is ${from} cannot become ${to}`;
  if (whose !== role)
    return `only the ${whose === 'receiver' ? 'person referred to' : 'referrer'} may make it ${to}`;
  return null;
}

/** One moment of the loop. */
export interface ReferralEvent {
  status: ReferralStatus;
  at: string;
  /** The professional who took the step. */
  byProfessionalId: string | null;
  reason: string | null;
  note: string;
}

export interface ReferralPerson {
  id: string;
  name: string;
  roleTitle: string;
  organisation: string | null;
  side: 'medical' | 'social';
  phone: string | null;
  email: string | null;
}

/** What the referral carries from a compartment, and on which consent; null carries nothing. */
export interface ReferralCarries {
  compartment: 'medical' | 'social';
  consentId: string;
}

export interface Referral {
  id: string;
  caseId: string;
  /** The client's name: the person referred to needs it to make contact. */
  clientName: string;
  goalId: string | null;
  /** The goal's title when it was referred, for a receiver who cannot open the board. */
  goalTitle: string | null;
  from: ReferralPerson;
  to: ReferralPerson;
  service: { id: string; name: string; organisation: string } | null;
  reason: string;
  question: string;
  urgency: Urgency;
  carries: ReferralCarries | null;
  status: ReferralStatus;
  events: ReferralEvent[];
  requestedAt: string;
  acceptedAt: string | null;
  firstContactAt: string | null;
  closedAt: string | null;
  /** Working days (Monday–Friday) from requested to accepted, to first contact; null while not yet. */
  delay: { toAcceptDays: number | null; toContactDays: number | null };
  /** Waited past REFERRAL_WAIT_WORKING_DAYS: not accepted, or accepted but no first contact yet. */
  overdue: boolean;
  /** The receiver is a member of the case (added after accepting), so they can open the board. */
  receiverOnCase: boolean;
  /** The letter as it was sent (SPEC LT3), and the standard letter it started from. */
  letter: string | null;
  letterTemplate: { id: string; title: string } | null;
}

/** `GET /api/referrals`: the referrals made to me and by me (and, for a coordinator, on their cases). */
export interface ReferralInbox {
  incoming: Referral[];
  outgoing: Referral[];
}

/** Whole working days (Monday to Friday) between two moments; the days' parts count as they pass. */
export function workingDaysBetween(fromIso: string, toIso: string): number {
  const from = new Date(fromIso);
  const to = new Date(toIso);
  if (to <= from) return 0;
  let days = 0;
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  while (day.getTime() < end) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days++;
  }
  return days;
}

/** Whether a referral may carry information from a compartment to its receiver, and on what (SPEC RF3). */
export interface CarryOption {
  allowed: boolean;
  consentId: string | null;
  /**
   * own-side: the receiver works on that side (no consent needed); consent: a consent in force
   * shares it with the receiver or their side; no-consent: none does; no-access: the referrer
   * cannot open that compartment themselves, so has nothing of it to send.
   */
  why: 'own-side' | 'consent' | 'no-consent' | 'no-access';
}

/** `GET /api/cases/:caseId/referral-options`: what a referral to that person may carry. */
export interface ReferralOptions {
  carry: Record<'medical' | 'social', CarryOption>;
}
