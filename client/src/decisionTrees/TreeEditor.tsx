import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlacesAnswer } from '../../../shared/adminApi.js';
import { treeProblems } from '../../../shared/decisionTree.js';
import type { DecisionTree, TreeContent } from '../../../shared/decisionTree.js';
import { getJson, postJson, putJson } from '../api.js';
import { useApi } from '../useApi.js';
import { newTree } from './draft.js';
import { TreeOutline } from './TreeOutline.js';
import { TreePreview } from './TreePreview.js';
import { TreeProblems } from './TreeProblems.js';
import './trees.css';
import '../i18n/nl/access.js';
import '../i18n/nl/board.js';

interface Version {
  version: number;
  savedAt: string;
}

const dateOf = (iso: string, lng: string) =>
  new Date(iso).toLocaleString(lng === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The admin's decision trees of a district (SPEC DT1–DT3): each with its version and date,
 * archived or not, "Nieuwe beslisboom", and the editor of the one opened.
 */
export function TreesAdmin() {
  const { t, i18n } = useTranslation('trees');
  const ids = { district: useId() };
  const places = useApi<PlacesAnswer>('/api/admin/places');
  const districts = (places.data?.districts ?? []).filter((d) => !d.archivedAt);
  const [picked, setPicked] = useState('');
  const districtId = picked || districts[0]?.id || null;
  const list = useApi<{ trees: DecisionTree[] }>(
    districtId ? `/api/decision-trees?includeArchived=true&districtId=${districtId}` : null,
  );
  const [open, setOpen] = useState<DecisionTree | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const archive = (tree: DecisionTree) =>
    putJson(`/api/decision-trees/${tree.id}/archived`, { archived: !tree.archivedAt })
      .then(() => list.reload())
      .catch((e: Error) => setError(e.message));

  return (
    <section className="admin-section trees-admin" aria-labelledby="trees-heading">
      <h2 id="trees-heading">{t('admin.heading')}</h2>
      <p className="muted">{t('admin.intro')}</p>
      {districts.length > 1 && (
        <p className="inline-field">
          <label htmlFor={ids.district}>{t('admin.district')}</label>
          <select id={ids.district} value={districtId ?? ''} onChange={(e) => setPicked(e.target.value)}>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </p>
      )}
      {(places.error ?? list.error ?? error) && (
        <p role="alert" className="form-error">
          {t('admin.failed', { message: places.error ?? list.error ?? error })}
        </p>
      )}
      {!list.data && !list.error && <p role="status">{t('admin.loading')}</p>}
      {list.data && list.data.trees.length === 0 && <p>{t('admin.none')}</p>}
      <ul className="tree-list">
        {list.data?.trees.map((tree) => (
          <li key={tree.id} className={tree.archivedAt ? 'archived' : undefined}>
            <strong>{tree.title}</strong>{' '}
            {tree.archivedAt && <span className="badge badge-muted">{t('admin.archived')}</span>}
            <span className="muted">
              {t('admin.version', { version: tree.version, date: dateOf(tree.savedAt, i18n.language) })}
            </span>
            <span className="row-actions">
              <button type="button" onClick={() => setOpen(tree)}>
                {t('admin.edit', { title: tree.title })}
              </button>
              <button type="button" onClick={() => void archive(tree)}>
                {t(tree.archivedAt ? 'admin.restore' : 'admin.archive', { title: tree.title })}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" disabled={!districtId} onClick={() => setOpen('new')}>
        {t('admin.new')}
      </button>
      {open && districtId && (
        <TreeEditor
          key={open === 'new' ? 'new' : open.id}
          tree={open === 'new' ? null : open}
          districtId={districtId}
          onSaved={list.reload}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}

const contentOf = ({ title, description, rootId, nodes }: TreeContent): TreeContent => ({
  title,
  description,
  rootId,
  nodes,
});

/** Everything that stops a draft from being saved: the shared checks, and a title. */
const problemsOf = (content: TreeContent) => [
  ...(content.title.trim() ? [] : ['title']),
  ...treeProblems(content),
];

/**
 * One tree's editor: title and description, the outline of questions and advice with its
 * problems beside it, a preview walk, saving as a new version, and the versions before, read-only.
 */
export function TreeEditor({
  tree,
  districtId,
  onSaved,
  onClose,
}: {
  tree: DecisionTree | null;
  districtId: string;
  onSaved(): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('trees');
  const ids = { title: useId(), description: useId(), heading: useId() };
  const heading = useRef<HTMLHeadingElement>(null);
  const [treeId, setTreeId] = useState(tree?.id ?? null);
  const [draft, setDraft] = useState<TreeContent>(tree ? contentOf(tree) : newTree());
  const [focusNodeId, setFocusNodeId] = useState<string | null>(null);
  const [viewing, setViewing] = useState<DecisionTree | null>(null);
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const [error, setError] = useState<string | null>(null);
  const versions = useApi<{ versions: Version[] }>(treeId ? `/api/decision-trees/${treeId}/versions` : null);
  useEffect(() => heading.current?.focus(), []);

  const shown = viewing ? contentOf(viewing) : draft;
  const problems = problemsOf(shown);
  const change = (content: TreeContent, focus?: string) => {
    setDraft(content);
    setFocusNodeId(focus ?? null);
    setSaved('');
  };
  const save = async () => {
    setError(null);
    if (problems.length > 0) return setError(t('editor.notYet'));
    setBusy(true);
    try {
      let version = 1;
      if (treeId)
        version = (await putJson<{ version: number }>(`/api/decision-trees/${treeId}`, draft)).version;
      else setTreeId((await postJson<{ id: string }>('/api/decision-trees', { districtId, ...draft })).id);
      setSaved(t('editor.saved', { n: version }));
      versions.reload();
      onSaved();
    } catch (e) {
      setError(t('editor.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const view = (version: number) =>
    getJson<{ tree: DecisionTree }>(`/api/decision-trees/${treeId}?version=${version}`)
      .then(({ tree: old }) => {
        setViewing(old);
        setPreview(false);
      })
      .catch((e: Error) => setError(e.message));

  return (
    <section className="tree-editor" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} ref={heading} tabIndex={-1}>
        {treeId ? t('editor.editTitle') : t('editor.newTitle')}
      </h3>
      {viewing && (
        <p className="tree-viewing" role="status">
          {t('editor.viewing', { version: viewing.version })}{' '}
          <button type="button" onClick={() => setViewing(null)}>
            {t('editor.backToDraft')}
          </button>
        </p>
      )}
      <fieldset disabled={!!viewing} className="tree-head">
        <label htmlFor={ids.title}>{t('editor.title')}</label>
        <input
          id={ids.title}
          value={shown.title}
          maxLength={160}
          onChange={(e) => change({ ...draft, title: e.target.value })}
        />
        <label htmlFor={ids.description}>{t('editor.description')}</label>
        <textarea
          id={ids.description}
          value={shown.description}
          maxLength={1000}
          rows={2}
          onChange={(e) => change({ ...draft, description: e.target.value })}
        />
      </fieldset>
      <div className="tree-editor-body">
        <TreeProblems content={shown} problems={problems} />
        <div>
          <h4>{t('editor.outline')}</h4>
          <TreeOutline
            content={shown}
            readOnly={!!viewing}
            districtId={districtId}
            focusNodeId={focusNodeId}
            onChange={change}
          />
        </div>
      </div>
      <p className="tree-editor-actions">
        <button type="button" aria-expanded={preview} onClick={() => setPreview(!preview)}>
          {preview ? t('editor.closePreview') : t('editor.preview')}
        </button>
        {!viewing && (
          <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
            {busy ? t('editor.saving') : t('editor.save')}
          </button>
        )}
        <button type="button" className="link-button" onClick={onClose}>
          {t('editor.close')}
        </button>
      </p>
      <p role="status" className="form-ok">
        {saved}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {preview && (
        <div className="tree-preview">
          <h4>{t('editor.preview')}</h4>
          {problems.length > 0 ? <p>{t('editor.previewBlocked')}</p> : <TreePreview content={shown} />}
        </div>
      )}
      {versions.data && versions.data.versions.length > 0 && (
        <>
          <h4>{t('editor.versions')}</h4>
          <ul className="tree-versions">
            {versions.data.versions.map((v) => (
              <li key={v.version}>
                {t('editor.versionLine', { version: v.version, date: dateOf(v.savedAt, i18n.language) })}{' '}
                <button type="button" className="link-button" onClick={() => void view(v.version)}>
                  {t('editor.view', { version: v.version })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
