import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { hasSignalPlan, signalStateTextFields } from '../../../shared/doc/signalPlanData.js';
import type { SignalStatePlan } from '../../../shared/doc/signalPlanData.js';
import { signalStates } from '../../../shared/risk.js';
import type { SignalState } from '../../../shared/risk.js';
import { signalSymbols } from '../components/SignalStateBadge.js';
import { telHref } from '../components/telHref.js';
import { Disclosure } from './Disclosure.js';
import { PlanSection, Sentences } from './ReadAloud.js';
import '../i18n/nl/myPlan.js';

/**
 * What I notice, what I do, what others do and whom I call, in one state: behind its heading, so
 * the page stays short; open when the client is in it and it is not green (then they need it).
 */
function StatePlan({
  state,
  plan,
  current,
}: {
  state: SignalState;
  plan: SignalStatePlan;
  current: boolean;
}) {
  const { t } = useTranslation();
  const fields = signalStateTextFields.filter((field) => plan[field].trim() !== '');
  const heading = `my-signal-${state}`;
  return (
    <section
      className={`my-signal-state signal-edge-${state}${current ? ' is-current' : ''}`}
      aria-labelledby={heading}
    >
      <Disclosure
        id={`${heading}-body`}
        heading
        initiallyOpen={current && state !== 'green'}
        summary={
          <span id={heading}>
            <span className={`signal-symbol signal-${state}`} aria-hidden="true">
              {signalSymbols[state]}
            </span>{' '}
            <Sentences text={t(`myPlan.signal.stateHeading.${state}`)} />
            {current && (
              <span className="badge badge-here">
                <Sentences text={t('myPlan.signal.youAreHere')} />
              </span>
            )}
          </span>
        }
      >
        {fields.length === 0 && !plan.callName && (
          <p className="muted">
            <Sentences text={t('myPlan.signal.nothingYet')} />
          </p>
        )}
        <dl className="my-signal-facts">
          {fields.map((field) => (
            <div key={field}>
              <dt>
                <Sentences text={t(`myPlan.signal.${field}`)} />
              </dt>
              <dd>
                <Sentences text={plan[field]} />
              </dd>
            </div>
          ))}
          {plan.callName && (
            <div>
              <dt>
                <Sentences text={t('myPlan.signal.call')} />
              </dt>
              <dd>
                {plan.callPhone ? (
                  <a className="call-button" href={telHref(plan.callPhone)}>
                    <Sentences text={t('myPlan.call', { name: plan.callName, phone: plan.callPhone })} />
                  </a>
                ) : (
                  <strong>
                    <Sentences text={plan.callName} />
                  </strong>
                )}
              </dd>
            </div>
          )}
        </dl>
      </Disclosure>
    </section>
  );
}

/**
 * My plan for when things go less well (the signal plan): how it goes now, what to do per state.
 * On a phone it starts folded (MyPlanPage): the crisis card near the top says what to do when red.
 */
export function MySignalPlan({ plan }: { plan: ClientPlan }) {
  const { t } = useTranslation();
  const { signalPlan, currentState } = plan;
  const filled = hasSignalPlan(signalPlan);
  return (
    <PlanSection id="my-signal" heading={t('myPlan.signal.heading')} className="my-signal-plan">
      <p>
        <Sentences text={t('myPlan.signal.intro')} />
      </p>
      <div className={`my-signal-now signal-edge-${currentState ?? 'none'}`} role="status">
        <h3>
          <Sentences text={t('myPlan.signal.nowLabel')} />
        </h3>
        {currentState && (
          <p className="my-signal-now-word">
            <span className={`signal-symbol signal-${currentState}`} aria-hidden="true">
              {signalSymbols[currentState]}
            </span>{' '}
            <Sentences text={t(`myPlan.signal.now.${currentState}`)} />
          </p>
        )}
        <p>
          <Sentences text={t(`myPlan.signal.nowExplained.${currentState ?? 'none'}`)} />
        </p>
      </div>
      {!filled ? (
        <p>
          <Sentences text={t('myPlan.signal.empty')} />
        </p>
      ) : (
        <>
          {signalPlan.relapseKinds.length > 0 && (
            <p>
              <strong>
                <Sentences text={`${t('myPlan.signal.kinds')}:`} />
              </strong>{' '}
              <Sentences text={signalPlan.relapseKinds.map((k) => t(`myPlan.signal.kind.${k}`)).join(', ')} />
            </p>
          )}
          {signalPlan.protectiveFactors.trim() && (
            <div className="my-signal-helps">
              <h3>
                <Sentences text={t('myPlan.signal.protectiveFactors')} />
              </h3>
              <p>
                <Sentences text={signalPlan.protectiveFactors} />
              </p>
            </div>
          )}
          {signalStates.map((state) => (
            <StatePlan
              key={state}
              state={state}
              plan={signalPlan.states[state]}
              current={state === currentState}
            />
          ))}
        </>
      )}
    </PlanSection>
  );
}
