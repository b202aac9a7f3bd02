import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deleteGoal,
  goalText,
  moveGoal,
  setGoalPerspective,
  updateGoal,
  goalsInCell,
} from '../../../shared/doc/board.js';
import type { Goal } from '../../../shared/doc/board.js';
import { goalStatuses, lifeDomains, recoveryPhases } from '../../../shared/domain.js';
import type { GoalStatus, LifeDomain, RecoveryPhase } from '../../../shared/domain.js';
import { CollabText } from '../components/CollabText.js';
import { useBoardContext } from './context.js';
import { GoalHelp } from './GoalHelp.js';
import { LastChanged } from './history/LastChanged.js';
import { OwnerSelect } from './OwnerSelect.js';
import { perspectiveLabel } from './perspectiveLabel.js';
import { StepList } from './StepList.js';
import './goalCard.css';
import '../i18n/nl/board.js';

/** Everything about one goal, editable live; opened from a card, closed with Escape. */
export function GoalEditor({ goal, goals }: { goal: Goal; goals: Goal[] }) {
  const { t } = useTranslation();
  const { doc, perspectives, openGoal, awareness, readOnly } = useBoardContext();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    if (!readOnly) awareness.setLocalStateField('editing', goal.id);
    return () => awareness.setLocalStateField('editing', null);
  }, [goal.id, awareness, readOnly]);

  const close = () => openGoal(null);
  const moveTo = (domain: LifeDomain, phase: RecoveryPhase) =>
    moveGoal(doc, goal.id, {
      domain,
      phase,
      index: goalsInCell(goals, domain, phase).filter((g) => g.id !== goal.id).length,
    });
  const linkable = perspectives.filter((p) => p.active || goal.perspectives.includes(p.id));
  const field = (name: string) => `goal-${goal.id}-${name}`;

  return (
    <dialog
      ref={dialog}
      className="goal-editor"
      aria-labelledby={field('heading')}
      onClose={close}
      onCancel={close}
    >
      {/* Not a form: the parts below (a referral from "who helps") are forms of their own. */}
      <div className="goal-editor-body">
        <header>
          <h2 id={field('heading')}>{t('editor.heading')}</h2>
          <button type="button" onClick={close} aria-label={t('editor.close')}>
            ✕
          </button>
        </header>
        <LastChanged kind="goal" itemId={goal.id} />
        {readOnly && <p className="read-only-note">{t('board.readOnly')}</p>}
        <fieldset className="plain" disabled={readOnly}>
          <label htmlFor={field('title')}>{t('goal.title')}</label>
          <CollabText id={field('title')} text={goalText(doc, goal.id, 'title')} maxLength={300} />
          <label htmlFor={field('clientWords')}>{t('goal.clientWords')}</label>
          <CollabText
            id={field('clientWords')}
            text={goalText(doc, goal.id, 'clientWords')}
            multiline
            rows={2}
            maxLength={2000}
            placeholder={t('goal.clientWordsHint')}
          />
          <div className="field-row">
            <div>
              <label htmlFor={field('domain')}>{t('goal.domain')}</label>
              <select
                id={field('domain')}
                value={goal.domain}
                onChange={(e) => moveTo(e.target.value as LifeDomain, goal.phase)}
              >
                {lifeDomains.map((d) => (
                  <option key={d} value={d}>
                    {t(`domain.${d}`)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={field('phase')}>{t('goal.phase')}</label>
              <select
                id={field('phase')}
                value={goal.phase}
                onChange={(e) => moveTo(goal.domain, e.target.value as RecoveryPhase)}
              >
                {recoveryPhases.map((p) => (
                  <option key={p} value={p}>
                    {t(`phase.${p}`)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={field('status')}>{t('goal.status')}</label>
              <select
                id={field('status')}
                value={goal.status}
                onChange={(e) => updateGoal(doc, goal.id, { status: e.target.value as GoalStatus })}
              >
                {goalStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field-row">
            <div>
              <label htmlFor={field('owner')}>{t('goal.owner')}</label>
              <OwnerSelect
                id={field('owner')}
                value={goal.ownerId}
                onChange={(ownerId) => updateGoal(doc, goal.id, { ownerId })}
              />
            </div>
            <div>
              <label htmlFor={field('target')}>{t('goal.targetDate')}</label>
              <input
                id={field('target')}
                type="date"
                value={goal.targetDate ?? ''}
                onChange={(e) => updateGoal(doc, goal.id, { targetDate: e.target.value || null })}
              />
            </div>
            <div className="checkbox">
              <input
                id={field('visible')}
                type="checkbox"
                checked={goal.visibleToClient}
                onChange={(e) => updateGoal(doc, goal.id, { visibleToClient: e.target.checked })}
              />
              <label htmlFor={field('visible')}>{t('goal.visibleToClient')}</label>
            </div>
          </div>
          <fieldset>
            <legend>{t('goal.perspectivesServed')}</legend>
            {linkable.length === 0 && <p className="muted">{t('goal.noActivePerspectives')}</p>}
            <div className="checks">
              {linkable.map((p) => (
                <span className="checkbox" key={p.id}>
                  <input
                    id={field(`p-${p.id}`)}
                    type="checkbox"
                    checked={goal.perspectives.includes(p.id)}
                    onChange={(e) => setGoalPerspective(doc, goal.id, p.id, e.target.checked)}
                  />
                  <label htmlFor={field(`p-${p.id}`)}>{perspectiveLabel(t, p)}</label>
                </span>
              ))}
            </div>
          </fieldset>
          <StepList goal={goal} />
        </fieldset>
        <GoalHelp goal={goal} />
        <footer>
          {!readOnly && (
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (window.confirm(t('editor.confirmDelete', { title: goal.title }))) {
                  close();
                  deleteGoal(doc, goal.id);
                }
              }}
            >
              {t('editor.delete')}
            </button>
          )}
          <button type="button" className="primary" onClick={close}>
            {t('editor.done')}
          </button>
        </footer>
      </div>
    </dialog>
  );
}
