import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceSearchAnswer, SocialService } from '../../../shared/socialMapApi.js';
import { useSettled } from '../socialMap/useMapOptions.js';
import { useApi } from '../useApi.js';
import '../i18n/nl/board.js';

/** An advice's service: search the district's social map by words, pick one from a select, see its name. */
export function ServicePicker({
  serviceId,
  districtId,
  onChange,
}: {
  serviceId: string | null;
  districtId: string | null;
  onChange(serviceId: string | null): void;
}) {
  const { t } = useTranslation('trees');
  const ids = { q: useId(), select: useId() };
  const [typed, setTyped] = useState('');
  const q = useSettled(typed).trim();
  const query = new URLSearchParams({ q });
  if (districtId) query.set('districtId', districtId);
  const found = useApi<ServiceSearchAnswer>(q ? `/api/social-map/services?${query.toString()}` : null, {
    keepPrevious: true,
  });
  const chosen = useApi<{ services: SocialService[] }>(
    serviceId ? `/api/social-map/services/by-id?ids=${serviceId}` : null,
  );
  const current = chosen.data?.services.find((s) => s.id === serviceId) ?? null;
  const options = [
    ...(current ? [current] : []),
    ...(found.data?.services ?? []).filter((s) => s.id !== serviceId),
  ];
  return (
    <div className="tree-service">
      <label htmlFor={ids.q}>{t('editor.searchService')}</label>
      <input id={ids.q} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
      <label htmlFor={ids.select}>{t('editor.service')}</label>
      <select id={ids.select} value={serviceId ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('editor.noService')}</option>
        {options.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.organisationName})
          </option>
        ))}
      </select>
      {current && (
        <p className="muted">
          {t('editor.chosen', { name: `${current.name} (${current.organisationName})` })}
        </p>
      )}
    </div>
  );
}
