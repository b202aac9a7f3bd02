import { Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { workingDaysBetween } from '../../../shared/referralApi.js';
import { ReferralForm } from './lazyReferralForm.js';
import { StatusBadge, UrgencyBadge } from './badges.js';
import { groupReferrals } from './referralView.js';
import { useCaseReferrals } from './useReferrals.js';
import './referrals.css';

/**
 * The case's referrals on its board: to whom, for what, how far it is; and "Verwijs door" for a
 * member who may write. Live: the referrals' stream reads the list again when one changes.
 */
export function CaseReferralsPanel({ caseId, canRefer }: { caseId: string; canRefer: boolean }) {
  const { t } = useTranslation('referrals');
  const { data, error } = useCaseReferrals(caseId);
  const [referring, setReferring] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const now = new Date().toISOString();
  const { open, closed } = groupReferrals(data?.referrals ?? []);
  const close = () => {
    setReferring(false);
    // Back where the person was, once the form is gone.
    requestAnimationFrame(() => openButton.current?.focus());
  };

  return (
    <section className="panel referrals-panel" aria-labelledby="case-referrals-heading">
      <h2 id="case-referrals-heading">{t('panel.heading')}</h2>
      <p className="hint">{t('panel.intro')}</p>
      {canRefer && !referring && (
        <button
          ref={openButton}
          type="button"
          className="primary referrals-panel-open"
          onClick={() => {
            setSent(null);
            setReferring(true);
          }}
        >
          {t('form.open')}
        </button>
      )}
      <p className="form-ok" role="status">
        {sent && t('form.sent', { name: sent })}
      </p>
      {referring && (
        <Suspense fallback={null}>
          <ReferralForm
            caseId={caseId}
            onDone={({ toName }) => {
              setSent(toName);
              close();
            }}
            onCancel={close}
          />
        </Suspense>
      )}
      {error && (
        <p className="form-error" role="alert">
          {t('page.loadError', { message: error })}
        </p>
      )}
      {data && data.referrals.length === 0 && <p className="muted">{t('panel.none')}</p>}
      {data && data.referrals.length > 0 && (
        <ul className="case-referrals">
          {[...open, ...closed].map((r) => (
            <li key={r.id} className={`case-referral status-${r.status}`}>
              <span className="case-referral-who">
                <Link to={`/verwijzingen#${encodeURIComponent(r.id)}`}>
                  {r.to.organisation
                    ? t('panel.toWith', { name: r.to.name, organisation: r.to.organisation })
                    : r.to.name}
                </Link>
                {r.service && <span className="muted"> · {r.service.name}</span>}
              </span>
              <StatusBadge status={r.status} />
              <UrgencyBadge urgency={r.urgency} />
              {r.overdue && <span className="badge badge-danger">{t('item.overdue')}</span>}
              <span className="muted">
                {t('item.from')} {r.from.name} ·{' '}
                {t('item.age', { count: workingDaysBetween(r.requestedAt, now) })}
              </span>
              <span className="case-referral-reason">{r.reason}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/verwijzingen">{t('panel.viewAll')}</Link>
      </p>
    </section>
  );
}
