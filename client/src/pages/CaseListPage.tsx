import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../../../shared/api.js';
import { getJson } from '../api.js';

/** All clients; each leads to its board. */
export function CaseListPage() {
  const { t } = useTranslation();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    getJson<{ cases: CaseSummary[] }>('/api/cases')
      .then((body) => setCases(body.cases))
      .catch((e: Error) => setError(e.message));
  }, []);

  if (error) return <p role="alert">{t('cases.loadError', { message: error })}</p>;
  if (!cases) return <p role="status">{t('common.loading')}</p>;
  const q = query.trim().toLowerCase();
  const shown = q
    ? cases.filter((c) =>
        [c.clientName, c.neighbourhood, c.coordinator?.name ?? ''].some((v) => v.toLowerCase().includes(q)),
      )
    : cases;
  return (
    <section className="case-list">
      <h1>{t('cases.heading')}</h1>
      <label htmlFor="case-search">{t('cases.search')}</label>
      <input id="case-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      <p className="muted" role="status">
        {t('cases.count', { count: shown.length })}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('cases.client')}</th>
            <th scope="col">{t('cases.context')}</th>
            <th scope="col">{t('cases.neighbourhood')}</th>
            <th scope="col">{t('case.coordinator')}</th>
            <th scope="col">{t('cases.members')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/cases/${c.id}`}>{c.clientName}</Link>
              </th>
              <td>{t(`recoveryContext.${c.recoveryContext}`)}</td>
              <td>{c.neighbourhood}</td>
              <td>{c.coordinator?.name ?? '—'}</td>
              <td>{c.memberCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
