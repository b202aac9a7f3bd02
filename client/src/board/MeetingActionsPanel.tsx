import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRow, ActionsAnswer } from '../../../shared/meetingApi.js';
import { localToday } from '../../../shared/attention.js';
import { ActionItem } from '../actions/ActionItem.js';
import { actionKey, isOverdue, withPending } from '../actions/actionList.js';
import { OverdueBadge } from '../actions/OverdueBadge.js';
import { useActionDone } from '../actions/useActionDone.js';
import { ReferralForm } from '../referrals/lazyReferralForm.js';
import { useSession } from '../session.js';
import { useApi } from '../useApi.js';
import { useEventStream } from '../useEventStream.js';
import '../actions/actions.css';
import '../i18n/nl/actions.js';

/**
 * The open actions on this case from all meetings, overdue ones flagged at the top of the board.
 * The owner ticks theirs off here. The server says over Server-Sent Events when one of them
 * changed (in a meeting or on another screen), and only then is the list fetched again.
 */
export function MeetingActionsPanel({ caseId, canRefer = false }: { caseId: string; canRefer?: boolean }) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('referrals');
  // An action of the meeting can be to refer the client on: the form starts from its words (SPEC RF1).
  const [referring, setReferring] = useState<ActionRow | null>(null);
  const [sent, setSent] = useState('');
  const { user } = useSession();
  const path = `/api/cases/${encodeURIComponent(caseId)}/actions`;
  const { data, reload } = useApi<ActionsAnswer>(path);
  // After a lost connection the list is fetched again, so nothing changed meanwhile is missed.
  useEventStream(`${path}/stream`, { changed: reload }, reload);
  const served = data?.actions ?? null;
  const { toggle, busy, pending, error } = useActionDone(served, reload);

  if (!served || served.length === 0) return null;
  const actions = withPending(served, pending);
  const today = localToday();
  const overdue = actions.filter((a) => isOverdue(a, today)).length;
  return (
    <section
      className={overdue > 0 ? 'panel meeting-actions has-overdue' : 'panel meeting-actions'}
      aria-labelledby="meeting-actions-heading"
    >
      <h2 id="meeting-actions-heading" className="actions-heading">
        {t('caseActions.heading')}
        {overdue > 0 && <OverdueBadge label={t('caseActions.overdueCount', { count: overdue })} />}
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
            extra={
              canRefer && (
                <button type="button" className="link-button" onClick={() => setReferring(a)}>
                  {tr('form.open')}
                </button>
              )
            }
          />
        ))}
      </ul>
      <p role="status" className="form-ok">
        {sent}
      </p>
      {referring && (
        <Suspense fallback={null}>
          <ReferralForm
            caseId={caseId}
            initial={{ reason: tr('form.fromAction', { text: referring.text }) }}
            onDone={({ toName }) => {
              setReferring(null);
              setSent(tr('form.sent', { name: toName }));
            }}
            onCancel={() => setReferring(null)}
          />
        </Suspense>
      )}
    </section>
  );
}
