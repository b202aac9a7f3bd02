import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { putJson } from '../api.js';

type PlanGoal = ClientPlan['goals'][number];

/** The client's own words for a goal; saved through the API into the team's board. */
export function OwnWords({ goal, onSaved }: { goal: PlanGoal; onSaved(words: string): void }) {
  const { t } = useTranslation();
  // null: not being edited, so the latest words from the team show.
  const [draft, setDraft] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const id = `words-${goal.id}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    setState('saving');
    try {
      await putJson(`/api/my/goals/${encodeURIComponent(goal.id)}/words`, { words: draft.trim() });
      onSaved(draft.trim());
      setDraft(null);
      setState('saved');
    } catch {
      setState('error');
    }
  };

  return (
    <form className="own-words" onSubmit={(e) => void save(e)}>
      <label htmlFor={id}>{t('myPlan.ownWords')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('myPlan.ownWordsHint')}
      </p>
      <div className="inline-field">
        <input
          id={id}
          type="text"
          maxLength={2000}
          aria-describedby={`${id}-hint`}
          value={draft ?? goal.clientWords}
          onChange={(e) => {
            setDraft(e.target.value);
            setState('idle');
          }}
        />
        <button type="submit" disabled={draft === null || state === 'saving'}>
          {t('myPlan.save')}
        </button>
      </div>
      <p role="status" className={state === 'error' ? 'form-error' : 'form-ok'}>
        {state === 'saved' && t('myPlan.saved')}
        {state === 'error' && t('myPlan.saveError')}
      </p>
    </form>
  );
}
