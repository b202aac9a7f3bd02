import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { telHref } from '../components/telHref.js';
import { planSentences } from '../referrals/referralView.js';
import { fullDate } from './dates.js';
import { PlanSection, Sentences } from './ReadAloud.js';
import '../referrals/myReferrals.css';
import '../i18n/nl/myPlan.js';

/**
 * Where the team signed the client up (SPEC RF7), in plain words that can be read aloud: with
 * whom, that they will call, and once there was contact, on which day; one tap to call them.
 */
export function MyReferrals({ referrals }: { referrals: ClientPlan['referrals'] }) {
  const { t, i18n } = useTranslation();
  if (referrals.length === 0) return null;
  return (
    <PlanSection id="my-referrals" heading={t('myPlan.referrals.heading')} className="plan-referrals">
      <p>
        <Sentences text={t('myPlan.referrals.intro')} />
      </p>
      <ul className="plan-referral-list">
        {referrals.map((referral) => (
          <li key={referral.id} className={`plan-referral status-${referral.status}`}>
            <p>
              {planSentences(referral, (iso) => fullDate(iso, i18n.language)).map((s, i) => (
                <span key={s.key}>
                  {i > 0 && ' '}
                  <Sentences text={t(s.key, s.values)} />
                </span>
              ))}
            </p>
            {referral.phone && (
              <p>
                <a
                  className="call-button"
                  href={telHref(referral.phone)}
                  aria-label={t('myPlan.call', { name: referral.toName, phone: referral.phone })}
                >
                  <Sentences text={t('myPlan.referrals.call', { name: referral.toName })} />
                  &nbsp;{referral.phone}
                </a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </PlanSection>
  );
}
