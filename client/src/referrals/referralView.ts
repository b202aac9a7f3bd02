import type { PlanReferral } from '../../../shared/api.js';
import {
  cancelReasons,
  failReasons,
  finalStatuses,
  referralSteps,
  rejectReasons,
} from '../../../shared/referralApi.js';
import type { Referral, ReferralRole, ReferralStatus, Urgency } from '../../../shared/referralApi.js';
import '../i18n/nl/myPlan.js';

/** The steps that need a reason, and the reasons each offers. */
export const stepReasons = {
  rejected: rejectReasons,
  failed: failReasons,
  cancelled: cancelReasons,
} as const satisfies Partial<Record<ReferralStatus, readonly string[]>>;
export type ReasonedStep = keyof typeof stepReasons;

export const needsReason = (to: ReferralStatus): to is ReasonedStep => to in stepReasons;

/**
 * Which statuses I may move a referral to, in the order the buttons show (forward first, the way
 * out last): the receiver sees accept/reject, first contact, complete/failed; the referrer (or the
 * coordinator) only cancel. Nothing once it is closed.
 */
export function allowedSteps(status: ReferralStatus, role: ReferralRole): ReferralStatus[] {
  const order: ReferralStatus[] = ['accepted', 'in-progress', 'completed', 'rejected', 'failed', 'cancelled'];
  const next = referralSteps[status];
  return order.filter((to) => next[to] === role);
}

/** My part in a referral: I am the person referred to, or the one who referred (or coordinate the case). */
export function roleOf(referral: Referral, professionalId: string | null): ReferralRole {
  return referral.to.id === professionalId ? 'receiver' : 'referrer';
}

export const isOpen = (referral: Pick<Referral, 'status'>) => !finalStatuses.includes(referral.status);

const urgencyRank: Record<Urgency, number> = { urgent: 0, soon: 1, routine: 2 };
const openRank: Partial<Record<ReferralStatus, number>> = { requested: 0, accepted: 1, 'in-progress': 2 };

/**
 * A list split into the open referrals and the closed ones. Open: by status (new ones first, then
 * accepted, then in progress), within that overdue first, then the most urgent, then who waited
 * longest. Closed: the most recently closed first.
 */
export function groupReferrals(referrals: readonly Referral[]): { open: Referral[]; closed: Referral[] } {
  const open = referrals
    .filter(isOpen)
    .sort(
      (a, b) =>
        openRank[a.status]! - openRank[b.status]! ||
        Number(b.overdue) - Number(a.overdue) ||
        urgencyRank[a.urgency] - urgencyRank[b.urgency] ||
        a.requestedAt.localeCompare(b.requestedAt),
    );
  const closed = referrals
    .filter((r) => !isOpen(r))
    .sort((a, b) => (b.closedAt ?? b.requestedAt).localeCompare(a.closedAt ?? a.requestedAt));
  return { open, closed };
}

/** How many referrals wait for me to say yes or no: the count beside the menu item. */
export const waitingForMe = (incoming: readonly Referral[]) =>
  incoming.filter((r) => r.status === 'requested').length;

/**
 * The receiver may be added to the case team once they accepted and while they work on it (SPEC
 * RF6), by the referrer or the coordinator, unless they are on it already.
 */
export const offerAddToTeam = (referral: Referral, role: ReferralRole) =>
  role === 'referrer' &&
  !referral.receiverOnCase &&
  (referral.status === 'accepted' || referral.status === 'in-progress');

/** One sentence of the client's plan: the translation key under `myPlan.referrals` and its values. */
export interface PlanSentence {
  key: string;
  values: Record<string, string>;
}

/**
 * What the client reads about a referral, in B1 words: where they were signed up and that the
 * person calls; once there was contact, when; once it is done, that it is done.
 */
export function planSentences(referral: PlanReferral, dateInWords: (iso: string) => string): PlanSentence[] {
  const name = referral.toName;
  const signedUp: PlanSentence = referral.where
    ? { key: 'myPlan.referrals.signedUpAt', values: { name, where: referral.where } }
    : { key: 'myPlan.referrals.signedUp', values: { name } };
  const contact: PlanSentence | null = referral.firstContactAt
    ? { key: 'myPlan.referrals.contact', values: { name, date: dateInWords(referral.firstContactAt) } }
    : null;
  if (referral.status === 'completed')
    return [signedUp, ...(contact ? [contact] : []), { key: 'myPlan.referrals.done', values: { name } }];
  if (contact) return [signedUp, contact];
  return [signedUp, { key: 'myPlan.referrals.willCall', values: { name } }];
}

/** Whether a person matches what was typed in the search: every word in their name, role or organisation. */
export function matchesPerson(
  person: { name: string; roleTitle: string; organisation: string | null },
  search: string,
): boolean {
  const haystack = `${person.name} ${person.roleTitle} ${person.organisation ?? ''}`.toLocaleLowerCase('nl');
  return search
    .toLocaleLowerCase('nl')
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
