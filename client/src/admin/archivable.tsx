// The parts of the admin's lists whose items are added, renamed, archived and restored, never
// deleted (SPEC PP12): districts and neighbourhoods, teams, organisations.
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { putJson } from '../api.js';
import { FormMessages } from './FormMessages.js';
import type { useAdminAction } from './useAdminAction.js';

type AdminAction = ReturnType<typeof useAdminAction>;

/** The translation namespace of a list: each has the same words (`archive`, `restoreNamed` …). */
export type ArchivableList = 'places' | 'adminTeams' | 'organisations';

interface Archivable {
  name: string;
  archivedAt: string | null;
}

/** Whether an item is in use or archived, in the list's words. */
export function ArchivedState({ list, item }: { list: ArchivableList; item: Archivable }) {
  const { t } = useTranslation();
  return <>{item.archivedAt ? t(`${list}.archived`) : t(`${list}.active`)}</>;
}

/**
 * A row's buttons: edit (or rename) and archive or restore, each named after the item. Archiving
 * is `PUT {path}/archived`, on the row's action so its outcome shows under the table.
 */
export function RowActions({
  list,
  path,
  item,
  row,
  onChanged,
  edit,
  onEdit,
}: {
  list: ArchivableList;
  /** The item's resource, e.g. `/api/admin/teams/{id}`. */
  path: string;
  item: Archivable;
  row: AdminAction;
  onChanged(): void;
  /** The edit button's word: `edit` or `rename`. */
  edit: 'edit' | 'rename';
  /** Opens the edit form; no edit button while it is open (null). */
  onEdit: (() => void) | null;
}) {
  const { t } = useTranslation();
  const archiving = !item.archivedAt;
  const archive = async () => {
    const ok = await row.run(
      () => putJson(`${path}/archived`, { archived: archiving }),
      t(archiving ? `${list}.archivedDone` : `${list}.restoredDone`, { name: item.name }),
    );
    if (ok) onChanged();
  };
  return (
    <td className="row-actions">
      {onEdit && (
        <button
          type="button"
          className="small"
          aria-label={t(`${list}.${edit}Named`, { name: item.name })}
          onClick={() => {
            row.clear();
            onEdit();
          }}
        >
          {t(`${list}.${edit}`)}
        </button>
      )}
      <button
        type="button"
        className="small"
        aria-label={t(item.archivedAt ? `${list}.restoreNamed` : `${list}.archiveNamed`, { name: item.name })}
        onClick={() => void archive()}
      >
        {item.archivedAt ? t(`${list}.restore`) : t(`${list}.archive`)}
      </button>
    </td>
  );
}

/** Save and cancel for an open edit. */
export function SaveCancel({
  list,
  busy,
  onCancel,
}: {
  list: ArchivableList;
  busy: boolean;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button type="submit" className="primary small" disabled={busy}>
        {t(`${list}.save`)}
      </button>{' '}
      <button type="button" className="small" onClick={onCancel}>
        {t(`${list}.cancel`)}
      </button>
    </>
  );
}

/**
 * The edit form of one item, as a table row of its own under the item's row: saving is
 * `PUT {path}` with the fields, on the row's action so its outcome shows under the table.
 */
export function EditRow({
  list,
  colSpan,
  was,
  path,
  body,
  row,
  onClose,
  onChanged,
  children,
}: {
  list: 'adminTeams' | 'organisations';
  colSpan: number;
  /** The item's name before this edit, which names the form. */
  was: string;
  path: string;
  /** What is saved: the fields as edited. */
  body: { name: string };
  row: AdminAction;
  onClose(): void;
  onChanged(): void;
  /** The fields. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const save = row.submit(
    () => putJson(path, body),
    t(`${list}.saved`, { name: body.name.trim() }),
    () => {
      onClose();
      onChanged();
    },
  );
  return (
    <tr>
      <td colSpan={colSpan}>
        <form
          className="admin-form"
          onSubmit={save}
          aria-label={t(`${list}.editNamed`, { name: was })}
          noValidate
        >
          <div className="field-row">{children}</div>
          <SaveCancel list={list} busy={row.busy} onCancel={onClose} />
        </form>
      </td>
    </tr>
  );
}

/** The options of a kind picker (of team, of organisation), in the list's words. */
export function KindOptions({
  list,
  kinds,
}: {
  list: 'adminTeams' | 'organisations';
  kinds: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <>
      {kinds.map((k) => (
        <option key={k} value={k}>
          {t(`${list}.kinds.${k}`)}
        </option>
      ))}
    </>
  );
}

/**
 * A form that adds an item, headed `{id}-heading` and with its outcome in `{id}-error` (the id a
 * refused field points at).
 */
export function CreateForm({
  id,
  heading,
  submit,
  action,
  onSubmit,
  children,
}: {
  id: string;
  heading: string;
  /** The submit button's text. */
  submit: string;
  action: AdminAction;
  onSubmit(event: FormEvent): void;
  /** The fields. */
  children: ReactNode;
}) {
  return (
    <form className="admin-form" onSubmit={onSubmit} aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>{heading}</h3>
      {children}
      <FormMessages id={`${id}-error`} error={action.error} done={action.done} />
      <button type="submit" className="primary" disabled={action.busy}>
        {submit}
      </button>
    </form>
  );
}

/** A labelled name input (at most 120 characters, as the server allows), marked when refused. */
export function NameField({
  id,
  label,
  value,
  onChange,
  invalid,
  autoFocus,
  hiddenLabel,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** `useAdminAction().fieldProps('name', …)`. */
  invalid: ReturnType<AdminAction['fieldProps']>;
  autoFocus?: boolean;
  /** The label is read out but not shown (the row already shows the name). */
  hiddenLabel?: boolean;
}) {
  return (
    <>
      <label htmlFor={id} className={hiddenLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        value={value}
        maxLength={120}
        onChange={(e) => onChange(e.target.value)}
        {...invalid}
        autoFocus={autoFocus}
      />
    </>
  );
}
