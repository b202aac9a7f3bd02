import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { putJson } from '../api.js';
import '../i18n/nl/myPlan.js';

type PlanGoal = ClientPlan['goals'][number];

/**
 * The client's own words for a goal, saved through the API into the team's board. One button
 * per goal opens the field for that goal only; Escape or "Niet opslaan" closes it unsaved.
 * `headingId` is the goal's heading, which shows the words and tells the button's goal.
 */
export function OwnWords({
  goal,
  headingId,
  onSaved,
}: {
  goal: PlanGoal;
  headingId: string;
  onSaved(words: string): void;
}) {
  const { t } = useTranslation();
  // null: closed, so the latest words from the team show in the goal's heading.
  const [draft, setDraft] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Where the focus goes when the field opens or closes: into it, and back to the button.
  const moveFocus = useRef(false);
  const open = draft !== null;
  const id = `words-${goal.id}`;

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    if (!open) return buttonRef.current?.focus();
    const field = fieldRef.current;
    field?.focus();
    // Go on writing after the words there are, not before them.
    field?.setSelectionRange(field.value.length, field.value.length);
  }, [open]);

  const close = (next: 'idle' | 'saved') => {
    moveFocus.current = true;
    setDraft(null);
    setState(next);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    setState('saving');
    try {
      await putJson(`/api/my/goals/${encodeURIComponent(goal.id)}/words`, { words: draft.trim() });
      onSaved(draft.trim());
      close('saved');
    } catch {
      setState('error');
    }
  };

  return (
    <div className="own-words">
      {open ? (
        <form
          onSubmit={(e) => void save(e)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            close('idle');
          }}
        >
          <label htmlFor={id}>{t('myPlan.ownWords')}</label>
          <p id={`${id}-hint`} className="hint">
            {t('myPlan.ownWordsHint')}
          </p>
          <textarea
            ref={fieldRef}
            id={id}
            rows={3}
            maxLength={2000}
            aria-describedby={`${id}-hint`}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              setState('idle');
            }}
          />
          <div className="own-words-actions">
            <button type="submit" className="primary" disabled={state === 'saving'}>
              {t('myPlan.save')}
            </button>
            <button type="button" onClick={() => close('idle')}>
              {t('myPlan.ownWordsCancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          ref={buttonRef}
          type="button"
          className="own-words-button"
          aria-describedby={headingId}
          onClick={() => {
            moveFocus.current = true;
            setDraft(goal.clientWords);
            setState('idle');
          }}
        >
          <PencilIcon /> {goal.clientWords ? t('myPlan.ownWordsChange') : t('myPlan.ownWordsAdd')}
        </button>
      )}
      <p role="status" className={`own-words-status ${state === 'error' ? 'form-error' : 'form-ok'}`}>
        {state === 'saved' && t('myPlan.saved')}
        {state === 'error' && t('myPlan.saveError')}
      </p>
    </div>
  );
}

function PencilIcon() {
  return (
    <svg className="own-words-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4 20h4L19 9l-4-4L4 16z M14 6l4 4" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
