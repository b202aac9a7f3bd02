import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocationProperty } from 'wouter/use-browser-location';
import type { Referral, ReferralRole } from '../../../shared/referralApi.js';
import { ReferralItem } from './ReferralItem.js';
import { groupReferrals, waitingForMe } from './referralView.js';
import { useInbox, useReferralsLive, useReloadReferrals } from './useReferrals.js';
import './referrals.css';

/** One list ("Aan mij" or "Door mij"): the open referrals first, then the closed ones. */
function ReferralList({
  id,
  heading,
  none,
  referrals,
  role,
  now,
  onChanged,
}: {
  id: string;
  heading: string;
  none: string;
  referrals: Referral[];
  role: ReferralRole;
  now: string;
  onChanged(): void;
}) {
  const { t } = useTranslation('referrals');
  const { open, closed } = useMemo(() => groupReferrals(referrals), [referrals]);
  const groups = [
    ['open', open],
    ['closed', closed],
  ] as const;
  return (
    <section className="referral-list" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {heading} <span className="muted">({referrals.length})</span>
        {role === 'receiver' && waitingForMe(referrals) > 0 && (
          <>
            {' '}
            <span className="badge badge-warn">{t('page.waiting', { count: waitingForMe(referrals) })}</span>
          </>
        )}
      </h2>
      {referrals.length === 0 && <p className="muted">{none}</p>}
      {groups.map(
        ([group, items]) =>
          items.length > 0 && (
            <div key={group} className={`referral-group referral-group-${group}`}>
              <h3>{t(`page.${group}`)}</h3>
              <ul className="referrals">
                {items.map((r) => (
                  <ReferralItem key={r.id} referral={r} role={role} now={now} onChanged={onChanged} />
                ))}
              </ul>
            </div>
          ),
      )}
    </section>
  );
}

/**
 * `/verwijzingen`: the referrals made to me (to accept, record contact, close) and by me or on the
 * cases I coordinate (to follow, cancel, add the receiver to the team). Live through the stream the
 * menu item keeps open; `/verwijzingen#<id>` (a notice's link) scrolls to that referral.
 */
export function ReferralsPage() {
  useReferralsLive(true);
  const { t } = useTranslation('referrals');
  const { data, error } = useInbox();
  const reload = useReloadReferrals();
  // A notice links to one referral by the address's #fragment.
  const hash = useLocationProperty(() => window.location.hash);
  const scrolledTo = useRef<string | null>(null);
  const now = new Date().toISOString();

  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!data || !id || scrolledTo.current === id) return;
    const target = document.getElementById(id);
    if (!target) return;
    scrolledTo.current = id;
    target.scrollIntoView?.({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [data, hash]);

  if (!data) {
    if (error) return <p role="alert">{t('page.loadError', { message: error })}</p>;
    return <p role="status">{t('common.loading', { ns: 'translation' })}</p>;
  }
  return (
    <div className="referrals-page">
      <h1>{t('page.heading')}</h1>
      <p className="lead">{t('page.intro')}</p>
      <div className="referral-lists">
        <ReferralList
          id="incoming"
          heading={t('page.incoming')}
          none={t('page.noneIncoming')}
          referrals={data.incoming}
          role="receiver"
          now={now}
          onChanged={reload}
        />
        <ReferralList
          id="outgoing"
          heading={t('page.outgoing')}
          none={t('page.noneOutgoing')}
          referrals={data.outgoing}
          role="referrer"
          now={now}
          onChanged={reload}
        />
      </div>
    </div>
  );
}
