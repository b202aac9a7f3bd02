import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientQuestion } from '../../../shared/doc/clientVoice.js';
import { deleteJson, postJson } from '../api.js';
import { fullDateTime } from './dates.js';
import { PlanSection, Sentences } from './ReadAloud.js';
import '../i18n/nl/myPlan.js';

/**
 * "My questions for the next meeting": the client adds a question (it lands on the team's board at
 * once) and may take back one the team has not discussed yet.
 */
export function MyQuestions({ questions }: { questions: ClientQuestion[] }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState<'idle' | 'busy' | 'added' | 'removed' | 'error'>('idle');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    setStatus('busy');
    try {
      await postJson('/api/my/questions', { text: draft.trim() });
      setDraft('');
      setStatus('added');
    } catch {
      setStatus('error');
    }
  };
  const remove = async (question: ClientQuestion) => {
    setStatus('busy');
    try {
      await deleteJson(`/api/my/questions/${encodeURIComponent(question.id)}`);
      setStatus('removed');
    } catch {
      setStatus('error');
    }
  };

  return (
    <PlanSection id="my-questions" heading={t('myPlan.questions.heading')} className="my-questions">
      <p>
        <Sentences text={t('myPlan.questions.intro')} />
      </p>
      {questions.length === 0 ? (
        <p className="muted">
          <Sentences text={t('myPlan.questions.none')} />
        </p>
      ) : (
        <ul className="question-list">
          {questions.map((question) => (
            <li key={question.id} className={question.discussedAt ? 'is-discussed' : undefined}>
              <p className="question-text">
                <Sentences text={question.text} />
              </p>
              <p className="question-state">
                {question.discussedAt ? (
                  <Sentences
                    text={t('myPlan.questions.discussed', {
                      date: fullDateTime(question.discussedAt, i18n.language),
                      name: question.discussedBy ?? '—',
                    })}
                  />
                ) : (
                  <>
                    <span className="muted">{t('myPlan.questions.open')}</span>
                    <button
                      type="button"
                      className="small"
                      aria-label={t('myPlan.questions.removeLabel', { text: question.text })}
                      disabled={status === 'busy'}
                      onClick={() => void remove(question)}
                    >
                      {t('myPlan.questions.remove')}
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form className="question-form" onSubmit={(e) => void add(e)}>
        <label htmlFor="new-question">{t('myPlan.questions.label')}</label>
        <textarea
          id="new-question"
          rows={2}
          maxLength={500}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setStatus('idle');
          }}
        />
        <button type="submit" disabled={!draft.trim() || status === 'busy'}>
          {t('myPlan.questions.add')}
        </button>
        <p role="status" className={status === 'error' ? 'form-error' : 'form-ok'}>
          {status === 'added' && t('myPlan.questions.added')}
          {status === 'removed' && t('myPlan.questions.removed')}
          {status === 'error' && t('myPlan.questions.error')}
        </p>
      </form>
    </PlanSection>
  );
}
