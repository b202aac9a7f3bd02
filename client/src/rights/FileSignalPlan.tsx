import { useTranslation } from 'react-i18next';
import type { ClientFile } from '../../../shared/rightsApi.js';
import { Lines, Part } from './FilePart.js';
import '../i18n/nl/rights.js';

const signalStates = ['green', 'amber', 'red'] as const;
const planFields = ['signs', 'triggers', 'selfActions', 'networkActions', 'professionalActions'] as const;
const planField = { selfActions: 'clientActions' } as const;

/** The signal plan in the client's copy: the state now, then what to notice and do in each state. */
export function FileSignalPlan({ signalPlan }: { signalPlan: ClientFile['signalPlan'] }) {
  const { t } = useTranslation();
  return (
    <Part id="signal-plan" heading={t('rights.file.signalPlan.heading')} empty={false}>
      <p>
        {t('rights.file.signalPlan.now', {
          state: t(`rights.file.state.${signalPlan.currentState ?? 'none'}`),
        })}
      </p>
      <Lines text={signalPlan.protectiveFactors} />
      {signalStates.map((state) => {
        const plan = signalPlan.states[state];
        return (
          <div key={state} className={`file-state file-state-${state}`}>
            <h3>{t(`rights.file.state.${state}`)}</h3>
            {planFields.map((field) => {
              const text = plan[field === 'selfActions' ? planField.selfActions : field];
              return text.trim() ? (
                <p key={field}>
                  <strong>{t(`rights.file.signalPlan.${field}`)}:</strong> {text}
                </p>
              ) : null;
            })}
            {plan.callName && (
              <p>
                {plan.callName} {plan.callPhone}
              </p>
            )}
          </div>
        );
      })}
    </Part>
  );
}
