import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { ServiceLinkAnswer, ServiceSearchAnswer, SocialService } from '../../../shared/socialMapApi.js';
import { serviceLanguages } from '../../../shared/socialMapApi.js';
import { defaultPerspectives, lifeDomains } from '../../../shared/vocabulary.js';
import { postJson } from '../api.js';
import { OneTimeLink } from '../components/OneTimeLink.js';
import { formatDate } from '../i18n/index.js';
import { useSession } from '../session.js';
import { useApi } from '../useApi.js';
import { ServiceCard } from './ServiceCard.js';
import { ServiceForm } from './ServiceForm.js';
import { useMapOptions, useSettled } from './useMapOptions.js';
import './socialMap.css';
import '../i18n/nl/access.js';

const filterKeys = ['lifeDomain', 'perspective', 'neighbourhoodId', 'language'] as const;
const flagKeys = ['peerRun', 'free', 'includeInactive'] as const;

/**
 * The social map (sociale kaart): what every organisation in the district offers, searched with
 * words and filters that live in the address (so a search can be shared and Back works).
 * Peer-run services come first among equals. The administrator adds, corrects and confirms
 * services here and makes the one-time link for a service's contact person.
 */
export function SocialMapPage() {
  const { t, i18n } = useTranslation('socialMap');
  const { t: tc } = useTranslation();
  const { user } = useSession();
  const admin = user?.role === 'admin';
  const { options, neighbourhoodName } = useMapOptions();
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState(params.get('q') ?? '');
  const q = useSettled(typed);
  const [editing, setEditing] = useState<SocialService | 'new' | null>(null);
  const [done, setDone] = useState('');
  const [link, setLink] = useState<(ServiceLinkAnswer & { name: string }) | null>(null);
  const queryClient = useQueryClient();
  const ids = { q: useId(), filters: useId() };

  const districtId = params.get('districtId') ?? options?.districtId ?? null;
  const district = options?.districts.find((d) => d.id === districtId);
  const page = Number(params.get('page') ?? '1') || 1;
  const query = new URLSearchParams();
  if (districtId) query.set('districtId', districtId);
  if (q.trim()) query.set('q', q.trim());
  for (const key of [...filterKeys, ...flagKeys]) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  if (page > 1) query.set('page', String(page));
  const { data, error } = useApi<ServiceSearchAnswer>(
    options ? `/api/social-map/services?${query.toString()}` : null,
    { keepPrevious: true },
  );

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    setParams(next, { replace: true });
  };
  const refresh = () =>
    void queryClient.invalidateQueries({
      predicate: (qk) => String(qk.queryKey[0]).startsWith('/api/social-map/'),
    });

  const confirm = async (service: SocialService) => {
    await postJson(`/api/social-map/services/${service.id}/confirmed`);
    setDone(t('admin.confirmed', { name: service.name }));
    refresh();
  };
  const makeLink = async (service: SocialService) => {
    const answer = await postJson<ServiceLinkAnswer>(`/api/social-map/services/${service.id}/link`);
    setLink({ ...answer, name: service.contact.name });
  };

  const select = (
    key: (typeof filterKeys)[number],
    label: string,
    choices: { value: string; label: string }[],
  ) => {
    const id = `${ids.filters}-${key}`;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={params.get(key) ?? ''} onChange={(e) => setParam(key, e.target.value || null)}>
          <option value="">{t('search.any')}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
    );
  };
  const flag = (key: (typeof flagKeys)[number], label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={params.get(key) === 'true'}
        onChange={(e) => setParam(key, e.target.checked ? 'true' : null)}
      />{' '}
      {label}
    </label>
  );

  if (editing && options)
    return (
      <div className="social-map">
        <ServiceForm
          service={editing === 'new' ? null : editing}
          options={options}
          districtId={districtId!}
          onDone={(name, created) => {
            setEditing(null);
            setDone(t(created ? 'admin.created' : 'admin.saved', { name }));
            refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      </div>
    );

  const pages = data ? Math.ceil(data.total / data.pageSize) : 0;
  return (
    <div className="social-map">
      <h1>{t('title')}</h1>
      {district && <p className="muted">{t('intro', { district: district.name })}</p>}
      <p role="status" className="form-ok">
        {done}
      </p>
      {link && (
        <div className="panel">
          <p>
            {t('admin.linkIntro', {
              name: link.name,
              date: formatDate(link.expiresAt.slice(0, 10), i18n.language),
            })}
          </p>
          <OneTimeLink link={link.url} expiresAt={link.expiresAt} label={t('admin.link')} />
        </div>
      )}
      <form
        role="search"
        className="map-search"
        aria-label={t('search.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field map-q">
          <label htmlFor={ids.q}>{t('search.label')}</label>
          <input
            id={ids.q}
            type="search"
            value={typed}
            placeholder={t('search.placeholder')}
            onChange={(e) => {
              setTyped(e.target.value);
              setParam('q', e.target.value.trim() || null);
            }}
          />
        </div>
        <fieldset className="map-filters">
          <legend>{t('search.filters')}</legend>
          {options && options.districts.length > 1 && (
            <div className="field">
              <label htmlFor={`${ids.filters}-district`}>{t('search.district')}</label>
              <select
                id={`${ids.filters}-district`}
                value={districtId ?? ''}
                onChange={(e) => {
                  const next = new URLSearchParams();
                  next.set('districtId', e.target.value);
                  setParams(next, { replace: true });
                }}
              >
                {options.districts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {select(
            'lifeDomain',
            t('search.lifeDomain'),
            lifeDomains.map((d) => ({ value: d, label: tc(`domain.${d}`) })),
          )}
          {select(
            'perspective',
            t('search.perspective'),
            defaultPerspectives.map((p) => ({ value: p, label: tc(`perspective.${p}`) })),
          )}
          {select(
            'neighbourhoodId',
            t('search.neighbourhood'),
            (district?.neighbourhoods ?? []).map((n) => ({ value: n.id, label: n.name })),
          )}
          {select(
            'language',
            t('search.language'),
            serviceLanguages.map((l) => ({ value: l, label: t(`languageNames.${l}`) })),
          )}
          {flag('peerRun', t('search.peerRun'))}
          {flag('free', t('search.free'))}
          {admin && flag('includeInactive', t('search.inactive'))}
        </fieldset>
      </form>
      {admin && (
        <p>
          <button type="button" className="primary" onClick={() => setEditing('new')} disabled={!districtId}>
            {t('admin.add')}
          </button>
        </p>
      )}
      {error && <p role="alert">{t('search.failed', { message: error })}</p>}
      {data && (
        <>
          <p className="map-count" aria-live="polite">
            {t('search.results', { count: data.total })}
          </p>
          {data.total === 0 ? (
            <p className="muted">{t('search.none')}</p>
          ) : (
            <ul className="service-list">
              {data.services.map((s) => (
                <li key={s.id}>
                  <ServiceCard
                    service={s}
                    neighbourhoodName={neighbourhoodName}
                    headingLevel={2}
                    actions={
                      admin && (
                        <>
                          <button type="button" onClick={() => setEditing(s)}>
                            {t('admin.edit')}
                          </button>
                          <button type="button" onClick={() => void confirm(s)}>
                            {t('admin.confirm')}
                          </button>
                          <button type="button" onClick={() => void makeLink(s)}>
                            {t('admin.link')}
                          </button>
                        </>
                      )
                    }
                  />
                </li>
              ))}
            </ul>
          )}
          {pages > 1 && (
            <nav className="pager" aria-label={t('search.label')}>
              <button type="button" disabled={page <= 1} onClick={() => goTo(page - 1)}>
                ‹ {page - 1}
              </button>
              <span>
                {page} / {pages}
              </span>
              <button type="button" disabled={page >= pages} onClick={() => goTo(page + 1)}>
                {page + 1} ›
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
