import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { openClientQuestions, readClientQuestions } from '../../../shared/doc/clientVoice.js';
import { useDocRead } from '../board/useDocRead.js';
import { useMarkDiscussed } from '../board/useMarkDiscussed.js';
import { formatDate } from '../i18n/index.js';

/** The client's own questions for the meeting, from the board; the team marks them discussed. */
export function ClientQuestions({
  board,
  caseId,
  readOnly,
}: {
  board: Y.Doc;
  caseId: string;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const questions = openClientQuestions(useDocRead(board, readClientQuestions));
  const { mark, busy, error } = useMarkDiscussed(caseId);
  if (questions.length === 0) return null;
  return (
    <section className="client-questions-meeting" aria-labelledby="client-questions-heading">
      <h3 id="client-questions-heading">{t('meeting.clientQuestions')}</h3>
      <ul>
        {questions.map((q) => (
          <li key={q.id}>
            <q>{q.text}</q>{' '}
            <span className="muted">({formatDate(q.askedAt.slice(0, 10), i18n.language)})</span>{' '}
            {!readOnly && (
              <button type="button" className="small" disabled={busy} onClick={() => void mark(q.id)}>
                {t('meeting.questionDiscussed', { question: q.text })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="form-error">
          {t('clientVoice.markError', { message: error })}
        </p>
      )}
    </section>
  );
}
