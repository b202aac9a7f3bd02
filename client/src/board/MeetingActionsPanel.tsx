import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRow, ActionsAnswer } from '../../../shared/meetingApi.js';
import { localToday } from '../../../shared/attention.js';
import { getJson } from '../api.js';
import { ActionItem } from '../actions/ActionItem.js';
import { actionKey, isOverdue } from '../actions/actionList.js';
import { useActionDone } from '../actions/useActionDone.js';
import { useSession } from '../session.js';
import '../actions/actions.css';

const refreshMs = 30_000;

/**
 * The open actions on this case from all meetings, overdue ones flagged at the top of the board.
 * The owner ticks theirs off here. There is no live stream per case: fetched every 30 s and
 * whenever the window gets focus again.
 */
export function MeetingActionsPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [actions, setActions] = useState<ActionRow[]>([]);

  const load = useCallback(
    () =>
      getJson<ActionsAnswer>(`/api/cases/${encodeURIComponent(caseId)}/actions`)
        .then((body) => setActions(body.actions))
        .catch((e: Error) => console.error(e)),
    [caseId],
  );
  const patch = useCallback((key: string, done: boolean) => {
    setActions((current) => current.map((a) => (actionKey(a) === key ? { ...a, done } : a)));
  }, []);
  const { toggle, busy, error } = useActionDone(load, patch);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), refreshMs);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [load]);

  if (actions.length === 0) return null;
  const today = localToday();
  const overdue = actions.filter((a) => isOverdue(a, today)).length;
  return (
    <section
      className={overdue > 0 ? 'panel meeting-actions has-overdue' : 'panel meeting-actions'}
      aria-labelledby="meeting-actions-heading"
    >
      <h2 id="meeting-actions-heading" className="actions-heading">
        {t('caseActions.heading')}
        {overdue > 0 && (
          <span className="badge badge-danger">
            <span aria-hidden="true">⚠ </span>
            {t('caseActions.overdueCount', { count: overdue })}
          </span>
        )}
      </h2>
      <p className="muted panel-intro">{t('caseActions.intro')}</p>
      {error && <p role="alert">{t('actions.saveError', { message: error })}</p>}
      <ul className="followup-list">
        {actions.map((a) => (
          <ActionItem
            key={actionKey(a)}
            action={a}
            today={today}
            context="case"
            onToggle={user?.professionalId === a.ownerId ? toggle : undefined}
            busy={busy.has(actionKey(a))}
          />
        ))}
      </ul>
    </section>
  );
}
