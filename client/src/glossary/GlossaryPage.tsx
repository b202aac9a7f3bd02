import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldName } from '../../../shared/search.js';
import type { GlossaryTerm } from '../../../shared/glossary.js';
import { useSession } from '../session.js';
import { GlossaryAdmin } from './GlossaryAdmin.js';
import { useGlossary } from './useGlossary.js';
import './glossary.css';

/** Whether a term is what someone searches for: in its words, its forms or any of its meanings. */
const matchesSearch = (term: GlossaryTerm, folded: string) =>
  !folded ||
  foldName(
    [term.term, ...term.variants, term.medicalMeaning, term.socialMeaning, term.sharedMeaning].join(' '),
  ).includes(folded);

/**
 * "Begrippen van de wijk" (SPEC GL8): the district's shared terms for professionals, searchable,
 * each with what it means to the medical side, to the social side and what was agreed, side by
 * side; the administrator also keeps them here.
 */
export function GlossaryPage() {
  const { t } = useTranslation('glossary');
  const ids = useId();
  const { user } = useSession();
  const [districtId, setDistrictId] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const { answer, byId, error } = useGlossary(
    districtId ? `/api/glossary?districtId=${encodeURIComponent(districtId)}` : '/api/glossary',
  );
  const folded = foldName(q.trim().replace(/\s+/g, ' '));
  const shown = useMemo(
    () => (answer?.terms ?? []).filter((term) => matchesSearch(term, folded)),
    [answer, folded],
  );
  return (
    <div className="glossary-page">
      <h1>{t('page.title')}</h1>
      <p className="muted">{t('page.intro')}</p>
      {/* The administrator keeps the terms here too, above what professionals read (GL1). */}
      {user?.role === 'admin' && <GlossaryAdmin />}
      <form
        role="search"
        className="glossary-search"
        aria-label={t('page.search')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${ids}-q`}>{t('page.search')}</label>
          <input
            id={`${ids}-q`}
            type="search"
            value={q}
            placeholder={t('page.searchHint')}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        {answer && answer.districts.length > 1 && (
          <div className="field">
            <label htmlFor={`${ids}-district`}>{t('page.district')}</label>
            <select
              id={`${ids}-district`}
              value={answer.districtId ?? ''}
              onChange={(e) => setDistrictId(e.target.value)}
            >
              {answer.districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      {error && <p role="alert">{t('page.failed', { message: error })}</p>}
      {!answer && !error && <p role="status">…</p>}
      {answer && (
        <>
          <p role="status">
            {answer.terms.length === 0
              ? t('page.empty')
              : shown.length === 0
                ? t('page.none')
                : t('page.results', { count: shown.length })}
          </p>
          <ul className="glossary-list">
            {shown.map((term) => (
              <li key={term.id} id={`term-${term.id}`} className="glossary-entry">
                <h2>{term.term}</h2>
                {term.variants.length > 0 && (
                  <p className="muted">
                    {t('page.variants')}: {term.variants.join(', ')}
                  </p>
                )}
                <dl className="glossary-meanings">
                  <div className="glossary-meaning is-medical">
                    <dt>{t('page.medical')}</dt>
                    <dd>{term.medicalMeaning}</dd>
                  </div>
                  <div className="glossary-meaning is-social">
                    <dt>{t('page.social')}</dt>
                    <dd>{term.socialMeaning}</dd>
                  </div>
                  <div className="glossary-meaning is-shared">
                    <dt>{t('page.shared')}</dt>
                    <dd>{term.sharedMeaning}</dd>
                  </div>
                </dl>
                {term.related.length > 0 && (
                  <p className="glossary-related">
                    {t('page.related')}:{' '}
                    {term.related.map((id, i) => {
                      const other = byId.get(id);
                      if (!other) return null;
                      return (
                        <span key={id}>
                          {i > 0 && ', '}
                          <a href={`#term-${id}`} onClick={() => setQ('')}>
                            {other.term}
                          </a>
                        </span>
                      );
                    })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
