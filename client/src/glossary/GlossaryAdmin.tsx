import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryFields, GlossaryTerm } from '../../../shared/glossary.js';
import { ApiRequestError, deleteJson, postJson, putJson } from '../api.js';
import { FormMessages } from '../admin/FormMessages.js';
import { fieldError } from '../admin/fieldError.js';
import type { FieldError } from '../admin/fieldError.js';
import { useGlossary } from './useGlossary.js';
import './glossary.css';
import '../i18n/nl/access.js';

const emptyDraft: GlossaryFields = {
  term: '',
  variants: [],
  medicalMeaning: '',
  socialMeaning: '',
  sharedMeaning: '',
  related: [],
};
type Draft = Omit<GlossaryFields, 'variants'> & { variants: string };
const toDraft = (f: GlossaryFields): Draft => ({ ...f, variants: f.variants.join('\n') });
const fromDraft = (d: Draft): GlossaryFields => ({
  ...d,
  variants: d.variants
    .split('\n')
    .map((v) => v.trim())
    .filter(Boolean),
});
const textFields = ['medicalMeaning', 'socialMeaning', 'sharedMeaning'] as const;

/**
 * The administrator keeps the district's shared terms (SPEC GL1–GL3): the list, a form to add or
 * change one (its other forms, the three meanings and related terms), and delete after a confirm.
 * For the admin page: `<GlossaryAdmin />`, its heading's id `glossary-heading`.
 */
