import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureAnswer, RetentionAnswer, RetentionDue } from '../../../shared/rightsApi.js';
import { postJson } from '../api.js';
import { formatDate, formatDateTime } from '../i18n/index.js';
import { useApi } from '../useApi.js';
import '../i18n/nl/rights.js';

/**
 * Retention (SPEC RT3, RT4): the parts of closed cases whose period passed, by alias, each erased
 * only when the admin confirms it. The list comes from the daily check; "check now" runs it at once.
 */
export function RetentionSection() {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useApi<RetentionAnswer>('/api/retention');
  const [answer, setAnswer] = useState<RetentionAnswer | null>(null);
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);
  const shown = answer ?? data;
  const partName = (due: RetentionDue) => t(`rights.retention.partName.${due.part}`);

  const check = async () => {
    setMessage(null);
    try {
      setAnswer(await postJson<RetentionAnswer>('/api/retention/check'));
    } catch (e) {
      setMessage({ text: t('rights.retention.error', { message: (e as Error).message }), alert: true });
    }
  };
  const erase = async (due: RetentionDue) => {
    const names = { part: partName(due), alias: due.alias };
    if (!window.confirm(t('rights.retention.confirm', names))) return;
    try {
      await postJson<ErasureAnswer>(`/api/retention/${encodeURIComponent(due.caseId)}/erase`, {
        part: due.part,
      });
      setMessage({ text: t('rights.retention.erased', names), alert: false });
      setAnswer(null);
      reload();
    } catch (e) {
      setMessage({ text: t('rights.retention.error', { message: (e as Error).message }), alert: true });
    }
  };

  return (
    <section className="admin-section retention" aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('rights.retention.heading')}</h2>
      {error && <p role="alert">{error}</p>}
      {!shown && !error && <p role="status">{t('common.loading')}</p>}
      {shown && (
        <>
          <p>
            {t('rights.retention.intro', {
              social: shown.periods.socialYears,
              medical: shown.periods.medicalYears,
            })}
          </p>
          <p className="muted">
            {shown.checkedAt
              ? t('rights.retention.checkedAt', { date: formatDateTime(shown.checkedAt, i18n.language) })
              : t('rights.retention.notChecked')}{' '}
            <button type="button" className="small" onClick={() => void check()}>
              {t('rights.retention.check')}
            </button>
          </p>
          {message && <p role={message.alert ? 'alert' : 'status'}>{message.text}</p>}
          {shown.due.length === 0 ? (
            <p>{t('rights.retention.none')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('rights.retention.client')}</th>
                  <th scope="col">{t('rights.retention.neighbourhood')}</th>
                  <th scope="col">{t('rights.retention.coordinator')}</th>
                  <th scope="col">{t('rights.retention.closedAt')}</th>
                  <th scope="col">{t('rights.retention.part')}</th>
                  <th scope="col">{t('rights.retention.dueSince')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('rights.retention.erase')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.due.map((due) => (
                  <tr key={`${due.caseId}-${due.part}`}>
                    <td>{due.alias}</td>
                    <td>{due.neighbourhood}</td>
                    <td>{due.coordinator ?? '—'}</td>
                    <td>{formatDate(due.closedAt.slice(0, 10), i18n.language)}</td>
                    <td>
                      {partName(due)}
                      {due.last && <div className="muted">{t('rights.retention.last')}</div>}
                    </td>
                    <td>{formatDate(due.dueSince, i18n.language)}</td>
                    <td>
                      <button
                        type="button"
                        className="danger"
                        aria-label={t('rights.retention.eraseLabel', {
                          part: partName(due),
                          alias: due.alias,
                        })}
                        onClick={() => void erase(due)}
                      >
                        {t('rights.retention.erase')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
