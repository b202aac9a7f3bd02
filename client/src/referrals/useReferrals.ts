import { useQueryClient } from '@tanstack/react-query';
import type { Query } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Referral, ReferralInbox } from '../../../shared/referralApi.js';
import { useApi } from '../useApi.js';
import { useEventStream } from '../useEventStream.js';

export const inboxPath = '/api/referrals';
export const caseReferralsPath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/referrals`;

/** Whether a cached read holds referrals: the inbox, one referral, or a case's list. */
const holdsReferrals = (query: Query) => {
  const path = query.queryKey[0];
  return (
    typeof path === 'string' &&
    (path === inboxPath || path.startsWith(`${inboxPath}/`) || /^\/api\/cases\/[^/]+\/referrals$/.test(path))
  );
};

/** Reads every shown list of referrals again (after a change here or one the stream announced). */
export function useReloadReferrals(): () => void {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ predicate: holdsReferrals }), [client]);
}

/**
 * Keeps every list of referrals on the screen live: one stream per tab (opened by the menu item,
 * which every professional's page shows), and on each `changed` (or after a lost stream came back)
 * the inbox, the case's lists and single referrals are read again.
 */
export function useReferralsLive(enabled: boolean): void {
  const reload = useReloadReferrals();
  useEventStream(enabled ? `${inboxPath}/stream` : null, { changed: reload }, reload);
}

/** The referrals made to me and by me, from the shared cache. */
export function useInbox() {
  return useApi<ReferralInbox>(inboxPath);
}

/** A case's referrals, for its members. */
export function useCaseReferrals(caseId: string) {
  return useApi<{ referrals: Referral[] }>(caseReferralsPath(caseId));
}
