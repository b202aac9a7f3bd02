import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ActionRow } from '../../../shared/meetingApi.js';
import { formatDateTime } from '../i18n/index.js';
import { isOverdue } from './actionList.js';
import { DueDate } from './DueDate.js';
import '../i18n/nl/actions.js';

interface Props {
  action: ActionRow;
  today: string;
  /** Where the action is shown: in the owner's own list (with the case) or on the case board. */
  context: 'mine' | 'case';
  /** Absent when the viewer may not mark it done. */
  onToggle?: (action: ActionRow, done: boolean) => void;
  busy?: boolean;
  /** What the list lets one do with the action besides ticking it off (e.g. refer the client on). */
  extra?: ReactNode;
}

/** One action from a meeting: what, by when, from which meeting, and a checkbox to mark it done. */
export function ActionItem({ action, today, context, onToggle, busy = false, extra }: Props) {
  const { t, i18n } = useTranslation();
  const overdue = isOverdue(action, today);
  const meeting = `${action.meetingTitle}, ${formatDateTime(action.meetingStartsAt, i18n.language)}`;
  return (
    <li className={['followup', overdue ? 'is-overdue' : '', action.done ? 'is-done' : ''].join(' ')}>
      {onToggle && (
        <input
          type="checkbox"
          className="followup-check"
          checked={action.done}
          disabled={busy}
          aria-label={t('actions.markDone', { text: action.text })}
          onChange={(e) => onToggle(action, e.currentTarget.checked)}
        />
      )}
      <div className="followup-body">
        <p className="followup-text">{action.text}</p>
        <p className="followup-meta">
          <DueDate date={action.dueDate} overdue={overdue} />
          {context === 'case' && <span>{t('actions.owner', { name: action.ownerName })}</span>}
          {context === 'mine' && (
            <span>
              {t('actions.client')}
              <Link to={`/cases/${encodeURIComponent(action.caseId)}`}>{action.caseLabel}</Link>
            </span>
          )}
          <span>
            {t('actions.meeting')}
            <Link to={`/overleg/${encodeURIComponent(action.meetingId)}`}>{meeting}</Link>
          </span>
        </p>
      </div>
      {extra}
    </li>
  );
}
