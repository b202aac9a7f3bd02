import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminDistrict, AdminNeighbourhood, PlacesAnswer } from '../../../shared/adminApi.js';
import { postJson, putJson } from '../api.js';
import { AdminTable } from './AdminTable.js';
import { ArchivedState, CreateForm, NameField, RowActions, SaveCancel } from './archivable.js';
import { FormMessages } from './FormMessages.js';
import { useAdminAction } from './useAdminAction.js';
import '../i18n/nl/admin.js';

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

  const addDistrict = newDistrict.submit(
    () => postJson('/api/admin/districts', { name: districtName }),
    t('places.districtAdded', { name: districtName.trim() }),
    () => {
      setDistrictName('');
      onChanged();
    },
  );
  const addNeighbourhood = newNeighbourhood.submit(
    () => postJson('/api/admin/neighbourhoods', { districtId, name: neighbourhood.name }),
    t('places.neighbourhoodAdded', { name: neighbourhood.name.trim() }),
    () => {
      setNeighbourhood({ districtId, name: '' });
      onChanged();
    },
  );

  const renameForm = (item: Place, newName: string) => (
    <form
      className="inline-field"
      onSubmit={row.submit(
        () => putJson(pathOf(item), { name: newName }),
        t('places.renamed', { name: item.place.name, newName: newName.trim() }),
        () => {
          setRenaming(null);
          onChanged();
        },
      )}
      noValidate
    >
      <NameField
        id={`rename-${item.place.id}`}
        label={t('places.newName', { name: item.place.name })}
        value={newName}
        onChange={(name) => setRenaming({ id: item.place.id, name })}
        invalid={row.fieldProps('name', 'place-row-error')}
        autoFocus
        hiddenLabel
      />
      <SaveCancel list="places" busy={row.busy} onCancel={() => setRenaming(null)} />
    </form>
  );

  const placeRow = (item: Place, districtName: string | null) => {
    const { place } = item;
    const isRenaming = renaming?.id === place.id;
    return (
      <tr key={place.id} className={place.archivedAt ? 'archived' : undefined}>
        <th scope="row" className={item.kind === 'neighbourhood' ? 'indented' : undefined}>
          {isRenaming ? renameForm(item, renaming.name) : place.name}
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
        <td>
          <ArchivedState list="places" item={place} />
        </td>
        <RowActions
          list="places"
          path={pathOf(item)}
          item={place}
          row={row}
          onChanged={onChanged}
          edit="rename"
          onEdit={isRenaming ? null : () => setRenaming({ id: place.id, name: place.name })}
        />
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
        <AdminTable
          caption={t('places.table')}
          columns={[
            t('places.name'),
            t('places.kind'),
            t('places.district'),
            t('places.inUse'),
            t('places.state'),
            t('places.actions'),
          ]}
        >
          {data.districts.flatMap((d) => [
            placeRow({ kind: 'district', place: d }, null),
            ...d.neighbourhoods.map((n) => placeRow({ kind: 'neighbourhood', place: n }, d.name)),
          ])}
        </AdminTable>
      )}
      <FormMessages id="place-row-error" error={row.error} done={row.done} />

      <div className="field-row">
        <CreateForm
          id="new-district"
          heading={t('places.newDistrict')}
          submit={t('places.addDistrict')}
          action={newDistrict}
          onSubmit={addDistrict}
        >
          <NameField
            id="new-district-name"
            label={t('places.districtName')}
            value={districtName}
            onChange={setDistrictName}
            invalid={newDistrict.fieldProps('name', 'new-district-error')}
          />
        </CreateForm>

        <CreateForm
          id="new-neighbourhood"
          heading={t('places.newNeighbourhood')}
          submit={t('places.addNeighbourhood')}
          action={newNeighbourhood}
          onSubmit={addNeighbourhood}
        >
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
          <NameField
            id="new-neighbourhood-name"
            label={t('places.neighbourhoodName')}
            value={neighbourhood.name}
            onChange={(name) => setNeighbourhood((n) => ({ ...n, districtId, name }))}
            invalid={newNeighbourhood.fieldProps('name', 'new-neighbourhood-error')}
          />
        </CreateForm>
      </div>
    </section>
  );
}
