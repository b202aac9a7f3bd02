import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadAnswer, CaseloadSort, ProfessionalSummary } from '../../../shared/api.js';
import { caseloadSorts } from '../../../shared/api.js';
import { defaultPerspectives } from '../../../shared/domain.js';
import { signalStates } from '../../../shared/risk.js';
import { getJson } from '../api.js';
import type { CaseloadFilters as Filters } from './useCaseload.js';
import './caseload.css';
import '../i18n/nl/intake.js';
import '../i18n/nl/recovery.js';

const searchDelayMs = 250;

interface Props {
  filters: Filters;
  neighbourhoods: CaseloadAnswer['neighbourhoods'];
  onChange(changes: Partial<Filters>): void;
}

/** State, neighbourhood, perspective, owner, a search box (typing settles before it asks) and the order. */
export function CaseloadFilters({ filters, neighbourhoods, onChange }: Props) {
  const { t } = useTranslation();
  const [professionals, setProfessionals] = useState<ProfessionalSummary[]>([]);
  const [q, setQ] = useState(filters.q);

  useEffect(() => {
    getJson<{ professionals: ProfessionalSummary[] }>('/api/professionals')
      .then((body) => setProfessionals(body.professionals.toSorted((a, b) => a.name.localeCompare(b.name))))
      .catch((e: Error) => console.error(e));
  }, []);

  // The address changes when filters are cleared or on going back: the box follows.
  useEffect(() => setQ(filters.q), [filters.q]);

  useEffect(() => {
    if (q === filters.q) return;
    const timer = setTimeout(() => onChange({ q }), searchDelayMs);
    return () => clearTimeout(timer);
  }, [q, filters.q, onChange]);

  const select = (
    key: keyof Filters,
    options: { value: string; label: string }[],
    any?: string,
    hint?: string,
  ) => (
    <div className="caseload-filter">
      <label htmlFor={`caseload-${key}`}>
        {t(`caseload.${key}`)}
        {hint && <span className="visually-hidden"> {hint}</span>}
      </label>
      <select
        id={`caseload-${key}`}
        value={filters[key]}
        onChange={(e) => onChange({ [key]: e.target.value })}
      >
        {any !== undefined && <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="caseload-filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <div className="caseload-filter caseload-search">
        <label htmlFor="caseload-q">{t('caseload.search')}</label>
        <input id="caseload-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className="caseload-filter">
        <label htmlFor="caseload-status">{t('caseloadStatus.label')}</label>
        <select
          id="caseload-status"
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value })}
        >
          <option value="">{t('caseloadStatus.open')}</option>
          <option value="closed">{t('caseloadStatus.closed')}</option>
        </select>
      </div>
      {select(
        'state',
        [
          ...signalStates.map((s) => ({ value: s, label: t(`signalState.name.${s}`) })),
          { value: 'none', label: t('caseload.noneState') },
        ],
        t('caseload.anyState'),
      )}
      {select(
        'neighbourhood',
        neighbourhoods.map((n) => ({ value: n.id, label: n.name })),
        t('caseload.anyNeighbourhood'),
      )}
      {select(
        'perspective',
        defaultPerspectives.map((p) => ({ value: p, label: t(`perspective.${p}`) })),
        t('caseload.anyPerspective'),
      )}
      {select(
        'owner',
        professionals.map((p) => ({ value: p.id, label: p.name })),
        t('caseload.anyOwner'),
        t('caseload.ownerHint'),
      )}
      {select(
        'sort',
        caseloadSorts.map((s: CaseloadSort) => ({ value: s, label: t(`caseload.sortBy.${s}`) })),
      )}
    </form>
  );
}
