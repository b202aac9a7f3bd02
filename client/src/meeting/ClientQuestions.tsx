import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  openClientQuestions,
  questionsDiscussedIn,
  readClientQuestions,
} from '../../../shared/doc/clientVoice.js';
import { useDocRead } from '../board/useDocRead.js';
import { useMarkDiscussed } from '../board/useMarkDiscussed.js';
import { formatDate } from '../i18n/index.js';
import '../i18n/nl/meeting.js';
import '../i18n/nl/board.js';

/**
 * The client's own questions for the meeting, from the board: the open ones, which the team marks
 * discussed here, and those marked in this meeting (also once it is closed, as its minutes list them).
 */
export function ClientQuestions({
  board,
  meetingId,
  caseId,
  readOnly,
  closed,
}: {
  board: Y.Doc;
  meetingId: string;
  caseId: string;
  /** No marking: the board is read-only for this person. */
  readOnly: boolean;
  /** The meeting is closed: only what it discussed belongs on its page. */
  closed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const all = useDocRead(board, readClientQuestions);
  const open = openClientQuestions(all);
  const discussedHere = questionsDiscussedIn(all, meetingId);
  const { mark, busy, error } = useMarkDiscussed(caseId, meetingId);
  const shown = closed ? [] : open;
  if (shown.length === 0 && discussedHere.length === 0) return null;
  const asked = (at: string) => formatDate(at.slice(0, 10), i18n.language);
  return (
    <section className="client-questions-meeting" aria-labelledby="client-questions-heading">
      <h3 id="client-questions-heading">{t('meeting.clientQuestions')}</h3>
      {shown.length > 0 && (
        <ul>
          {shown.map((q) => (
            <li key={q.id}>
              <q>{q.text}</q> <span className="muted">({asked(q.askedAt)})</span>{' '}
              {!readOnly && (
                <button type="button" className="small" disabled={busy} onClick={() => void mark(q.id)}>
                  {t('meeting.questionDiscussed', { question: q.text })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {discussedHere.length > 0 && (
        <>
          <h4>{t('meeting.questionsDiscussedHere')}</h4>
          <ul>
            {discussedHere.map((q) => (
              <li key={q.id}>
                <q>{q.text}</q>{' '}
                <span className="muted">
                  ({t('meeting.questionDiscussedBy', { date: asked(q.askedAt), name: q.discussedBy ?? '' })})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {error && (
        <p role="alert" className="form-error">
          {t('clientVoice.markError', { message: error })}
        </p>
      )}
    </section>
  );
}
