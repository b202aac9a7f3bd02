import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { CaseMember } from '../../../shared/api.js';
import { localToday } from '../../../shared/attention.js';
import type { Goal } from '../../../shared/doc/board.js';
import { addAction, itemText, removeAction, updateAction } from '../../../shared/doc/meetingCase.js';
import type { MeetingAction } from '../../../shared/doc/meetingCase.js';
import { isOverdue } from '../actions/actionList.js';
import { postJson } from '../api.js';
import { CollabText } from '../components/CollabText.js';
import '../i18n/nl/board.js';
import '../i18n/nl/meeting.js';

interface Props {
  meetingId: string;
  caseId: string;
  doc: Y.Doc;
  actions: MeetingAction[];
  members: CaseMember[];
  goals: Goal[];
  readOnly: boolean;
}

/** Actions on a case: each with exactly one owner and a due date; one move makes it a step of a goal. */
export function ActionList({ actions, members, readOnly, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="actions-heading">
      <h3 id="actions-heading">{t('meeting.actions')}</h3>
      <p className="hint">{t('meeting.actionsHint')}</p>
      <ol className="action-list">
        {actions.map((action, i) => (
          <ActionLine
            key={action.id}
            action={action}
            index={i + 1}
            members={members}
            readOnly={readOnly}
            {...rest}
          />
        ))}
      </ol>
      {!readOnly && <NewAction doc={rest.doc} members={members} />}
    </section>
  );
}

function OwnerOptions({ members }: { members: CaseMember[] }) {
  return members.map((m) => (
    <option key={m.id} value={m.id}>
      {m.name} ({m.roleTitle})
    </option>
  ));
}

function ActionLine({
  action,
  index,
  members,
  readOnly,
  doc,
  goals,
  meetingId,
  caseId,
}: Omit<Props, 'actions'> & { action: MeetingAction; index: number }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const text = itemText(doc, 'actions', action.id);
  const id = (name: string) => `action-${action.id}-${name}`;
  const overdue = isOverdue(action, localToday());
  const linkedGoal = goals.find((g) => g.id === action.goalId);
  const toStep = async (goalId: string) => {
    setError(null);
    try {
      await postJson(`/api/meetings/${meetingId}/cases/${caseId}/actions/${action.id}/step`, { goalId });
    } catch (e) {
      setError(t('meeting.toStepError', { message: (e as Error).message }));
    }
  };
  return (
    <li className={overdue ? 'is-overdue' : undefined}>
      <input
        id={id('done')}
        type="checkbox"
        checked={action.done}
        disabled={readOnly}
        aria-label={t('meeting.actionDone', { index })}
        onChange={(e) => updateAction(doc, action.id, { done: e.target.checked })}
      />
      <label className="visually-hidden" htmlFor={id('text')}>
        {t('meeting.actionText', { index })}
      </label>
      {text && !readOnly ? (
        <CollabText id={id('text')} text={text} maxLength={1000} className="step-text" />
      ) : (
        <span id={id('text')}>{action.text}</span>
      )}
      <label className="visually-hidden" htmlFor={id('owner')}>
        {t('meeting.actionOwner', { index })}
      </label>
      <select
        id={id('owner')}
        value={action.ownerId}
        disabled={readOnly}
        onChange={(e) => updateAction(doc, action.id, { ownerId: e.target.value })}
      >
        <OwnerOptions members={members} />
      </select>
      <label className="visually-hidden" htmlFor={id('due')}>
        {t('meeting.actionDue', { index })}
      </label>
      <input
        id={id('due')}
        type="date"
        required
        disabled={readOnly}
        value={action.dueDate}
        onChange={(e) => e.target.value && updateAction(doc, action.id, { dueDate: e.target.value })}
      />
      {overdue && <span className="flag flag-overdue">{t('goal.overdue')}</span>}
      {linkedGoal ? (
        <span className="muted">{t('meeting.toStepDone', { goal: linkedGoal.title })}</span>
      ) : (
        !readOnly && (
          <>
            <label className="visually-hidden" htmlFor={id('step')}>
              {t('meeting.toStep', { index })}
            </label>
            <select id={id('step')} value="" onChange={(e) => e.target.value && void toStep(e.target.value)}>
              <option value="">{t('meeting.toStepChoose')}</option>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </select>
          </>
        )
      )}
      {!readOnly && (
        <button type="button" className="small" onClick={() => removeAction(doc, action.id)}>
          {t('meeting.removeAction', { index })}
        </button>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </li>
  );
}

function NewAction({ doc, members }: { doc: Y.Doc; members: CaseMember[] }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState(false);
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || !ownerId || !dueDate) {
      setError(true);
      return;
    }
    addAction(doc, { text: text.trim(), ownerId, dueDate });
    setText('');
    setOwnerId('');
    setDueDate('');
    setError(false);
  };
  return (
    <form className="new-action" onSubmit={add}>
      <label htmlFor="new-action-text">{t('meeting.newAction')}</label>
      <input id="new-action-text" value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} />
      <label htmlFor="new-action-owner">{t('meeting.newOwner')}</label>
      <select id="new-action-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
        <option value="">{t('meeting.chooseOwner')}</option>
        <OwnerOptions members={members} />
      </select>
      <label htmlFor="new-action-due">{t('meeting.newDue')}</label>
      <input id="new-action-due" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
      {error && (
        <p role="alert" className="form-error">
          {t('meeting.needOwner')}
        </p>
      )}
      <button type="submit">{t('meeting.addAction')}</button>
    </form>
  );
}
