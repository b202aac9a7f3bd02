import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, MyRound } from '../../../shared/collaborationHealth.js';
import type { Statement, StatementGroup } from '../../../shared/collaborationHealthStatements.js';
import { ApiRequestError, putJson } from '../api.js';
import { cleanComments, groups, statementText, statementsOf, unanswered } from './format.js';

const scale = [1, 2, 3, 4, 5] as const;
const maxComment = 500;

/** The id of a statement's first radio button, to move the focus to when it is unanswered. */
const radioId = (roundId: string, statementId: string, score: number) =>
  `ch-${roundId}-${statementId.replace('.', '-')}-${score}`;

interface Props {
  round: MyRound;
  /** After a save: the page reads the rounds again, with these answers as `mine`. */
  onSaved(): void;
}

/**
 * The scan of one round (SPEC CH2, CH3): per condition its statements on a 5-point scale in
 * words, an optional comment, then the pulse. Nothing is sent until every statement is answered;
 * the message names the first one missing and the focus goes to it.
 */
export function ScanForm({ round, onSaved }: Props) {
  const { t, i18n } = useTranslation('collaborationHealth');
  const [scores, setScores] = useState<Record<string, number>>(round.mine?.scores ?? {});
  const [comments, setComments] = useState<Record<string, string>>(
    (round.mine?.comments as Record<string, string> | undefined) ?? {},
  );
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);
  const readOnly = round.status === 'closed';
  const label = (group: StatementGroup) => t(`conditions.${group}`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setTried(true);
    const missing = unanswered(scores);
    if (missing.length > 0) {
      const first = missing[0]!;
      setError(t('form.missing', { count: missing.length, first: statementText(first, i18n.language) }));
      document.getElementById(radioId(round.id, first.id, 1))?.focus();
      return;
    }
    const tooLong = Object.entries(comments).find(([, text]) => text.trim().length > maxComment);
    if (tooLong) {
      const [group, text] = tooLong;
      setError(t('form.tooLong', { condition: label(group as StatementGroup), length: text.trim().length }));
      document.getElementById(`ch-${round.id}-comment-${group}`)?.focus();
      return;
    }
    setError(null);
    setSaving(true);
    try {
      const body: Answers = { scores, comments: cleanComments(comments) };
      await putJson(`/api/collaboration-health/rounds/${round.id}/answers`, body);
      setSaved(true);
      onSaved();
    } catch (e) {
      const closed = e instanceof ApiRequestError && e.details.code === 'round-closed';
      setError(closed ? t('form.roundClosed') : t('failed', { message: (e as Error).message }));
    } finally {
      setSaving(false);
    }
  };

  const statementField = (s: Statement) => {
    const missing = tried && !(s.id in scores);
    const legendId = `ch-${round.id}-${s.id.replace('.', '-')}-legend`;
    return (
      <fieldset key={s.id} className={`ch-statement${missing ? ' missing' : ''}`} aria-labelledby={legendId}>
        <legend id={legendId}>
          {statementText(s, i18n.language)}
          {missing && <span className="ch-missing"> — {t('form.unanswered')}</span>}
        </legend>
        <div className="ch-scale">
          {scale.map((score) => (
            <label key={score} className="ch-option">
              <input
                type="radio"
                id={radioId(round.id, s.id, score)}
                name={`ch-${round.id}-${s.id}`}
                value={score}
                checked={scores[s.id] === score}
                disabled={readOnly}
                aria-invalid={missing || undefined}
                onChange={() => {
                  setScores((prev) => ({ ...prev, [s.id]: score }));
                  setSaved(false);
                }}
              />
              <span>{t(`scale.${score}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  };

  return (
    <form className="ch-scan" onSubmit={(e) => void submit(e)} noValidate>
      <p className="hint">{t('form.howMuch')}</p>
      {groups.map((group) => {
        const commentId = `ch-${round.id}-comment-${group}`;
        const text = comments[group] ?? '';
        return (
          <fieldset key={group} className="ch-condition">
            <legend>{label(group)}</legend>
            {statementsOf(group).map(statementField)}
            {group !== 'pulse' && (
              <div className="ch-comment">
                <label htmlFor={commentId}>{t('form.comment')}</label>
                <textarea
                  id={commentId}
                  rows={2}
                  maxLength={maxComment}
                  value={text}
                  readOnly={readOnly}
                  aria-describedby={`${commentId}-hint`}
                  onChange={(e) => {
                    setComments((prev) => ({ ...prev, [group]: e.target.value }));
                    setSaved(false);
                  }}
                />
                <p id={`${commentId}-hint`} className="hint">
                  {t('form.commentHint')} ({text.length}/{maxComment})
                </p>
              </div>
            )}
          </fieldset>
        );
      })}
      <div className="form-actions ch-save">
        {!readOnly && (
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('form.saving') : t('form.save')}
          </button>
        )}
        <p className="form-error" role="alert">
          {error}
        </p>
        <p className="form-ok" role="status">
          {saved ? t('form.saved') : ''}
        </p>
      </div>
    </form>
  );
}
