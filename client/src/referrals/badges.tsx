import { useTranslation } from 'react-i18next';
import type { ReferralStatus, Urgency } from '../../../shared/referralApi.js';

const statusClass: Record<ReferralStatus, string> = {
  requested: 'badge-warn',
  accepted: 'badge-ok',
  'in-progress': 'badge-ok',
  completed: 'badge-muted',
  rejected: 'badge-danger',
  cancelled: 'badge-muted',
  failed: 'badge-danger',
};

/** A referral's status in words, coloured by whether it needs attention. */
export function StatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation('referrals');
  return <span className={`badge ${statusClass[status]}`}>{t(`status.${status}`)}</span>;
}

const urgencyClass: Record<Urgency, string> = {
  routine: 'badge-muted',
  soon: 'badge-warn',
  urgent: 'badge-danger',
};

/** How urgent, in words; an urgent one stands out. */
export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation('referrals');
  return (
    <span className={`badge ${urgencyClass[urgency]} urgency-${urgency}`}>{t(`urgency.${urgency}`)}</span>
  );
}
