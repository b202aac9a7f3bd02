import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminDistrict, AdminNeighbourhood, PlacesAnswer } from '../../../shared/adminApi.js';
import { postJson, putJson } from '../api.js';
import { FormMessages } from './FormMessages.js';
import { useAdminAction } from './useAdminAction.js';

type Place =
  { kind: 'district'; place: AdminDistrict } | { kind: 'neighbourhood'; place: AdminNeighbourhood };
const pathOf = ({ kind, place }: Place) =>
  `/api/admin/${kind === 'district' ? 'districts' : 'neighbourhoods'}/${encodeURIComponent(place.id)}`;

/** Districts (wijk) and their neighbourhoods (buurt): add, rename, archive and restore. */
export function PlacesSection({ data, onChanged }: { data: PlacesAnswer; onChanged(): void }) {
  const { t } = useTranslation();
  const [districtName, setDistrictName] = useState('');
  const [neighbourhood, setNeighbourhood] = useState({ districtId: '', name: '' });
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const newDistrict = useAdminAction({ name: t('places.districtName') });
  const newNeighbourhood = useAdminAction({
    name: t('places.neighbourhoodName'),
    districtId: t('places.neighbourhoodDistrict'),
  });
  const row = useAdminAction({ name: t('places.name') });
  const openDistricts = data.districts.filter((d) => !d.archivedAt);
  const districtId = neighbourhood.districtId || openDistricts[0]?.id || '';

  const addDistrict = async (event: FormEvent) => {
    event.preventDefault();
    const name = districtName.trim();
    const ok = await newDistrict.run(
      () => postJson('/api/admin/districts', { name: districtName }),
      t('places.districtAdded', { name }),
    );
    if (ok) {
      setDistrictName('');
      onChanged();
    }
  };
  const addNeighbourhood = async (event: FormEvent) => {
    event.preventDefault();
    const name = neighbourhood.name.trim();
    const ok = await newNeighbourhood.run(
      () => postJson('/api/admin/neighbourhoods', { districtId, name: neighbourhood.name }),
      t('places.neighbourhoodAdded', { name }),
    );
    if (ok) {
      setNeighbourhood({ districtId, name: '' });
      onChanged();
    }
  };
  const rename = async (event: FormEvent, place: Place) => {
    event.preventDefault();
    if (!renaming) return;
    const newName = renaming.name.trim();
    const ok = await row.run(
      () => putJson(pathOf(place), { name: renaming.name }),
      t('places.renamed', { name: place.place.name, newName }),
    );
    if (ok) {
      setRenaming(null);
      onChanged();
    }
  };
  const archive = async (place: Place, archived: boolean) => {
    const ok = await row.run(
      () => putJson(`${pathOf(place)}/archived`, { archived }),
      t(archived ? 'places.archivedDone' : 'places.restoredDone', { name: place.place.name }),
    );
    if (ok) onChanged();
  };

  const placeRow = (item: Place, districtName: string | null) => {
    const { place } = item;
    const isRenaming = renaming?.id === place.id;
    const inputId = `rename-${place.id}`;
    return (
      <tr key={place.id} className={place.archivedAt ? 'archived' : undefined}>
        <th scope="row" className={item.kind === 'neighbourhood' ? 'indented' : undefined}>
          {isRenaming ? (
            <form className="inline-field" onSubmit={(e) => void rename(e, item)} noValidate>
              <label htmlFor={inputId} className="visually-hidden">
                {t('places.newName', { name: place.name })}
              </label>
              <input
                id={inputId}
                value={renaming.name}
                maxLength={120}
                onChange={(e) => setRenaming({ id: place.id, name: e.target.value })}
                {...row.fieldProps('name', 'place-row-error')}
                autoFocus
              />
              <button type="submit" className="small primary" disabled={row.busy}>
                {t('places.save')}
              </button>
              <button type="button" className="small" onClick={() => setRenaming(null)}>
                {t('places.cancel')}
              </button>
            </form>
          ) : (
            place.name
          )}
        </th>
        <td>{item.kind === 'district' ? t('places.district') : t('places.neighbourhood')}</td>
        <td>{districtName ?? ''}</td>
        <td>
          {item.kind === 'neighbourhood' &&
            t('places.inUseCounts', {
              teams: item.place.teams,
              cases: item.place.openCases,
              meetings: item.place.meetings,
            })}
        </td>
        <td>{place.archivedAt ? t('places.archived') : t('places.active')}</td>
        <td className="row-actions">
          {!isRenaming && (
            <button
              type="button"
              className="small"
              aria-label={t('places.renameNamed', { name: place.name })}
              onClick={() => {
                row.clear();
                setRenaming({ id: place.id, name: place.name });
              }}
            >
              {t('places.rename')}
            </button>
          )}
          <button
            type="button"
            className="small"
            aria-label={t(place.archivedAt ? 'places.restoreNamed' : 'places.archiveNamed', {
              name: place.name,
            })}
            onClick={() => void archive(item, !place.archivedAt)}
          >
            {place.archivedAt ? t('places.restore') : t('places.archive')}
          </button>
        </td>
      </tr>
    );
  };

  return (
    <section className="admin-section" aria-labelledby="places-heading">
      <h2 id="places-heading">{t('places.heading')}</h2>
      <p className="muted">{t('places.intro')}</p>
      {data.districts.length === 0 ? (
        <p>{t('places.none')}</p>
      ) : (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('common.tableOf', { name: t('places.table') })}
        >
          <table>
            <caption className="visually-hidden">{t('places.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('places.name')}</th>
                <th scope="col">{t('places.kind')}</th>
                <th scope="col">{t('places.district')}</th>
                <th scope="col">{t('places.inUse')}</th>
                <th scope="col">{t('places.state')}</th>
                <th scope="col">{t('places.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.districts.flatMap((d) => [
                placeRow({ kind: 'district', place: d }, null),
                ...d.neighbourhoods.map((n) => placeRow({ kind: 'neighbourhood', place: n }, d.name)),
              ])}
            </tbody>
          </table>
        </div>
      )}
      <FormMessages id="place-row-error" error={row.error} done={row.done} />

      <div className="field-row">
        <form
          className="admin-form"
          onSubmit={(e) => void addDistrict(e)}
          aria-labelledby="new-district-heading"
          noValidate
        >
          <h3 id="new-district-heading">{t('places.newDistrict')}</h3>
          <label htmlFor="new-district-name">{t('places.districtName')}</label>
          <input
            id="new-district-name"
            value={districtName}
            maxLength={120}
            onChange={(e) => setDistrictName(e.target.value)}
            {...newDistrict.fieldProps('name', 'new-district-error')}
          />
          <FormMessages id="new-district-error" error={newDistrict.error} done={newDistrict.done} />
          <button type="submit" className="primary" disabled={newDistrict.busy}>
            {t('places.addDistrict')}
          </button>
        </form>

        <form
          className="admin-form"
          onSubmit={(e) => void addNeighbourhood(e)}
          aria-labelledby="new-neighbourhood-heading"
          noValidate
        >
          <h3 id="new-neighbourhood-heading">{t('places.newNeighbourhood')}</h3>
          <label htmlFor="new-neighbourhood-district">{t('places.neighbourhoodDistrict')}</label>
          <select
            id="new-neighbourhood-district"
            value={districtId}
            onChange={(e) => setNeighbourhood((n) => ({ ...n, districtId: e.target.value }))}
            {...newNeighbourhood.fieldProps('districtId', 'new-neighbourhood-error')}
          >
            {openDistricts.length === 0 && <option value="">{t('places.chooseDistrict')}</option>}
            {openDistricts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <label htmlFor="new-neighbourhood-name">{t('places.neighbourhoodName')}</label>
          <input
            id="new-neighbourhood-name"
            value={neighbourhood.name}
            maxLength={120}
            onChange={(e) => setNeighbourhood((n) => ({ ...n, districtId, name: e.target.value }))}
            {...newNeighbourhood.fieldProps('name', 'new-neighbourhood-error')}
          />
          <FormMessages
            id="new-neighbourhood-error"
            error={newNeighbourhood.error}
            done={newNeighbourhood.done}
          />
          <button type="submit" className="primary" disabled={newNeighbourhood.busy}>
            {t('places.addNeighbourhood')}
          </button>
        </form>
      </div>
    </section>
  );
}
