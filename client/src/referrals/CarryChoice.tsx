import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfessionalSummary } from '../../../shared/api.js';
import type { ReferralOptions } from '../../../shared/referralApi.js';
import { useApi } from '../useApi.js';

export type Carry = 'medical' | 'social' | null;
const compartments = ['medical', 'social'] as const;

/**
 * "Informatie meesturen uit": nothing, the medical or the social notes. Each compartment says in
 * words what the server's `/referral-options` found for this person (their own side, the client's
 * consent, no consent, or no access of my own) and cannot be chosen when it is not allowed.
 */
export function CarryChoice({
  caseId,
  person,
  value,
  onChange,
}: {
  caseId: string;
  person: ProfessionalSummary | null;
  value: Carry;
  onChange(carry: Carry): void;
}) {
  const { t } = useTranslation('referrals');
  const id = useId();
  const path = person
    ? `/api/cases/${encodeURIComponent(caseId)}/referral-options?toProfessionalId=${encodeURIComponent(person.id)}`
    : null;
  const { data, error } = useApi<ReferralOptions>(path);
  // Another person may not be allowed what the last one was: back to nothing then.
  useEffect(() => {
    if (value && (!person || (data && !data.carry[value].allowed))) onChange(null);
  }, [value, person, data, onChange]);

  return (
    <fieldset className="referral-carry">
      <legend>{t('form.carry')}</legend>
      <label className="checkbox">
        <input type="radio" name={`${id}-carry`} checked={value === null} onChange={() => onChange(null)} />
        {t('form.carryNone')}
      </label>
      {compartments.map((compartment) => {
        const option = data?.carry[compartment];
        const why = `${id}-${compartment}-why`;
        return (
          <div key={compartment} className="carry-option">
            <label className="checkbox">
              <input
                type="radio"
                name={`${id}-carry`}
                checked={value === compartment}
                disabled={!option?.allowed}
                aria-describedby={why}
                onChange={() => onChange(compartment)}
              />
              {t(compartment === 'medical' ? 'form.carryMedical' : 'form.carrySocial')}
            </label>
            <p className="hint" id={why}>
              {!person
                ? t('form.carryChoosePerson')
                : option
                  ? t(`form.why.${option.why}`, { name: person.name })
                  : !error && t('form.carryLoading')}
            </p>
          </div>
        );
      })}
      {error && (
        <p className="form-error" role="alert">
          {t('form.optionsFailed', { message: error })}
        </p>
      )}
    </fieldset>
  );
}
