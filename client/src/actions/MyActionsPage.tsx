import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRow } from '../../../shared/meetingApi.js';
import { localToday } from '../../../shared/attention.js';
import { ActionItem } from './ActionItem.js';
import { actionKey, isOverdue, splitActions, withPending } from './actionList.js';
import { OverdueBadge } from './OverdueBadge.js';
import { useActionDone } from './useActionDone.js';
import { useMyActions } from './useMyActions.js';
import './actions.css';
import '../i18n/nl/actions.js';

/**
 * "Mijn acties": every action of the signed-in professional from all meetings and cases. Open ones
 * first by due date with the overdue ones flagged; done ones folded away under "Afgerond".
 */
export function MyActionsPage() {
  const { t } = useTranslation();
  const { actions, error, reload } = useMyActions();
  const { toggle, busy, pending, error: saveError } = useActionDone(actions, reload);
  const [announced, setAnnounced] = useState('');
  const today = localToday();

  const onToggle = (action: ActionRow, done: boolean) => {
    setAnnounced(t(done ? 'actions.movedDone' : 'actions.movedOpen', { text: action.text }));
    toggle(action, done);
  };

  if (!actions) {
    return error ? (
      <p role="alert">{t('actions.loadError', { message: error })}</p>
    ) : (
      <p role="status">{t('common.loading')}</p>
    );
  }
  const { open, done } = splitActions(withPending(actions, pending));
  const overdue = open.filter((a) => isOverdue(a, today)).length;
  const item = (a: ActionRow) => (
    <ActionItem
      key={actionKey(a)}
      action={a}
      today={today}
      context="mine"
      onToggle={onToggle}
      busy={busy.has(actionKey(a))}
    />
  );

  return (
    <div className="my-actions">
      <h1>{t('actions.heading')}</h1>
      <p className="muted">{t('actions.intro')}</p>
      {saveError && <p role="alert">{t('actions.saveError', { message: saveError })}</p>}
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>
      <section aria-labelledby="open-actions-heading">
        <h2 id="open-actions-heading" className="actions-heading">
          {t('actions.open')} <span className="badge">{t('actions.openCount', { count: open.length })}</span>
          {overdue > 0 && <OverdueBadge label={t('actions.overdueCount', { count: overdue })} />}
        </h2>
        {open.length === 0 ? (
          <p className="muted">{t('actions.noneOpen')}</p>
        ) : (
          <ul className="followup-list">{open.map(item)}</ul>
        )}
      </section>
      <details className="done-actions">
        <summary>
          <h2>{t('actions.done', { count: done.length })}</h2>
        </summary>
        {done.length === 0 ? (
          <p className="muted">{t('actions.noneDone')}</p>
        ) : (
          <ul className="followup-list">{done.map(item)}</ul>
        )}
      </details>
    </div>
  );
}
