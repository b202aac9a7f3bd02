import type { DraggableAttributes } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { goalAttention } from '../../../shared/attention.js';
import type { Goal } from '../../../shared/doc/board.js';
import { ContactButton } from '../components/ContactButton.js';
import { GlossaryText } from '../glossary/GlossaryText.js';
import { formatDate } from '../i18n/index.js';
import { useCardContext } from './context.js';
import { LastChanged } from './history/LastChanged.js';
import { perspectiveLabel } from './perspectiveLabel.js';
import './goalCard.css';
import '../i18n/nl/board.js';

/**
 * The face of a goal on the board: what it is, who owns it, how far it is, what needs attention.
 * Memoised: it renders again only when its goal (kept as the same object while unchanged), its
 * handle's attributes (dnd-kit keeps them while nothing changes for this card) or the cards'
 * context change, not on every move of a drag elsewhere. Without a handle: read-only, or the
 * copy under the pointer while dragging.
 */
export const GoalCardBody = memo(function GoalCardBody({
  goal,
  attributes,
  setActivatorNodeRef,
}: {
  goal: Goal;
  attributes?: DraggableAttributes;
  setActivatorNodeRef?(element: HTMLElement | null): void;
}) {
  const { t, i18n } = useTranslation();
  const { members, labels, peers, openGoal, today, readOnly } = useCardContext();
  const attention = goalAttention(goal, today);
  const editors = peers.filter((p) => !p.self && p.editing === goal.id);
  return (
    <>
      <div className="card-top">
        {attributes && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="drag-handle"
            {...attributes}
            aria-roledescription={t('dnd.roleDescription')}
            aria-label={t('dnd.handleLabel', { title: goal.title })}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <span className={`status status-${goal.status}`}>{t(`status.${goal.status}`)}</span>
        {attention.overdue && <span className="flag flag-overdue">⚠ {t('goal.overdue')}</span>}
        {!goal.visibleToClient && (
          <span className="flag flag-hidden" title={t('goal.hiddenFromClient')}>
            {t('goal.hiddenShort')}
          </span>
        )}
      </div>
      <h4 className="card-title">{goal.title ? <GlossaryText text={goal.title} /> : t('goal.untitled')}</h4>
      <dl className="card-facts">
        <dt>{t('goal.owner')}</dt>
        <dd>
          <ContactButton person={goal.ownerId ? members.get(goal.ownerId) : undefined} />
        </dd>
        {goal.targetDate && (
          <>
            <dt>{t('goal.targetDate')}</dt>
            <dd className={attention.overdue ? 'overdue' : undefined}>
              {formatDate(goal.targetDate, i18n.language)}
            </dd>
          </>
        )}
      </dl>
      {goal.perspectives.length > 0 && (
        <ul className="chips" aria-label={t('goal.perspectives')}>
          {goal.perspectives.map((p) => (
            <li key={p} className="chip">
              {labels.has(p) ? perspectiveLabel(t, { id: p, label: labels.get(p) ?? null }) : p}
            </li>
          ))}
        </ul>
      )}
      {attention.stepsTotal > 0 && (
        <div className="progress">
          <progress max={attention.stepsTotal} value={attention.stepsDone} aria-hidden="true" />
          <span>
            {t('goal.stepsProgress', { done: attention.stepsDone, count: attention.stepsTotal })}
            {attention.overdueSteps > 0 && (
              <span className="overdue"> · {t('goal.overdueSteps', { count: attention.overdueSteps })}</span>
            )}
          </span>
        </div>
      )}
      <LastChanged kind="goal" itemId={goal.id} />
      <div className="card-bottom">
        <button
          type="button"
          className="small"
          onClick={(e) => {
            e.stopPropagation();
            openGoal(goal.id);
          }}
          onKeyDown={(e) => e.stopPropagation()}
          aria-label={t(readOnly ? 'goal.viewNamed' : 'goal.editNamed', { title: goal.title })}
        >
          {readOnly ? t('goal.view') : t('goal.edit')}
        </button>
        {editors.map((p) => (
          <span
            key={p.clientId}
            className="editing"
            style={{ borderColor: p.user.color, color: p.user.color }}
          >
            {t('presence.editing', { name: p.user.name })}
          </span>
        ))}
      </div>
    </>
  );
});

const goalData = { type: 'goal' };

/**
 * The sortable around a card's face. dnd-kit renders every sortable again whenever what the
 * pointer is over changes, so this stays thin: the face (GoalCardBody) is memoised and given
 * props that keep their identity, and what this computes from the goal is memoised too.
 */
export const GoalCard = memo(function GoalCard({ goal }: { goal: Goal }) {
  const { highlighted, peers, today, readOnly } = useCardContext();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: goal.id, data: goalData, disabled: readOnly });
  const attention = useMemo(() => goalAttention(goal, today), [goal, today]);
  const editor = peers.find((p) => !p.self && p.editing === goal.id);
  const dimmed = highlighted !== null && !goal.perspectives.includes(highlighted);
  const classes = [
    'goal-card',
    attention.stalled ? 'is-stalled' : '',
    attention.overdue ? 'is-overdue' : '',
    goal.status === 'achieved' ? 'is-achieved' : '',
    goal.status === 'dropped' ? 'is-dropped' : '',
    dimmed ? 'is-dimmed' : '',
    highlighted && !dimmed ? 'is-highlighted' : '',
    isDragging ? 'is-dragging' : '',
  ].join(' ');
  return (
    <li
      ref={setNodeRef}
      className={classes}
      data-goal-id={goal.id}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        outlineColor: editor?.user.color,
      }}
      {...listeners}
    >
      {readOnly ? (
        <GoalCardBody goal={goal} />
      ) : (
        <GoalCardBody goal={goal} attributes={attributes} setActivatorNodeRef={setActivatorNodeRef} />
      )}
    </li>
  );
});
