import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdviceArea, TreeNode } from '../../../shared/decisionTree.js';

/** The area of an advice as a badge: Medisch gebied, Sociaal gebied or Samen. */
export function AreaBadge({ area }: { area: AdviceArea }) {
  const { t } = useTranslation('trees');
  return <span className={`badge tree-area tree-area-${area}`}>{t(`area.${area}`)}</span>;
}

interface WalkStepProps {
  /** The questions answered so far, in words. */
  steps: { question: string; answer: string }[];
  at: TreeNode;
  /** False while the next step is on its way: the answers cannot be pressed twice. */
  ready: boolean;
  onAnswer(answerId: string): void;
  onBack(): void;
  onRestart(): void;
  /** At an advice: whom to refer to (the walker) or what it names (the editor's preview). */
  children?: ReactNode;
}

/**
 * One step of a walk through a decision tree, shared by the walker on a goal and the editor's
 * preview: the question with its help line and its answers as big buttons (or the advice), back
 * and start again, and the answers so far. The focus moves to each new step's heading.
 */
export function WalkStep({ steps, at, ready, onAnswer, onBack, onRestart, children }: WalkStepProps) {
  const { t } = useTranslation('trees');
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Not when the walk first shows: the button that opened it keeps the focus then.
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [at.id]);

  return (
    <div className="tree-walk" aria-busy={!ready}>
      {at.kind === 'question' ? (
        <div className="tree-question">
          <h4 id={headingId} ref={heading} tabIndex={-1}>
            {at.text}
          </h4>
          {at.help && <p className="muted">{at.help}</p>}
          <div role="group" aria-labelledby={headingId} className="tree-answers">
            {at.answers.map((a) => (
              <button
                key={a.id}
                type="button"
                className="tree-answer"
                onClick={() => ready && onAnswer(a.id)}
              >
                {a.label}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <div className="tree-advice">
          <h4 id={headingId} ref={heading} tabIndex={-1}>
            {t('walker.advice')} <AreaBadge area={at.area} />
          </h4>
          <p>{at.text}</p>
          {children}
        </div>
      )}
      {steps.length > 0 && (
        <p className="tree-walk-actions">
          <button type="button" onClick={onBack}>
            {t('walker.back')}
          </button>
          <button type="button" className="link-button" onClick={onRestart}>
            {t('walker.restart')}
          </button>
        </p>
      )}
      <div className="tree-path">
        <h5>{t('walker.answers')}</h5>
        {steps.length === 0 ? (
          <p className="muted">{t('walker.noAnswers')}</p>
        ) : (
          <ol>
            {steps.map((s, i) => (
              <li key={i}>
                {s.question} <strong>{s.answer}</strong>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
