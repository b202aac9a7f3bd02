import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterSide, LetterTemplate } from '../../../shared/letters.js';
import { letterSides, mergeFields } from '../../../shared/letters.js';
import { postJson, putJson } from '../api.js';
import { FormMessages } from '../admin/FormMessages.js';
import { fieldError } from '../admin/fieldError.js';
import type { FieldError } from '../admin/fieldError.js';
import { useApi } from '../useApi.js';

type Draft = Pick<LetterTemplate, 'title' | 'purpose' | 'fromSide' | 'toSide' | 'body' | 'legalBasis'>;
const empty: Draft = { title: '', purpose: '', fromSide: 'any', toSide: 'any', body: '', legalBasis: '' };
const path = '/api/letter-templates?includeArchived=true';

/**
 * The administrator keeps the district's standard letters (SPEC LT1–LT2): the list with its sides,
 * a form to write or change one with the merge fields it may use, and archive or restore. For the
 * admin page: `<LettersAdmin />`, its heading's id `letters-heading`.
 */
export function LettersAdmin() {
  const { t } = useTranslation('referrals');
  const { t: tc } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const { data, error: loadError } = useApi<{ templates: LetterTemplate[] }>(path);
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const [error, setError] = useState<FieldError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reload = () =>
    void queryClient.invalidateQueries({
      predicate: (q) => String(q.queryKey[0]).startsWith('/api/letter-templates'),
    });
  const labels = {
    title: t('letters.fields.title'),
    purpose: t('letters.fields.purpose'),
    fromSide: t('letters.fields.fromSide'),
    toSide: t('letters.fields.toSide'),
    body: t('letters.fields.body'),
    legalBasis: t('letters.fields.legalBasis'),
  };
  const set = (change: Partial<Draft>) => setEditing((e) => e && { ...e, draft: { ...e.draft, ...change } });
  const districtOf = (list: LetterTemplate[]) => list[0]?.districtId ?? null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    setError(null);
    try {
      if (editing.id) await putJson(`/api/letter-templates/${editing.id}`, editing.draft);
      else
        await postJson('/api/letter-templates', {
          ...editing.draft,
          districtId: districtOf(data?.templates ?? []),
        });
      setDone(t('letters.saved', { title: editing.draft.title }));
      setEditing(null);
      reload();
    } catch (e) {
      setError(fieldError(e, labels, tc));
    }
  };
  const archive = async (template: LetterTemplate, archived: boolean) => {
    await putJson(`/api/letter-templates/${template.id}/archived`, { archived });
    setDone(t(archived ? 'letters.archived' : 'letters.restored', { title: template.title }));
    reload();
  };
  const side = (s: LetterSide) => t(`letters.side.${s}`);
  const sideSelect = (field: 'fromSide' | 'toSide') => (
    <div>
      <label htmlFor={`${id}-${field}`}>{labels[field]}</label>
      <select
        id={`${id}-${field}`}
        value={editing!.draft[field]}
        onChange={(e) => set({ [field]: e.target.value as LetterSide })}
      >
        {letterSides.map((s) => (
          <option key={s} value={s}>
            {side(s)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="panel" aria-labelledby="letters-heading">
      <h2 id="letters-heading">{t('letters.heading')}</h2>
      <p className="hint">{t('letters.intro')}</p>
      {loadError && <p role="alert">{t('letters.loadError', { message: loadError })}</p>}
      <FormMessages id={`${id}-messages`} error={editing ? null : error} done={done} />
      {data && (
        <table className="admin-table">
          <caption className="visually-hidden">{t('letters.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.title}</th>
              <th scope="col">{t('letters.sides')}</th>
              <th scope="col">{t('letters.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.templates.map((tpl) => (
              <tr key={tpl.id} className={tpl.archivedAt ? 'muted' : undefined}>
                <td>
                  {tpl.title}
                  {tpl.archivedAt && <span className="badge badge-muted">{t('letters.isArchived')}</span>}
                </td>
                <td>
                  {side(tpl.fromSide)} → {side(tpl.toSide)}
                </td>
                <td>
                  <button type="button" onClick={() => setEditing({ id: tpl.id, draft: { ...tpl } })}>
                    {t('letters.edit', { title: tpl.title })}
                  </button>{' '}
                  <button type="button" onClick={() => void archive(tpl, !tpl.archivedAt)}>
                    {tpl.archivedAt ? t('letters.restore') : t('letters.archive')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!editing && (
        <button type="button" onClick={() => setEditing({ id: null, draft: empty })}>
          {t('letters.add')}
        </button>
      )}
      {editing && (
        <form
          className="letters-form"
          onSubmit={(e) => void save(e)}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <h3>{editing.id ? t('letters.editing', { title: editing.draft.title }) : t('letters.new')}</h3>
          <label htmlFor={`${id}-title`}>{labels.title}</label>
          <input
            id={`${id}-title`}
            value={editing.draft.title}
            maxLength={160}
            onChange={(e) => set({ title: e.target.value })}
          />
          <label htmlFor={`${id}-purpose`}>{labels.purpose}</label>
          <input
            id={`${id}-purpose`}
            value={editing.draft.purpose}
            maxLength={500}
            onChange={(e) => set({ purpose: e.target.value })}
          />
          <div className="field-row">
            {sideSelect('fromSide')}
            {sideSelect('toSide')}
          </div>
          <label htmlFor={`${id}-body`}>{labels.body}</label>
          <textarea
            id={`${id}-body`}
            className="letter-text"
            rows={16}
            maxLength={20_000}
            value={editing.draft.body}
            aria-describedby={`${id}-fields`}
            onChange={(e) => set({ body: e.target.value })}
          />
          <p className="hint" id={`${id}-fields`}>
            {t('letters.mergeFields')}{' '}
            {Object.keys(mergeFields)
              .map((f) => `{{${f}}}`)
              .join(', ')}
          </p>
          <label htmlFor={`${id}-basis`}>{labels.legalBasis}</label>
          <textarea
            id={`${id}-basis`}
            rows={2}
            maxLength={1_000}
            value={editing.draft.legalBasis}
            onChange={(e) => set({ legalBasis: e.target.value })}
          />
          <FormMessages id={`${id}-error`} error={error} done={null} />
          <div className="form-actions">
            <button type="submit" className="primary">
              {t('letters.save')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
