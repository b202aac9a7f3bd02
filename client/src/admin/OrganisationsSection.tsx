import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationKinds } from '../../../shared/adminApi.js';
import type { AdminOrganisation, OrganisationKind } from '../../../shared/adminApi.js';
import { postJson } from '../api.js';
import { AdminTable } from './AdminTable.js';
import { ArchivedState, CreateForm, EditRow, KindOptions, NameField, RowActions } from './archivable.js';
import { FormMessages } from './FormMessages.js';
import { useAdminAction } from './useAdminAction.js';
import '../i18n/nl/admin.js';

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

  const submit = create.submit(
    () => postJson('/api/admin/organisations', draft),
    t('organisations.created', { name: draft.name.trim() }),
    () => {
      setDraft({ ...draft, name: '' });
      onChanged();
    },
  );

  const kindOptions = <KindOptions list="organisations" kinds={organisationKinds} />;

  const editForm = () => {
    if (!editing) return null;
    const { id, was, ...body } = editing;
    return (
      <EditRow
        key={`${id}-edit`}
        list="organisations"
        colSpan={5}
        was={was}
        path={pathOf(id)}
        body={body}
        row={row}
        onClose={() => setEditing(null)}
        onChanged={onChanged}
      >
        <div>
          <NameField
            id="edit-organisation-name"
            label={t('organisations.editName', { name: was })}
            value={editing.name}
            onChange={(name) => setEditing({ ...editing, name })}
            invalid={row.fieldProps('name', 'organisation-row-error')}
            autoFocus
          />
        </div>
        <div>
          <label htmlFor="edit-organisation-kind">{t('organisations.editKind', { name: was })}</label>
          <select
            id="edit-organisation-kind"
            value={editing.kind}
            onChange={(e) => setEditing({ ...editing, kind: e.target.value as OrganisationKind })}
          >
            {kindOptions}
          </select>
        </div>
      </EditRow>
    );
  };

  return (
    <section className="admin-section" aria-labelledby="organisations-heading">
      <h2 id="organisations-heading">{t('organisations.heading')}</h2>
      <p className="muted">{t('organisations.intro')}</p>
      {organisations.length === 0 ? (
        <p>{t('organisations.none')}</p>
      ) : (
        <AdminTable
          caption={t('organisations.table')}
          columns={[
            t('organisations.name'),
            t('organisations.kind'),
            t('organisations.members'),
            t('organisations.state'),
            t('organisations.actions'),
          ]}
        >
          {organisations.flatMap((organisation) => [
            <tr key={organisation.id} className={organisation.archivedAt ? 'archived' : undefined}>
              <th scope="row">{organisation.name}</th>
              <td>{t(`organisations.kinds.${organisation.kind}`)}</td>
              <td>{organisation.members}</td>
              <td>
                <ArchivedState list="organisations" item={organisation} />
              </td>
              <RowActions
                list="organisations"
                path={pathOf(organisation.id)}
                item={organisation}
                row={row}
                onChanged={onChanged}
                edit="edit"
                onEdit={() =>
                  setEditing({
                    id: organisation.id,
                    was: organisation.name,
                    name: organisation.name,
                    kind: organisation.kind,
                  })
                }
              />
            </tr>,
            ...(editing?.id === organisation.id ? [editForm()] : []),
          ])}
        </AdminTable>
      )}
      <FormMessages id="organisation-row-error" error={row.error} done={row.done} />

      <CreateForm
        id="new-organisation"
        heading={t('organisations.create')}
        submit={t('organisations.submit')}
        action={create}
        onSubmit={submit}
      >
        <div className="field-row">
          <div>
            <NameField
              id="new-organisation-name"
              label={t('organisations.newName')}
              value={draft.name}
              onChange={(name) => setDraft({ ...draft, name })}
              invalid={create.fieldProps('name', 'new-organisation-error')}
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
      </CreateForm>
    </section>
  );
}