export function GlossaryAdmin() {
  const { t } = useTranslation('glossary');
  const { t: tc } = useTranslation();
  const ids = useId();
  const [districtId, setDistrictId] = useState<string | null>(null);
  const path = districtId ? `/api/glossary?districtId=${encodeURIComponent(districtId)}` : '/api/glossary';
  const { answer, error: loadError } = useGlossary(path);
  const { reload } = useReload(path);
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const [error, setError] = useState<FieldError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const labels = Object.fromEntries(
    (['term', 'variants', ...textFields, 'related'] as const).map((f) => [f, t(`admin.fields.${f}`)]),
  );
  const fieldId = (f: string) => `${ids}-${f}`;
  const terms = answer?.terms ?? [];

  const open = (term: GlossaryTerm | null) => {
    setError(null);
    setDone(null);
    setEditing({ id: term?.id ?? null, draft: toDraft(term ?? emptyDraft) });
    requestAnimationFrame(() => document.getElementById(fieldId('term'))?.focus());
  };
  const set = (change: Partial<Draft>) =>
    setEditing((e) => (e ? { ...e, draft: { ...e.draft, ...change } } : e));

  const refused = (e: unknown) => {
    const code = e instanceof ApiRequestError ? e.details.code : undefined;
    const found =
      code === 'duplicate-term'
        ? { field: 'term', text: `${labels.term}: ${t('admin.duplicateTerm')}` }
        : code === 'duplicate-variant'
          ? { field: 'variants', text: `${labels.variants}: ${t('admin.duplicateVariant')}` }
          : fieldError(e, labels, tc);
    setError(found);
    if (found.field) document.getElementById(fieldId(found.field))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing || !answer?.districtId) return;
    const fields = fromDraft(editing.draft);
    try {
      if (editing.id) await putJson(`/api/glossary/${editing.id}`, fields);
      else await postJson('/api/glossary', { ...fields, districtId: answer.districtId });
      setDone(t(editing.id ? 'admin.changed' : 'admin.created', { term: fields.term.trim() }));
      setError(null);
      setEditing(null);
      reload();
    } catch (e) {
      refused(e);
    }
  };

  const remove = async (term: GlossaryTerm) => {
    if (!window.confirm(t('admin.confirmDelete', { term: term.term }))) return;
    try {
      await deleteJson(`/api/glossary/${term.id}`);
      setDone(t('admin.deleted', { term: term.term }));
      setError(null);
      if (editing?.id === term.id) setEditing(null);
      reload();
    } catch (e) {
      setError({ field: null, text: t('admin.failed', { message: (e as Error).message }) });
    }
  };

  const invalid = (f: string) =>
    error?.field === f ? { 'aria-invalid': true as const, 'aria-describedby': `${ids}-error` } : {};
  const others = terms.filter((term) => term.id !== editing?.id);

  return (
    <section className="admin-section glossary-admin" aria-labelledby="glossary-heading">
      <h2 id="glossary-heading">{t('admin.heading')}</h2>
      <p className="muted">{t('admin.intro')}</p>
      {answer && answer.districts.length > 1 && (
        <div className="field">
          <label htmlFor={fieldId('district')}>{t('admin.district')}</label>
          <select
            id={fieldId('district')}
            value={answer.districtId ?? ''}
            onChange={(e) => {
              setEditing(null);
              setDistrictId(e.target.value);
            }}
          >
            {answer.districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {loadError && <p role="alert">{t('admin.failed', { message: loadError })}</p>}
      {answer && terms.length === 0 && <p>{t('admin.none')}</p>}
      {terms.length > 0 && (
        <table className="admin-table">
          <caption className="visually-hidden">{t('admin.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.term')}</th>
              <th scope="col">{t('admin.shared')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {terms.map((term) => (
              <tr key={term.id}>
                <th scope="row">{term.term}</th>
                <td>{term.sharedMeaning}</td>
                <td>
                  <button
                    type="button"
                    className="small"
                    aria-label={t('admin.editNamed', { term: term.term })}
                    onClick={() => open(term)}
                  >
                    {t('admin.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    className="small"
                    aria-label={t('admin.deleteNamed', { term: term.term })}
                    onClick={() => void remove(term)}
                  >
                    {t('admin.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!editing && answer?.districtId && (
        <button type="button" onClick={() => open(null)}>
          {t('admin.add')}
        </button>
      )}
      {editing && (
        <form className="glossary-admin-form" onSubmit={(e) => void submit(e)} noValidate>
          <h3>{editing.id ? t('admin.formEdit', { term: editing.draft.term }) : t('admin.formAdd')}</h3>
          <div className="field">
            <label htmlFor={fieldId('term')}>{labels.term}</label>
            <input
              id={fieldId('term')}
              value={editing.draft.term}
              maxLength={80}
              required
              onChange={(e) => set({ term: e.target.value })}
              {...invalid('term')}
            />
          </div>
          <div className="field">
            <label htmlFor={fieldId('variants')}>{labels.variants}</label>
            <textarea
              id={fieldId('variants')}
              rows={3}
              value={editing.draft.variants}
              aria-describedby={`${ids}-variants-hint`}
              onChange={(e) => set({ variants: e.target.value })}
              {...invalid('variants')}
            />
            <span id={`${ids}-variants-hint`} className="hint">
              {t('admin.fields.variantsHint')}
            </span>
          </div>
          {textFields.map((f) => (
            <div className="field" key={f}>
              <label htmlFor={fieldId(f)}>{labels[f]}</label>
              <textarea
                id={fieldId(f)}
                rows={3}
                maxLength={1000}
                required
                value={editing.draft[f]}
                onChange={(e) => set({ [f]: e.target.value })}
                {...invalid(f)}
              />
            </div>
          ))}
          <fieldset id={fieldId('related')} tabIndex={-1} {...invalid('related')}>
            <legend>{labels.related}</legend>
            {others.length === 0 ? (
              <p className="muted">{t('admin.noOthers')}</p>
            ) : (
              <div className="glossary-related-picker">
                {others.map((o) => (
                  <label key={o.id}>
                    <input
                      type="checkbox"
                      checked={editing.draft.related.includes(o.id)}
                      onChange={(e) =>
                        set({
                          related: e.target.checked
                            ? [...editing.draft.related, o.id]
                            : editing.draft.related.filter((r) => r !== o.id),
                        })
                      }
                    />{' '}
                    {o.term}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          <button type="submit">{t('admin.save')}</button>{' '}
          <button type="button" onClick={() => setEditing(null)}>
            {t('admin.cancel')}
          </button>
        </form>
      )}
      <FormMessages id={`${ids}-error`} error={error} done={done} />
    </section>
  );
}

/** Reads the terms again after a change, on every view that shows them (board, page, this list). */
function useReload(path: string) {
  const client = useQueryClient();
  return {
    reload: () => {
      void client.invalidateQueries({ queryKey: [path] });
      void client.invalidateQueries({ queryKey: ['/api/glossary'] });
    },
  };
}
