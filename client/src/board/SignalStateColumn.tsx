import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setCallContact, signalStateTextFields, signalText } from '../../../shared/doc/signalPlan.js';
import type { SignalStatePlan } from '../../../shared/doc/signalPlan.js';
import { signalStateShape } from '../../../shared/doc/signalPlanShape.js';
import type { ValueShape } from '../../../shared/doc/shape.js';
import type { SignalState } from '../../../shared/risk.js';
import { CollabText } from '../components/CollabText.js';
import { SignalStateBadge } from '../components/SignalStateBadge.js';
import { useBoardContext } from './context.js';
import './signalPlan.css';
import '../i18n/nl/recovery.js';

// The same rule the sync server checks: an update it would refuse is never sent.
const phoneShape = signalStateShape.fields.callPhone as ValueShape;
const isPhone = (value: string) => phoneShape.schema.safeParse(value).success;

/**
 * Whom to call in this state: a name and a phone number, plain values (last writer wins). While
 * someone types, their own draft shows; every valid keystroke reaches the others at once.
 */
function CallContact({ state, plan }: { state: SignalState; plan: SignalStatePlan }) {
  const { t } = useTranslation();
  const { doc } = useBoardContext();
  const [name, setName] = useState<string | null>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const id = (field: string) => `signal-${state}-${field}`;
  const stateName = t(`signalState.name.${state}`);
  const phoneValue = phone ?? plan.callPhone;
  const phoneOk = isPhone(phoneValue.trim());
  return (
    <fieldset className="call-contact">
      <legend>{t('signalPlan.call')}</legend>
      <label htmlFor={id('callName')}>
        <span className="visually-hidden">{stateName}: </span>
        {t('signalPlan.callName')}
      </label>
      <input
        id={id('callName')}
        type="text"
        autoComplete="off"
        maxLength={120}
        value={name ?? plan.callName}
        onChange={(e) => {
          setName(e.target.value);
          setCallContact(doc, state, { name: e.target.value });
        }}
        onBlur={() => setName(null)}
      />
      <label htmlFor={id('callPhone')}>
        <span className="visually-hidden">{stateName}: </span>
        {t('signalPlan.callPhone')}
      </label>
      <input
        id={id('callPhone')}
        type="tel"
        autoComplete="off"
        maxLength={40}
        value={phoneValue}
        aria-invalid={!phoneOk}
        aria-describedby={phoneOk ? undefined : id('callPhone-error')}
        onChange={(e) => {
          setPhone(e.target.value);
          if (isPhone(e.target.value.trim())) setCallContact(doc, state, { phone: e.target.value.trim() });
        }}
        onBlur={() => {
          // An invalid number stays on screen with its message until it is fixed.
          if (phoneOk) setPhone(null);
        }}
      />
      {!phoneOk && (
        <p id={id('callPhone-error')} className="form-error">
          {t('signalPlan.phoneInvalid')}
        </p>
      )}
    </fieldset>
  );
}

/** One state of the signal plan (green, amber or red): what everyone notices and does, whom to call. */
export function SignalStateColumn({ state, plan }: { state: SignalState; plan: SignalStatePlan }) {
  const { t } = useTranslation();
  const { doc } = useBoardContext();
  const stateName = t(`signalState.name.${state}`);
  const heading = `signal-${state}-heading`;
  return (
    <section className={`signal-column signal-column-${state}`} aria-labelledby={heading}>
      <h4 id={heading}>
        <SignalStateBadge state={state} meaning />
      </h4>
      {signalStateTextFields.map((field) => (
        <div key={field}>
          <label htmlFor={`signal-${state}-${field}`}>
            <span className="visually-hidden">{stateName}: </span>
            {t(`signalPlan.field.${field}`)}
          </label>
          <CollabText
            id={`signal-${state}-${field}`}
            text={signalText(doc, state, field)}
            multiline
            rows={field === 'signs' ? 3 : 2}
            maxLength={3000}
          />
        </div>
      ))}
      <CallContact state={state} plan={plan} />
    </section>
  );
}
