import { useTranslation } from 'react-i18next';
import type { BoardChange, ChangesAnswer } from '../../../shared/meetingApi.js';
import { formatDate, readableName } from '../i18n/index.js';
import { useApi } from '../useApi.js';
import '../i18n/nl/meeting.js';

/** "What changed since the last meeting": the board now against the version the last meeting kept. */
export function ChangesSince({ meetingId, caseId }: { meetingId: string; caseId: string }) {
  const { t, i18n } = useTranslation();
  const answer = useApi<ChangesAnswer>(`/api/meetings/${meetingId}/cases/${caseId}/changes`).data;
  if (!answer) return null;
  return (
    <details className="changes-since" open={answer.changes.length > 0}>
      <summary>
        <h3>{t('meeting.changes')}</h3>
      </summary>
      {!answer.since ? (
        <p className="muted">{t('meeting.changesFirst')}</p>
      ) : (
        <>
          <p className="muted">
            {t('meeting.changesSince', { name: readableName(answer.since.name, i18n.language) })}
          </p>
          {answer.changes.length === 0 ? (
            <p>{t('meeting.changesNone')}</p>
          ) : (
            <ul>
              {answer.changes.map((change, i) => (
                <li key={i} className={`change change-${change.kind}`}>
                  <ChangeLine change={change} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </details>
  );
}

function ChangeLine({ change }: { change: BoardChange }) {
  const { t, i18n } = useTranslation();
  const cell = (c: { domain: string; phase: string }) =>
    `${t(`domain.${c.domain}`)}, ${t(`phase.${c.phase}`)}`;
  const state = (s: string | null) => t(`signalState.name.${s ?? 'none'}`);
  switch (change.kind) {
    case 'goal-added':
      return <>{t('meeting.change.goal-added', { title: change.title, cell: cell(change) })}</>;
    case 'goal-moved':
      return (
        <>
          {t('meeting.change.goal-moved', {
            title: change.title,
            from: cell(change.from),
            to: cell(change.to),
          })}
        </>
      );
    case 'signal-state':
      return <>{t('meeting.change.signal-state', { from: state(change.from), to: state(change.to) })}</>;
    case 'observation':
      return (
        <>
          {t('meeting.change.observation', {
            date: formatDate(change.at.slice(0, 10), i18n.language),
            state: state(change.state),
            note: change.note,
            author: change.authorName,
          })}
        </>
      );
    default:
      return <>{t(`meeting.change.${change.kind}`, { title: change.title })}</>;
  }
}
