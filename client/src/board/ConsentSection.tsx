import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetails, ConsentRecord, ConsentsAnswer } from '../../../shared/api.js';
import { consentState, consentToday } from '../../../shared/consent.js';
import { consentWithdrawer } from '../../../shared/permissions.js';
import { postJson } from '../api.js';
import { consentFactsOf, viewerOf } from '../consent/rules.js';
import { useConsents } from '../consent/useConsents.js';
import { formatDate, formatDateTime } from '../i18n/index.js';
import { useSession } from '../session.js';
import { RecordConsent } from './RecordConsent.js';
import './panels.css';
import '../i18n/nl/access.js';
import '../i18n/nl/consent.js';

/**
 * What the client consented to share across domains (SPEC A7): how and when they gave it, until
 * when, who recorded and who withdrew it. Live: a consent the client gives or stops in their plan,
 * or one that ends by its date, shows here at once, and `onChanged` lets the board's compartments
 * follow. A consent that ended is judged again on this screen, so it never shows as valid.
 */
export function ConsentSection({ details, onChanged }: { details: CaseDetails; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const base = `/api/cases/${encodeURIComponent(details.id)}/consents`;
  const { answer, error: loadError, reload } = useConsents<ConsentsAnswer>(base, onChanged);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const today = consentToday();
  const facts = consentFactsOf(details);
  const consents = answer?.consents ?? null;

  const changed = (text: string) => {
    setMessage(text);
    reload();
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
  const mayWithdraw = (c: ConsentRecord) => !!user && !!consentWithdrawer(viewerOf(user), facts, c);
  const date = (day: string) => formatDate(day, i18n.language);
  const stateOf = (c: ConsentRecord) => {
    const state = consentState(c, today);
    if (state === 'withdrawn') {
      return t('consent.withdrawnAt', {
        date: formatDateTime(c.withdrawnAt!, i18n.language),
        name: c.withdrawnRecordedBy ?? '—',
      });
    }
    if (state === 'expired') return t('consent.expiredOn', { date: date(c.validUntil) });
    return (
      <span className="consent-active">
        <span className="badge badge-ok">{t('consent.inForce')}</span>
        {mayWithdraw(c) && (
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
    );
  };

  return (
    <section className="consents" aria-labelledby="consent-heading">
      <h3 id="consent-heading">{t('consent.heading')}</h3>
      <p className="muted">{t('consent.intro')}</p>
      {!consents && !loadError && <p role="status">{t('common.loading')}</p>}
      {consents && consents.length === 0 && <p>{t('consent.none')}</p>}
      {consents && consents.length > 0 && (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('common.tableOf', { name: t('consent.heading') })}
        >
          <table>
            <caption className="visually-hidden">{t('consent.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consent.compartment')}</th>
                <th scope="col">{t('consent.sharedWith')}</th>
                <th scope="col">{t('consent.how')}</th>
                <th scope="col">{t('consent.recordedBy')}</th>
                <th scope="col">{t('consent.period')}</th>
                <th scope="col">{t('consent.state')}</th>
              </tr>
            </thead>
            <tbody>
              {consents.map((c) => (
                <tr key={c.id} className={consentState(c, today) === 'in-force' ? undefined : 'is-withdrawn'}>
                  <td>{t(`consent.compartmentName.${c.compartment}`)}</td>
                  <td>{sharedWith(c)}</td>
                  <td>{t(`consent.howName.${c.how ?? 'unknown'}`)}</td>
                  <td>{c.recordedByClient ? t('consent.byClient', { name: c.recordedBy }) : c.recordedBy}</td>
                  <td>{t('consent.periodValue', { from: date(c.givenOn), until: date(c.validUntil) })}</td>
                  <td>{stateOf(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(error ?? loadError) && (
        <p className="form-error" role="alert">
          {t('team.failed', { message: error ?? loadError })}
        </p>
      )}
      <p role="status" className="form-ok">
        {message}
      </p>
      {answer && (
        <RecordConsent
          details={details}
          limits={answer.limits}
          onRecorded={() => changed(t('consent.recorded'))}
        />
      )}
    </section>
  );
}
