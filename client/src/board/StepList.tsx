import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addStep, deleteStep, moveStep, stepText, updateStep } from '../../../shared/doc/board.js';
import type { Goal } from '../../../shared/doc/board.js';
import { CollabText } from '../components/CollabText.js';
import { useBoardContext } from './context.js';
import { OwnerSelect } from './OwnerSelect.js';
import './goalCard.css';
import '../i18n/nl/board.js';

/**
 * The ordered steps of a goal: each with one owner, a due date and done or not. A new step takes
 * the focus, so what is typed next goes into it (not into the button, where each space would add
 * another empty step).
 */
export function StepList({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const { doc, today } = useBoardContext();
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => {
    if (!added) return;
    const field = document.getElementById(`step-${added}-text`);
    if (!field) return; // not rendered yet: the next change of the steps brings it
    field.focus();
    setAdded(null);
  }, [added, goal.steps]);
  return (
    <fieldset className="steps">
      <legend>{t('steps.heading')}</legend>
      <ol>
        {goal.steps.map((step, index) => {
          const id = (name: string) => `step-${step.id}-${name}`;
          const overdue = !step.done && step.dueDate !== null && step.dueDate < today;
          return (
            <li key={step.id} className={overdue ? 'is-overdue' : undefined}>
              <input
                id={id('done')}
                type="checkbox"
                checked={step.done}
                onChange={(e) => updateStep(doc, goal.id, step.id, { done: e.target.checked })}
                aria-label={t('steps.done', { index: index + 1 })}
              />
              <label className="visually-hidden" htmlFor={id('text')}>
                {t('steps.text', { index: index + 1 })}
              </label>
              <CollabText
                id={id('text')}
                text={stepText(doc, goal.id, step.id)}
                maxLength={1000}
                className="step-text"
              />
              <label className="visually-hidden" htmlFor={id('owner')}>
                {t('steps.owner', { index: index + 1 })}
              </label>
              <OwnerSelect
                id={id('owner')}
                value={step.ownerId}
                onChange={(ownerId) => updateStep(doc, goal.id, step.id, { ownerId })}
              />
              <label className="visually-hidden" htmlFor={id('due')}>
                {t('steps.due', { index: index + 1 })}
              </label>
              <input
                id={id('due')}
                type="date"
                value={step.dueDate ?? ''}
                onChange={(e) => updateStep(doc, goal.id, step.id, { dueDate: e.target.value || null })}
              />
              {overdue && <span className="flag flag-overdue">{t('goal.overdue')}</span>}
              <span className="step-actions">
                <button
                  type="button"
                  className="small"
                  disabled={index === 0}
                  onClick={() => moveStep(doc, goal.id, step.id, index - 1)}
                  aria-label={t('steps.up', { index: index + 1 })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="small"
                  disabled={index === goal.steps.length - 1}
                  onClick={() => moveStep(doc, goal.id, step.id, index + 1)}
                  aria-label={t('steps.down', { index: index + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="small danger"
                  onClick={() => deleteStep(doc, goal.id, step.id)}
                  aria-label={t('steps.delete', { index: index + 1 })}
                >
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => setAdded(addStep(doc, goal.id, { text: '', ownerId: goal.ownerId }))}
      >
        + {t('steps.add')}
      </button>
    </fieldset>
  );
}
