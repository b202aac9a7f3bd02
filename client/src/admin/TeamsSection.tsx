import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { teamKinds } from '../../../shared/adminApi.js';
import type { AdminTeam, PlacesAnswer, TeamKind, TeamsAnswer } from '../../../shared/adminApi.js';
import { postJson, putJson } from '../api.js';
import { FormMessages } from './FormMessages.js';
import { useAdminAction } from './useAdminAction.js';

interface Draft {
  name: string;
  kind: TeamKind;
  neighbourhoodId: string;
}

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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = draft.name.trim();
    const ok = await create.run(
      () => postJson('/api/admin/teams', { ...draft, neighbourhoodId }),
      t('adminTeams.created', { name }),
    );
    if (ok) {
      setDraft({ ...draft, neighbourhoodId, name: '' });
      onChanged();
    }
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const { id, was: _was, ...body } = editing;
    const ok = await row.run(
      () => putJson(`/api/admin/teams/${encodeURIComponent(id)}`, body),
      t('adminTeams.saved', { name: body.name.trim() }),
    );
    if (ok) {
      setEditing(null);
      onChanged();
    }
  };
  const archive = async (team: AdminTeam, archived: boolean) => {
    const ok = await row.run(
      () => putJson(`/api/admin/teams/${encodeURIComponent(team.id)}/archived`, { archived }),
      t(archived ? 'adminTeams.archivedDone' : 'adminTeams.restoredDone', { name: team.name }),
    );
    if (ok) onChanged();
  };

  const kindOptions = teamKinds.map((k) => (
    <option key={k} value={k}>
      {t(`adminTeams.kinds.${k}`)}
    </option>
  ));

  const editForm = (team: AdminTeam) => {
    if (!editing) return null;
    const options = pickable.some((n) => n.id === editing.neighbourhoodId)
      ? pickable
      : [
          { id: editing.neighbourhoodId, name: nameOf.get(editing.neighbourhoodId) ?? '', district: '' },
          ...pickable,
        ];
    return (
      <tr key={`${team.id}-edit`}>
        <td colSpan={6}>
          <form
            className="admin-form"
            onSubmit={(e) => void save(e)}
            aria-label={t('adminTeams.editNamed', { name: editing.was })}
            noValidate
          >
            <div className="field-row">
              <div>
                <label htmlFor="edit-team-name">{t('adminTeams.editName', { name: editing.was })}</label>
                <input
                  id="edit-team-name"
                  value={editing.name}
                  maxLength={120}
                  onChange={(e) => setEditing({ ...editing, name: e.target.value })}
                  {...row.fieldProps('name', 'team-row-error')}
                />
              </div>
              <div>
                <label htmlFor="edit-team-kind">{t('adminTeams.editKind', { name: editing.was })}</label>
                <select
                  id="edit-team-kind"
                  value={editing.kind}
                  onChange={(e) => setEditing({ ...editing, kind: e.target.value as TeamKind })}
                >
                  {kindOptions}
                </select>
              </div>
              <div>
                <label htmlFor="edit-team-neighbourhood">
                  {t('adminTeams.editNeighbourhood', { name: editing.was })}
                </label>
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
            </div>
            <button type="submit" className="primary small" disabled={row.busy}>
              {t('adminTeams.save')}
            </button>{' '}
            <button type="button" className="small" onClick={() => setEditing(null)}>
              {t('adminTeams.cancel')}
            </button>
          </form>
        </td>
      </tr>
    );
  };

  return (
    <section className="admin-section" aria-labelledby="teams-heading">
      <h2 id="teams-heading">{t('adminTeams.heading')}</h2>
      <p className="muted">{t('adminTeams.intro')}</p>
      {data.teams.length === 0 ? (
        <p>{t('adminTeams.none')}</p>
      ) : (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('common.tableOf', { name: t('adminTeams.table') })}
        >
          <table>
            <caption className="visually-hidden">{t('adminTeams.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('adminTeams.name')}</th>
                <th scope="col">{t('adminTeams.kind')}</th>
                <th scope="col">{t('adminTeams.neighbourhood')}</th>
                <th scope="col">{t('adminTeams.members')}</th>
                <th scope="col">{t('adminTeams.state')}</th>
                <th scope="col">{t('adminTeams.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.teams.flatMap((team) => [
                <tr key={team.id} className={team.archivedAt ? 'archived' : undefined}>
                  <th scope="row">{team.name}</th>
                  <td>{t(`adminTeams.kinds.${team.kind}`)}</td>
                  <td>{team.neighbourhoodId ? (nameOf.get(team.neighbourhoodId) ?? '') : ''}</td>
                  <td>{team.members}</td>
                  <td>{team.archivedAt ? t('adminTeams.archived') : t('adminTeams.active')}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="small"
                      aria-label={t('adminTeams.editNamed', { name: team.name })}
                      onClick={() => {
                        row.clear();
                        setEditing({
                          id: team.id,
                          was: team.name,
                          name: team.name,
                          kind: team.kind,
                          neighbourhoodId: team.neighbourhoodId ?? pickable[0]?.id ?? '',
                        });
                      }}
                    >
                      {t('adminTeams.edit')}
                    </button>
                    <button
                      type="button"
                      className="small"
                      aria-label={t(team.archivedAt ? 'adminTeams.restoreNamed' : 'adminTeams.archiveNamed', {
                        name: team.name,
                      })}
                      onClick={() => void archive(team, !team.archivedAt)}
                    >
                      {team.archivedAt ? t('adminTeams.restore') : t('adminTeams.archive')}
                    </button>
                  </td>
                </tr>,
                ...(editing?.id === team.id ? [editForm(team)] : []),
              ])}
            </tbody>
          </table>
        </div>
      )}
      <FormMessages id="team-row-error" error={row.error} done={row.done} />

      <form
        className="admin-form"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="new-team-heading"
        noValidate
      >
        <h3 id="new-team-heading">{t('adminTeams.create')}</h3>
        {pickable.length === 0 && <p className="muted">{t('adminTeams.noNeighbourhood')}</p>}
        <div className="field-row">
          <div>
            <label htmlFor="team-name">{t('adminTeams.newName')}</label>
            <input
              id="team-name"
              value={draft.name}
              maxLength={120}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              {...create.fieldProps('name', 'new-team-error')}
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
        <FormMessages id="new-team-error" error={create.error} done={create.done} />
        <button type="submit" className="primary" disabled={create.busy}>
          {t('adminTeams.submit')}
        </button>
      </form>
    </section>
  );
}
