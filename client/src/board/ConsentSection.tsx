import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetails, ConsentRecord } from '../../../shared/api.js';
import type { ProfessionalDomain } from '../../../shared/domain.js';
import { getJson, postJson } from '../api.js';
import { formatDateTime } from '../i18n/index.js';
import { useSession } from '../session.js';

const otherDomain = (d: ProfessionalDomain): ProfessionalDomain => (d === 'medical' ? 'social' : 'medical');

/** Records a consent the client gave: one compartment shared with the other domain or one person. */
function RecordConsent({ details, onRecorded }: { details: CaseDetails; onRecorded(): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  // What people usually record: the client shares notes of the recorder's own domain.
  const [compartment, setCompartment] = useState<ProfessionalDomain>(user?.domain ?? 'medical');
  const [withWhom, setWithWhom] = useState<'domain' | 'person'>('domain');
  const [personId, setPersonId] = useState('');
  const [givenBy, setGivenBy] = useState(() => t('consent.defaultGivenBy'));
  const [error, setError] = useState<string | null>(null);
  // A compartment is its own domain's already: only people of the other domain can be given it.
  const people = details.members.filter((m) => m.domain !== compartment);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await postJson(`/api/cases/${encodeURIComponent(details.id)}/consents`, {
        compartment,
        givenBy,
        ...(withWhom === 'domain'
          ? { sharedWithDomain: otherDomain(compartment) }
          : { sharedWithProfessionalId: personId }),
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
      <div className="field-row">
        <div>
          <label htmlFor="consent-compartment">{t('consent.compartment')}</label>
          <select
            id="consent-compartment"
            value={compartment}
            onChange={(e) => {
              setCompartment(e.target.value as ProfessionalDomain);
              setPersonId('');
            }}
          >
            <option value="medical">{t('consent.compartmentName.medical')}</option>
            <option value="social">{t('consent.compartmentName.social')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="consent-given-by">{t('consent.givenBy')}</label>
          <input
            id="consent-given-by"
            value={givenBy}
            maxLength={120}
            onChange={(e) => setGivenBy(e.target.value)}
            required
          />
        </div>
      </div>
      <fieldset>
        <legend>{t('consent.record.withWhom')}</legend>
        <div className="checkbox">
          <input
            id="consent-with-domain"
            type="radio"
            name="consent-with"
            checked={withWhom === 'domain'}
            onChange={() => setWithWhom('domain')}
          />
          <label htmlFor="consent-with-domain">
            {t(`consent.record.withDomain.${otherDomain(compartment)}`)}
          </label>
        </div>
        <div className="checkbox">
          <input
            id="consent-with-person"
            type="radio"
            name="consent-with"
            checked={withWhom === 'person'}
            onChange={() => setWithWhom('person')}
          />
          <label htmlFor="consent-with-person">{t('consent.record.withPerson')}</label>
        </div>
        {withWhom === 'person' && (
          <>
            <label htmlFor="consent-person">{t('consent.record.person')}</label>
            <select
              id="consent-person"
              value={personId}
              onChange={(e) => setPersonId(e.target.value)}
              required
            >
              <option value="">{t('team.add.choose')}</option>
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

/**
 * What the client consented to share across domains, given and withdrawn when and by whom.
 * Members who may write record a consent or its withdrawal; access follows at once.
 */
export function ConsentSection({ details, onChanged }: { details: CaseDetails; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const [consents, setConsents] = useState<ConsentRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const mayRecord = details.myAccess.access === 'write';
  const base = `/api/cases/${encodeURIComponent(details.id)}/consents`;

  const load = useCallback(() => {
    getJson<{ consents: ConsentRecord[] }>(base)
      .then((body) => setConsents(body.consents))
      .catch((e: Error) => setError(e.message));
  }, [base]);
  useEffect(load, [load]);

  const changed = (text: string) => {
    setMessage(text);
    load();
    onChanged();
  };
  const sharedWith = (c: ConsentRecord) =>
    c.sharedWithDomain
      ? t(`consent.withDomain.${c.sharedWithDomain}`)
      : (c.sharedWithName ?? c.sharedWithProfessionalId ?? '—');
  const withdraw = async (c: ConsentRecord) => {
    const what = t(`consent.compartmentName.${c.compartment}`);
    if (!window.confirm(t('consent.confirmWithdraw', { what, whom: sharedWith(c) }))) return;
    setError(null);
    try {
      await postJson(`${base}/${encodeURIComponent(c.id)}/withdraw`);
      changed(t('consent.withdrawn', { what, whom: sharedWith(c) }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="consents" aria-labelledby="consent-heading">
      <h3 id="consent-heading">{t('consent.heading')}</h3>
      <p className="muted">{t('consent.intro')}</p>
      {!consents && !error && <p role="status">{t('common.loading')}</p>}
      {consents && consents.length === 0 && <p>{t('consent.none')}</p>}
      {consents && consents.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('consent.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consent.compartment')}</th>
              <th scope="col">{t('consent.sharedWith')}</th>
              <th scope="col">{t('consent.givenBy')}</th>
              <th scope="col">{t('consent.recordedBy')}</th>
              <th scope="col">{t('consent.givenAt')}</th>
              <th scope="col">{t('consent.state')}</th>
            </tr>
          </thead>
          <tbody>
            {consents.map((c) => (
              <tr key={c.id} className={c.withdrawnAt ? 'is-withdrawn' : undefined}>
                <td>{t(`consent.compartmentName.${c.compartment}`)}</td>
                <td>{sharedWith(c)}</td>
                <td>{c.givenBy}</td>
                <td>{c.recordedBy}</td>
                <td>{formatDateTime(c.givenAt, i18n.language)}</td>
                <td>
                  {c.withdrawnAt ? (
                    t('consent.withdrawnAt', {
                      date: formatDateTime(c.withdrawnAt, i18n.language),
                      name: c.withdrawnRecordedBy ?? '—',
                    })
                  ) : (
                    <span className="consent-active">
                      <span className="badge badge-ok">{t('consent.inForce')}</span>
                      {mayRecord && (
                        <button
                          type="button"
                          className="small danger"
                          onClick={() => void withdraw(c)}
                          aria-label={t('consent.withdrawNamed', {
                            what: t(`consent.compartmentName.${c.compartment}`),
                            whom: sharedWith(c),
                          })}
                        >
                          {t('consent.withdraw')}
                        </button>
                      )}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p className="form-error" role="alert">
          {t('team.failed', { message: error })}
        </p>
      )}
      <p role="status" className="form-ok">
        {message}
      </p>
      {mayRecord && <RecordConsent details={details} onRecorded={() => changed(t('consent.recorded'))} />}
    </section>
  );
}
