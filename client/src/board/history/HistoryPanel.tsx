import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../../shared/doc/board.js';
import { historyItemKinds } from '../../../../shared/history.js';
import type { HistoryItemKind } from '../../../../shared/history.js';
import { formatDateTime, formatRelative } from '../../i18n/index.js';
import { useNow } from '../../meeting/useNow.js';
import { useSession } from '../../session.js';
import { useBoardContext } from '../context.js';
import { perspectiveLabel } from '../perspectiveLabel.js';
import { useLatestVersion } from './latestChanges.js';
import { historySentence } from './sentences.js';
import { useHistory } from './useHistory.js';
import type { HistoryFilter } from './useHistory.js';
import './history.css';
import '../../i18n/nl/board.js';
import '../../i18n/nl/history.js';

/** Parts of a case one can pick in the filter besides single goals and perspectives. */
const pickedOne: readonly HistoryItemKind[] = ['goal', 'step', 'perspective', 'discussed-perspective'];
const otherKinds = historyItemKinds.filter((kind) => !pickedOne.includes(kind));

/**
 * The board's history (SPEC H3): who changed what, newest first, as sentences, filtered by person
 * and by item. Read when opened and when asked for, never on its own: every read is logged.
 */
export function HistoryPanel({ caseId, board }: { caseId: string; board: Board }) {
  const { t, i18n } = useTranslation();
  const { latest } = useBoardContext();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState<HistoryFilter>({ userId: '', item: '' });
  const { pages, reload, more } = useHistory(caseId, filter, open);
  const heard = useLatestVersion(latest);
  const [seen, setSeen] = useState(heard);
  const now = useNow(30_000);
  const nameOf = (userId: string) =>
    userId === user?.id ? t('history.you') : (pages?.people.find((p) => p.id === userId)?.name ?? '—');
  const refresh = () => {
    setSeen(heard);
    reload();
  };
  const filtered = filter.userId !== '' || filter.item !== '';

  return (
    <details
      className="panel history"
      onToggle={(event) => {
        const isOpen = (event.currentTarget as HTMLDetailsElement).open;
        setOpen(isOpen);
        if (isOpen) setSeen(heard);
      }}
    >
      <summary>
        <h2>{t('history.heading')}</h2>
      </summary>
      <p className="muted panel-intro">{t('history.intro')}</p>
      <div className="history-filter">
        <div>
          <label htmlFor="history-person">{t('history.person')}</label>
          <select
            id="history-person"
            value={filter.userId}
            onChange={(e) => setFilter((f) => ({ ...f, userId: e.target.value }))}
          >
            <option value="">{t('history.everyone')}</option>
            {(pages?.people ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === user?.id ? t('history.you') : p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="history-item">{t('history.item')}</label>
          <select
            id="history-item"
            value={filter.item}
            onChange={(e) => setFilter((f) => ({ ...f, item: e.target.value }))}
          >
            <option value="">{t('history.everything')}</option>
            <optgroup label={t('history.goals')}>
              {board.goals.map((g) => (
                <option key={g.id} value={`goal:${g.id}`}>
                  {g.title || t('goal.untitled')}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('history.perspectives')}>
              {board.perspectives.map((p) => (
                <option key={p.id} value={`perspective:${p.id}`}>
                  {perspectiveLabel(t, p)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('history.other')}>
              {otherKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`history.kind.${kind}`)}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <button type="button" onClick={refresh} className={heard !== seen ? 'primary' : undefined}>
          {heard !== seen ? t('history.newChanges') : t('history.refresh')}
        </button>
      </div>
      {open && !pages && <p role="status">{t('common.loading')}</p>}
      {pages?.error && <p role="alert">{t('history.loadError', { message: pages.error })}</p>}
      {pages && pages.entries.length === 0 && !pages.error && (
        <p role="status">{filtered ? t('history.noneFiltered') : t('history.none')}</p>
      )}
      {pages && pages.entries.length > 0 && (
        <ol className="history-list" aria-label={t('history.listLabel')} tabIndex={0}>
          {pages.entries.map((entry) => (
            <li key={entry.id} className="history-entry">
              <span className="history-what">
                {historySentence(entry, { t, name: nameOf(entry.userId), board })}
              </span>
              <span className="history-when">
                <time dateTime={entry.lastAt} title={formatDateTime(entry.lastAt, i18n.language)}>
                  {formatRelative(entry.lastAt, i18n.language, now)}
                </time>
                {entry.count > 1 && (
                  <span className="muted"> {t('history.count', { count: entry.count })}</span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
      {pages?.next && (
        <button type="button" className="more" onClick={more}>
          {t('history.more')}
        </button>
      )}
    </details>
  );
}
