import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../../shared/doc/board.js';
import type { VersionAnswer, VersionsAnswer } from '../../../../shared/versionsApi.js';
import { restorable } from '../../../../shared/versionDiff.js';
import { formatDateTime, readableName } from '../../i18n/index.js';
import { useApi } from '../../useApi.js';
import { useBoardContext } from '../context.js';
import { RestoreList } from './RestoreList.js';
import './versions.css';
import '../../i18n/nl/versions.js';

/**
 * Earlier versions of the board (kept automatically, at a meeting's close and before a relapse):
 * pick one to see what it held that the board now lacks, and bring that back as a new change.
 */
export function VersionsPanel({ caseId, board }: { caseId: string; board: Board }) {
  const { t, i18n } = useTranslation();
  const { readOnly } = useBoardContext();
  const [open, setOpen] = useState(false);
  const [chosen, choose] = useState<number | null>(null);
  const base = `/api/cases/${encodeURIComponent(caseId)}/versions`;
  // Read only when someone opens the panel: every read is a line in the client's access log.
  const { data, error, reload } = useApi<VersionsAnswer>(open ? base : null);
  const version = useApi<VersionAnswer>(chosen === null ? null : `${base}/${chosen}`);
  const items = version.data ? restorable(version.data.board, board) : null;

  return (
    <details
      className="panel versions"
      onToggle={(event) => {
        const isOpen = (event.currentTarget as HTMLDetailsElement).open;
        setOpen(isOpen);
        if (isOpen) reload();
      }}
    >
      <summary>
        <h2>{t('versions.heading')}</h2>
      </summary>
      <p className="muted panel-intro">{t('versions.intro')}</p>
      {error && <p role="alert">{t('versions.loadError', { message: error })}</p>}
      {data && data.versions.length === 0 && <p>{t('versions.none')}</p>}
      {data && data.versions.length > 0 && (
        <div className="versions-layout">
          <ul className="version-list" aria-label={t('versions.listLabel')}>
            {data.versions.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  className={chosen === v.id ? 'version chosen' : 'version'}
                  aria-pressed={chosen === v.id}
                  onClick={() => choose(v.id)}
                >
                  <span className="version-when">{formatDateTime(v.createdAt, i18n.language)}</span>
                  <span className="version-kind">
                    {t(`versions.kind.${v.kind}`, { name: readableName(v.name, i18n.language) })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <div className="version-detail" aria-live="polite">
            {chosen === null && <p className="muted">{t('versions.pick')}</p>}
            {version.error && <p role="alert">{t('versions.loadError', { message: version.error })}</p>}
            {items && version.data && (
              <RestoreList
                items={items}
                readOnly={readOnly}
                when={formatDateTime(version.data.version.createdAt, i18n.language)}
              />
            )}
          </div>
        </div>
      )}
    </details>
  );
}
