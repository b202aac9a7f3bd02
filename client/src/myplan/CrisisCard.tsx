import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { signalSymbols } from '../components/SignalStateBadge.js';
import { telHref } from '../components/telHref.js';
import { PlanSection, Sentences } from './ReadAloud.js';
import '../i18n/nl/myPlan.js';

const printingClass = 'print-crisis-card';

/**
 * Prints only the crisis card, on a page of its own size (see myplan-print.css). The class stays
 * until `afterprint`: some browsers return from print() before the page is laid out for paper.
 */
function printCard() {
  document.documentElement.classList.add(printingClass);
  window.print();
}

/**
 * A wallet-size card (85.6 x 54 mm, like a bank card) with the red state of the signal plan: the
 * signs, what I do and whom I call, plus the emergency number.
 */
export function CrisisCard({ plan }: { plan: ClientPlan }) {
  const { t } = useTranslation();
  const red = plan.signalPlan.states.red;
  const calls = [
    red.callName ? { name: red.callName, phone: red.callPhone } : null,
    plan.coordinator ? { name: plan.coordinator.name, phone: plan.coordinator.phone ?? '' } : null,
  ].filter((c): c is { name: string; phone: string } => c !== null);
  const empty = !red.signs.trim() && !red.clientActions.trim() && calls.length === 0;

  useEffect(() => {
    const after = () => document.documentElement.classList.remove(printingClass);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('afterprint', after);
      after();
    };
  }, []);

  return (
    <PlanSection id="crisis-card" heading={t('myPlan.crisisCard.heading')} className="crisis-card-section">
      <p>
        <Sentences text={t('myPlan.crisisCard.intro')} />
      </p>
      <div
        className="crisis-card"
        role="group"
        aria-label={t('myPlan.crisisCard.title', { name: plan.clientName })}
      >
        <p className="crisis-card-title">
          <span aria-hidden="true">{signalSymbols.red} </span>
          {t('myPlan.crisisCard.title', { name: plan.clientName })}
        </p>
        {empty && <p>{t('myPlan.crisisCard.empty')}</p>}
        {red.signs.trim() && (
          <div className="crisis-card-block">
            <p className="crisis-card-label">{t('myPlan.crisisCard.signs')}</p>
            <p className="crisis-card-text">{red.signs}</p>
          </div>
        )}
        {red.clientActions.trim() && (
          <div className="crisis-card-block">
            <p className="crisis-card-label">{t('myPlan.crisisCard.actions')}</p>
            <p className="crisis-card-text">{red.clientActions}</p>
          </div>
        )}
        <ul className="crisis-card-calls">
          {calls.map((call) => (
            <li key={call.name}>
              <span className="crisis-card-label">{t('myPlan.crisisCard.call')}</span> {call.name}
              {call.phone && (
                <>
                  {' '}
                  <a
                    className="crisis-call"
                    href={telHref(call.phone)}
                    aria-label={t('myPlan.call', { name: call.name, phone: call.phone })}
                  >
                    {call.phone}
                  </a>
                </>
              )}
            </li>
          ))}
          <li className="crisis-card-emergency">{t('myPlan.crisisCard.emergency')}</li>
        </ul>
      </div>
      <p className="crisis-card-actions">
        <button type="button" className="print-button" onClick={printCard}>
          {t('myPlan.crisisCard.print')}
        </button>
        <a
          href="#my-signal"
          onClick={() => {
            // Already the target: the folded plan opens on the same event as a new jump.
            if (window.location.hash === '#my-signal')
              window.dispatchEvent(new HashChangeEvent('hashchange'));
          }}
        >
          {t('myPlan.crisisCard.more')}
        </a>
      </p>
    </PlanSection>
  );
}
