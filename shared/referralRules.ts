import { documentGrant } from './permissions.js';
import type { CaseFacts, Viewer } from './permissions.js';
import type { CarryOption } from './referralApi.js';

/**
 * Whether a referral from `referrer` to `receiver` may carry information of a compartment: the
 * referrer must be able to open it, and the receiver must be of that side or be covered by a
 * consent in force that shares it with them or their side (SPEC RF3).
 */
export function carryOption(
  referrer: Viewer,
  receiver: { professionalId: string; domain: 'medical' | 'social' },
  facts: CaseFacts,
  compartment: 'medical' | 'social',
): CarryOption {
  if (!documentGrant(referrer, facts, compartment))
    return { allowed: false, consentId: null, why: 'no-access' };
  if (receiver.domain === compartment) return { allowed: true, consentId: null, why: 'own-side' };
  const consent = facts.consents.find(
    (c) =>
      c.compartment === compartment &&
      (c.sharedWithProfessionalId === receiver.professionalId || c.sharedWithDomain === receiver.domain),
  );
  return consent
    ? { allowed: true, consentId: consent.id, why: 'consent' }
    : { allowed: false, consentId: null, why: 'no-consent' };
}
