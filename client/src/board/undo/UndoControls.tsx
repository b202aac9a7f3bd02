import { useTranslation } from 'react-i18next';
import './undo.css';
import type { Undo } from './useUndo.js';
import '../../i18n/nl/versions.js';

/** Buttons for undo and redo of one's own changes (also Ctrl+Z and Ctrl+Shift+Z). */
export function UndoControls({ undo }: { undo: Undo }) {
  const { t } = useTranslation();
  return (
    <div className="undo-controls" role="group" aria-label={t('undo.group')}>
      <button
        type="button"
        className="small"
        onClick={undo.undo}
        disabled={!undo.canUndo}
        aria-keyshortcuts="Control+Z"
      >
        <span aria-hidden="true">↶ </span>
        {t('undo.undo')}
      </button>
      <button
        type="button"
        className="small"
        onClick={undo.redo}
        disabled={!undo.canRedo}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
      >
        <span aria-hidden="true">↷ </span>
        {t('undo.redo')}
      </button>
    </div>
  );
}
