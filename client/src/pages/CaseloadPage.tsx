import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { CaseloadFilters } from '../caseload/CaseloadFilters.js';
import { CaseloadTable } from '../caseload/CaseloadTable.js';
import { filterKeys, filtersFrom, useCaseload } from '../caseload/useCaseload.js';
import type { CaseloadFilters as Filters } from '../caseload/useCaseload.js';
import { formatDateTime } from '../i18n/index.js';
import '../intake/intake.css';
import '../caseload/caseload.css';
import '../i18n/nl/intake.js';
import '../i18n/nl/recovery.js';

/**
 * The professional's home: every client they coordinate or work with, riskiest first, with why,
 * and what changed since their previous visit. Filters live in the address.
 */
export function CaseloadPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const caseload = useCaseload(filters);
  const filtered = filterKeys.some((key) => filters[key] !== '');

  const change = useCallback(
    (changes: Partial<Filters>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = () =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const key of filterKeys) next.delete(key);
        return next;
      },
      { replace: true },
    );

  const { rows, total, loading, error, lastVisitAt } = caseload;
  const first = loading && rows.length === 0 && !error;
  return (
    <section className="caseload">
      <div className="caseload-head">
        <h1>{t('caseload.heading')}</h1>
        <Link to="/nieuwe-client" className="button primary">
          {t('intake.nav')}
        </Link>
      </div>
      <p className="muted">{t('caseload.intro')}</p>
      <CaseloadFilters filters={filters} neighbourhoods={caseload.neighbourhoods} onChange={change} />
      <div className="caseload-status">
        <p role="status">
          {first
            ? t('common.loading')
            : `${t('caseload.count', { count: total })}${
                rows.length < total ? ` · ${t('caseload.shown', { shown: rows.length, total })}` : ''
              }`}
        </p>
        {filtered && (
          <button type="button" className="small" onClick={clear}>
            {t('caseload.clear')}
          </button>
        )}
        {lastVisitAt !== undefined && (
          <p className="muted caseload-visit">
            {lastVisitAt
              ? t('caseload.lastVisit', { date: formatDateTime(lastVisitAt, i18n.language) })
              : t('caseload.firstVisit')}
          </p>
        )}
      </div>
      {error && <p role="alert">{t('caseload.loadError', { message: error })}</p>}
      {!first && !error && total === 0 && (
        <p className="caseload-empty">{filtered ? t('caseload.empty') : t('caseload.emptyAll')}</p>
      )}
      {rows.length > 0 && <CaseloadTable rows={rows} busy={loading} updated={caseload.updated} />}
      {rows.length < total && (
        <button type="button" className="more" disabled={loading} onClick={caseload.loadMore}>
          {t('caseload.more')}
        </button>
      )}
    </section>
  );
}
