import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamKinds } from '../../../shared/adminApi.js';
import type { PlacesAnswer, TeamKind, TeamsAnswer } from '../../../shared/adminApi.js';
import { postJson } from '../api.js';
import { AdminTable } from './AdminTable.js';
import { ArchivedState, CreateForm, EditRow, KindOptions, NameField, RowActions } from './archivable.js';
import { FormMessages } from './FormMessages.js';
import { useAdminAction } from './useAdminAction.js';
import '../i18n/nl/admin.js';

interface Draft {
  name: string;
  kind: TeamKind;
  neighbourhoodId: string;
}

const pathOf = (id: string) => `/api/admin/teams/${encodeURIComponent(id)}`;

/** The neighbourhoods a team may be put in: neither it nor its district is archived. */
export function openNeighbourhoods(places: PlacesAnswer) {
  return places.districts
    .filter((d) => !d.archivedAt)
    .flatMap((d) => d.neighbourhoods.filter((n) => !n.archivedAt).map((n) => ({ ...n, district: d.name })));
}

/** Teams, each in one neighbourhood and of one kind: add, edit, archive and restore. */
export function TeamsSection({
  data,
  places,
  onChanged,
}: {
  data: TeamsAnswer;
  places: PlacesAnswer;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const pickable = openNeighbourhoods(places);
  const nameOf = new Map(places.districts.flatMap((d) => d.neighbourhoods.map((n) => [n.id, n.name])));
  const [draft, setDraft] = useState<Draft>({ name: '', kind: 'primary-care', neighbourhoodId: '' });
  const [editing, setEditing] = useState<(Draft & { id: string; was: string }) | null>(null);
  const neighbourhoodId = draft.neighbourhoodId || pickable[0]?.id || '';
  const create = useAdminAction({
    name: t('adminTeams.newName'),
    kind: t('adminTeams.kind'),
    neighbourhoodId: t('adminTeams.newNeighbourhood'),
  });
  const row = useAdminAction({
    name: t('adminTeams.name'),
    kind: t('adminTeams.kind'),
    neighbourhoodId: t('adminTeams.neighbourhood'),
  });

  const submit = create.submit(
    () => postJson('/api/admin/teams', { ...draft, neighbourhoodId }),
    t('adminTeams.created', { name: draft.name.trim() }),
    () => {
      setDraft({ ...draft, neighbourhoodId, name: '' });
      onChanged();
    },
  );

  const kindOptions = <KindOptions list="adminTeams" kinds={teamKinds} />;

  const editForm = () => {
    if (!editing) return null;
    const { id, was, ...body } = editing;
    const options = pickable.some((n) => n.id === editing.neighbourhoodId)
      ? pickable
      : [
          { id: editing.neighbourhoodId, name: nameOf.get(editing.neighbourhoodId) ?? '', district: '' },
          ...pickable,
        ];
    return (
      <EditRow
        key={`${id}-edit`}
        list="adminTeams"
        colSpan={6}
        was={was}
        path={pathOf(id)}
        body={body}
        row={row}
        onClose={() => setEditing(null)}
        onChanged={onChanged}
      >
        <div>
          <NameField
            id="edit-team-name"
            label={t('adminTeams.editName', { name: was })}
            value={editing.name}
            onChange={(name) => setEditing({ ...editing, name })}
            invalid={row.fieldProps('name', 'team-row-error')}
          />
        </div>
        <div>
          <label htmlFor="edit-team-kind">{t('adminTeams.editKind', { name: was })}</label>
          <select
            id="edit-team-kind"
            value={editing.kind}
            onChange={(e) => setEditing({ ...editing, kind: e.target.value as TeamKind })}
          >
            {kindOptions}
          </select>
        </div>
        <div>
          <label htmlFor="edit-team-neighbourhood">{t('adminTeams.editNeighbourhood', { name: was })}</label>
          <select
            id="edit-team-neighbourhood"
            value={editing.neighbourhoodId}
            onChange={(e) => setEditing({ ...editing, neighbourhoodId: e.target.value })}
            {...row.fieldProps('neighbourhoodId', 'team-row-error')}
          >
            {options.map((n) => (
              <option key={n.id} value={n.id}>
                {n.district ? `${n.name} (${n.district})` : n.name}
              </option>
            ))}
          </select>
        </div>
      </EditRow>
    );
  };

  return (
    <section className="admin-section" aria-labelledby="teams-heading">
      <h2 id="teams-heading">{t('adminTeams.heading')}</h2>
      <p className="muted">{t('adminTeams.intro')}</p>
      {data.teams.length === 0 ? (
        <p>{t('adminTeams.none')}</p>
      ) : (
        <AdminTable
          caption={t('adminTeams.table')}
          columns={[
            t('adminTeams.name'),
            t('adminTeams.kind'),
            t('adminTeams.neighbourhood'),
            t('adminTeams.members'),
            t('adminTeams.state'),
            t('adminTeams.actions'),
          ]}
        >
          {data.teams.flatMap((team) => [
            <tr key={team.id} className={team.archivedAt ? 'archived' : undefined}>
              <th scope="row">{team.name}</th>
              <td>{t(`adminTeams.kinds.${team.kind}`)}</td>
              <td>{team.neighbourhoodId ? (nameOf.get(team.neighbourhoodId) ?? '') : ''}</td>
              <td>{team.members}</td>
              <td>
                <ArchivedState list="adminTeams" item={team} />
              </td>
              <RowActions
                list="adminTeams"
                path={pathOf(team.id)}
                item={team}
                row={row}
                onChanged={onChanged}
                edit="edit"
                onEdit={() =>
                  setEditing({
                    id: team.id,
                    was: team.name,
                    name: team.name,
                    kind: team.kind,
                    neighbourhoodId: team.neighbourhoodId ?? pickable[0]?.id ?? '',
                  })
                }
              />
            </tr>,
            ...(editing?.id === team.id ? [editForm()] : []),
          ])}
        </AdminTable>
      )}
      <FormMessages id="team-row-error" error={row.error} done={row.done} />

      <CreateForm
        id="new-team"
        heading={t('adminTeams.create')}
        submit={t('adminTeams.submit')}
        action={create}
        onSubmit={submit}
      >
        {pickable.length === 0 && <p className="muted">{t('adminTeams.noNeighbourhood')}</p>}
        <div className="field-row">
          <div>
            <NameField
              id="team-name"
              label={t('adminTeams.newName')}
              value={draft.name}
              onChange={(name) => setDraft({ ...draft, name })}
              invalid={create.fieldProps('name', 'new-team-error')}
            />
          </div>
          <div>
            <label htmlFor="team-kind">{t('adminTeams.kind')}</label>
            <select
              id="team-kind"
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.target.value as TeamKind })}
            >
              {kindOptions}
            </select>
          </div>
          <div>
            <label htmlFor="team-neighbourhood">{t('adminTeams.newNeighbourhood')}</label>
            <select
              id="team-neighbourhood"
              value={neighbourhoodId}
              onChange={(e) => setDraft({ ...draft, neighbourhoodId: e.target.value })}
              {...create.fieldProps('neighbourhoodId', 'new-team-error')}
            >
              {pickable.length === 0 && <option value="">{t('adminTeams.chooseNeighbourhood')}</option>}
              {pickable.map((n) => (
                <option key={n.id} value={n.id}>
                  {`${n.name} (${n.district})`}
                </option>
              ))}
            </select>
          </div>
        </div>
      </CreateForm>
    </section>
  );
}
