import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetails } from '../../../shared/api.js';
import { addMonths, consentToday, defaultValidUntil } from '../../../shared/consent.js';
import type { ConsentLimits } from '../../../shared/consent.js';
import type { ProfessionalDomain } from '../../../shared/domain.js';
import { recordableConsents } from '../../../shared/permissions.js';
import { postJson } from '../api.js';
import { consentFactsOf, viewerOf } from '../consent/rules.js';
import { useSession } from '../session.js';
import './panels.css';
import '../i18n/nl/access.js';
import '../i18n/nl/consent.js';

/**
 * Records a consent on the client's behalf (SPEC A7): what, with whom, how and on which day the
 * client gave it, and until when. It offers only what this person may record — never a
 * compartment for themselves or their own side — and says so when that is nothing.
 */
export function RecordConsent({
  details,
  limits,
  onRecorded,
}: {
  details: CaseDetails;
  limits: ConsentLimits;
  onRecorded(): void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const options = useMemo(
    () => (user ? recordableConsents(viewerOf(user), consentFactsOf(details), details.members) : []),
    [user, details],
  );
  const today = consentToday();
  const [compartment, setCompartment] = useState<ProfessionalDomain | null>(options[0]?.compartment ?? null);
  const option = options.find((o) => o.compartment === compartment) ?? options[0];
  const [withWhom, setWithWhom] = useState<'domain' | 'person'>(option?.toSide ? 'domain' : 'person');
  const [personId, setPersonId] = useState('');
  const [how, setHow] = useState<'spoken' | 'written'>('spoken');
  const [givenOn, setGivenOn] = useState(today);
  const [validUntil, setValidUntil] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!option) return <p className="muted consent-not-mine">{t('consent.mayNotRecord')}</p>;
  const whom = withWhom === 'domain' && option.toSide ? 'domain' : 'person';
  const people = details.members.filter((m) => option.toPeople.includes(m.id));
  const until = validUntil ?? defaultValidUntil(givenOn, limits);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await postJson(`/api/cases/${encodeURIComponent(details.id)}/consents`, {
        compartment: option.compartment,
        how,
        givenOn,
        validUntil: until,
        ...(whom === 'domain' ? { sharedWithDomain: option.toSide } : { sharedWithProfessionalId: personId }),
      });
      setPersonId('');
      onRecorded();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <form className="panel-form" onSubmit={(e) => void submit(e)} aria-labelledby="record-consent-heading">
      <h4 id="record-consent-heading">{t('consent.record.heading')}</h4>
      <p className="muted">{t('consent.record.intro')}</p>
      <div className="field-row">
        <div>
          <label htmlFor="consent-compartment">{t('consent.compartment')}</label>
          <select
            id="consent-compartment"
            value={option.compartment}
            onChange={(e) => {
              const next = options.find((o) => o.compartment === e.target.value)!;
              setCompartment(next.compartment);
              setWithWhom(next.toSide ? 'domain' : 'person');
              setPersonId('');
            }}
          >
            {options.map((o) => (
              <option key={o.compartment} value={o.compartment}>
                {t(`consent.compartmentName.${o.compartment}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="consent-given-on">{t('consent.record.givenOn')}</label>
          <input
            id="consent-given-on"
            type="date"
            value={givenOn}
            max={today}
            min={addMonths(today, -limits.maxMonths)}
            onChange={(e) => setGivenOn(e.target.value)}
            required
          />
        </div>
        <div>
          <label htmlFor="consent-valid-until">{t('consent.record.validUntil')}</label>
          <input
            id="consent-valid-until"
            type="date"
            value={until}
            min={today}
            max={addMonths(givenOn, limits.maxMonths)}
            onChange={(e) => setValidUntil(e.target.value)}
            aria-describedby="consent-valid-until-hint"
            required
          />
        </div>
      </div>
      <p id="consent-valid-until-hint" className="muted field-hint">
        {t('consent.record.validUntilHint', { months: limits.defaultMonths, max: limits.maxMonths })}
      </p>
      <fieldset>
        <legend>{t('consent.record.how')}</legend>
        {(['spoken', 'written'] as const).map((way) => (
          <div className="checkbox" key={way}>
            <input
              id={`consent-how-${way}`}
              type="radio"
              name="consent-how"
              checked={how === way}
              onChange={() => setHow(way)}
            />
            <label htmlFor={`consent-how-${way}`}>{t(`consent.record.${way}`)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('consent.record.withWhom')}</legend>
        {option.toSide && (
          <div className="checkbox">
            <input
              id="consent-with-domain"
              type="radio"
              name="consent-with"
              checked={whom === 'domain'}
              onChange={() => setWithWhom('domain')}
            />
            <label htmlFor="consent-with-domain">{t(`consent.record.withDomain.${option.toSide}`)}</label>
          </div>
        )}
        {people.length > 0 && (
          <div className="checkbox">
            <input
              id="consent-with-person"
              type="radio"
              name="consent-with"
              checked={whom === 'person'}
              onChange={() => setWithWhom('person')}
            />
            <label htmlFor="consent-with-person">{t('consent.record.withPerson')}</label>
          </div>
        )}
        {whom === 'person' && (
          <>
            <label htmlFor="consent-person">{t('consent.record.person')}</label>
            <select
              id="consent-person"
              value={personId}
              onChange={(e) => setPersonId(e.target.value)}
              required
            >
              <option value="">{t('consent.record.choose')}</option>
              {people.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.roleTitle})
                </option>
              ))}
            </select>
          </>
        )}
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {t('team.failed', { message: error })}
        </p>
      )}
      <button type="submit" className="primary">
        {t('consent.record.submit')}
      </button>
    </form>
  );
}
