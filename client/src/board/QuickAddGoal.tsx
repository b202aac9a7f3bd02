import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n/nl/board.js';

/**
 * Adding goals to a cell the quick way: "+ Doel" opens a title field with the focus in it; Enter
 * makes the goal and leaves the field open for the next, Escape (or leaving it empty) closes it.
 * Nothing is made before a title is typed, so nobody sees an empty "new goal" card.
 */
export function QuickAddGoal({ cellLabel, onAdd }: { cellLabel: string; onAdd(title: string): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null)
    return (
      <button
        type="button"
        className="add-goal"
        onClick={() => setDraft('')}
        aria-label={t('board.addGoalIn', { cell: cellLabel })}
      >
        + {t('board.addGoal')}
      </button>
    );
  const add = () => {
    const title = draft.trim();
    if (title) onAdd(title);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDraft(null);
    }
  };
  return (
    <div className="quick-add-goal">
      <input
        type="text"
        // The field opens because the person asked for it: the focus belongs there.
        autoFocus
        maxLength={300}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (!draft.trim()) setDraft(null);
        }}
        aria-label={t('board.newGoalIn', { cell: cellLabel })}
        placeholder={t('board.newGoalPlaceholder')}
      />
      <p className="muted small-print">{t('board.newGoalHint')}</p>
    </div>
  );
}
