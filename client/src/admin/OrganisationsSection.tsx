import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationKinds } from '../../../shared/adminApi.js';
import type { AdminOrganisation, OrganisationKind } from '../../../shared/adminApi.js';
import { postJson, putJson } from '../api.js';
import { FormMessages } from './FormMessages.js';
import { useAdminAction } from './useAdminAction.js';

interface Draft {
  name: string;
  kind: OrganisationKind;
}

const pathOf = (id: string) => `/api/admin/organisations/${encodeURIComponent(id)}`;

/**
 * The organisations professionals work for (the professional form's "Organisation" picker): add,
 * rename or change the kind, archive and restore; never deleted (SPEC PP12).
 */
export function OrganisationsSection({
  organisations,
  onChanged,
}: {
  organisations: AdminOrganisation[];
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({ name: '', kind: 'gp-practice' });
  const [editing, setEditing] = useState<(Draft & { id: string; was: string }) | null>(null);
  const create = useAdminAction({ name: t('organisations.newName'), kind: t('organisations.newKind') });
  const row = useAdminAction({ name: t('organisations.name'), kind: t('organisations.kind') });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = draft.name.trim();
    const ok = await create.run(
      () => postJson('/api/admin/organisations', draft),
      t('organisations.created', { name }),
    );
    if (ok) {
      setDraft({ ...draft, name: '' });
      onChanged();
    }
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const { id, was: _was, ...body } = editing;
    const ok = await row.run(
      () => putJson(pathOf(id), body),
      t('organisations.saved', { name: body.name.trim() }),
    );
    if (ok) {
      setEditing(null);
      onChanged();
    }
  };
  const archive = async (organisation: AdminOrganisation, archived: boolean) => {
    const ok = await row.run(
      () => putJson(`${pathOf(organisation.id)}/archived`, { archived }),
      t(archived ? 'organisations.archivedDone' : 'organisations.restoredDone', { name: organisation.name }),
    );
    if (ok) onChanged();
  };

  const kindOptions = organisationKinds.map((k) => (
    <option key={k} value={k}>
      {t(`organisations.kinds.${k}`)}
    </option>
  ));

  const editForm = (organisation: AdminOrganisation) => {
    if (!editing) return null;
    return (
      <tr key={`${organisation.id}-edit`}>
        <td colSpan={5}>
          <form
            className="admin-form"
            onSubmit={(e) => void save(e)}
            aria-label={t('organisations.editNamed', { name: editing.was })}
            noValidate
          >
            <div className="field-row">
              <div>
                <label htmlFor="edit-organisation-name">
                  {t('organisations.editName', { name: editing.was })}
                </label>
                <input
                  id="edit-organisation-name"
                  value={editing.name}
                  maxLength={120}
                  onChange={(e) => setEditing({ ...editing, name: e.target.value })}
                  {...row.fieldProps('name', 'organisation-row-error')}
                  autoFocus
                />
              </div>
              <div>
                <label htmlFor="edit-organisation-kind">
                  {t('organisations.editKind', { name: editing.was })}
                </label>
                <select
                  id="edit-organisation-kind"
                  value={editing.kind}
                  onChange={(e) => setEditing({ ...editing, kind: e.target.value as OrganisationKind })}
                >
                  {kindOptions}
                </select>
              </div>
            </div>
            <button type="submit" className="primary small" disabled={row.busy}>
              {t('organisations.save')}
            </button>{' '}
            <button type="button" className="small" onClick={() => setEditing(null)}>
              {t('organisations.cancel')}
            </button>
          </form>
        </td>
      </tr>
    );
  };

  return (
    <section className="admin-section" aria-labelledby="organisations-heading">
      <h2 id="organisations-heading">{t('organisations.heading')}</h2>
      <p className="muted">{t('organisations.intro')}</p>
      {organisations.length === 0 ? (
        <p>{t('organisations.none')}</p>
      ) : (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('common.tableOf', { name: t('organisations.table') })}
        >
          <table>
            <caption className="visually-hidden">{t('organisations.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organisations.name')}</th>
                <th scope="col">{t('organisations.kind')}</th>
                <th scope="col">{t('organisations.members')}</th>
                <th scope="col">{t('organisations.state')}</th>
                <th scope="col">{t('organisations.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.flatMap((organisation) => [
                <tr key={organisation.id} className={organisation.archivedAt ? 'archived' : undefined}>
                  <th scope="row">{organisation.name}</th>
                  <td>{t(`organisations.kinds.${organisation.kind}`)}</td>
                  <td>{organisation.members}</td>
                  <td>{organisation.archivedAt ? t('organisations.archived') : t('organisations.active')}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="small"
                      aria-label={t('organisations.editNamed', { name: organisation.name })}
                      onClick={() => {
                        row.clear();
                        setEditing({
                          id: organisation.id,
                          was: organisation.name,
                          name: organisation.name,
                          kind: organisation.kind,
                        });
                      }}
                    >
                      {t('organisations.edit')}
                    </button>
                    <button
                      type="button"
                      className="small"
                      aria-label={t(
                        organisation.archivedAt ? 'organisations.restoreNamed' : 'organisations.archiveNamed',
                        { name: organisation.name },
                      )}
                      onClick={() => void archive(organisation, !organisation.archivedAt)}
                    >
                      {organisation.archivedAt ? t('organisations.restore') : t('organisations.archive')}
                    </button>
                  </td>
                </tr>,
                ...(editing?.id === organisation.id ? [editForm(organisation)] : []),
              ])}
            </tbody>
          </table>
        </div>
      )}
      <FormMessages id="organisation-row-error" error={row.error} done={row.done} />

      <form
        className="admin-form"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="new-organisation-heading"
        noValidate
      >
        <h3 id="new-organisation-heading">{t('organisations.create')}</h3>
        <div className="field-row">
          <div>
            <label htmlFor="new-organisation-name">{t('organisations.newName')}</label>
            <input
              id="new-organisation-name"
              value={draft.name}
              maxLength={120}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              {...create.fieldProps('name', 'new-organisation-error')}
            />
          </div>
          <div>
            <label htmlFor="new-organisation-kind">{t('organisations.newKind')}</label>
            <select
              id="new-organisation-kind"
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.target.value as OrganisationKind })}
              {...create.fieldProps('kind', 'new-organisation-error')}
            >
              {kindOptions}
            </select>
          </div>
        </div>
        <FormMessages id="new-organisation-error" error={create.error} done={create.done} />
        <button type="submit" className="primary" disabled={create.busy}>
          {t('organisations.submit')}
        </button>
      </form>
    </section>
  );
}
