import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DecisionTree, TreeAdvice } from '../../../shared/decisionTree.js';
import { telHref } from '../components/telHref.js';
import { useApi } from '../useApi.js';
import { WalkStep } from './WalkStep.js';
import './trees.css';

/** What the walk hands to the referral form: the person advised, the walk in words, the service. */
export interface ReferralStart {
  toProfessionalId: string;
  reason: string;
  serviceId: string | null;
}

export interface TreeWalkerProps {
  caseId: string;
  /** The goal it was opened from (the referral form takes it from the lead). */
  goalId: string | null;
  onRefer(start: ReferralStart): void;
  onClose(): void;
}

/**
 * "Wie verwijst naar wie?" from a goal (SPEC DT4): walks one of the district's decision trees for
 * the case, question by question, to an advice with its area and the named people to refer to;
 * "Verwijs naar …" starts the referral with that person and the walk in words.
 */
export function TreeWalker({ caseId, onRefer, onClose }: TreeWalkerProps) {
  const { t } = useTranslation('trees');
  const titleId = useId();
  const title = useRef<HTMLHeadingElement>(null);
  const list = useApi<{ trees: DecisionTree[] }>('/api/decision-trees');
  const [chosen, setChosen] = useState<string | null>(null);
  const [answers, setAnswers] = useState<string[]>([]);
  const trees = list.data?.trees ?? [];
  const treeId = chosen ?? (trees.length === 1 ? trees[0]!.id : null);
  const walk = useApi<TreeAdvice>(
    treeId ? `/api/cases/${caseId}/decision-trees/${treeId}/advice?answers=${answers.join(',')}` : null,
    { keepPrevious: true },
  );
  useEffect(() => title.current?.focus(), []);
  const choose = (id: string | null) => {
    setChosen(id);
    setAnswers([]);
  };
  // The answer shown is the one for these answers (not the last one, still on screen while it loads).
  const current = walk.data && walk.data.tree.id === treeId ? walk.data : null;
  const ready = !!current && current.steps.length === answers.length;

  return (
    <section className="tree-walker" aria-labelledby={titleId}>
      <h3 id={titleId} ref={title} tabIndex={-1}>
        {t('walker.title')}
        {current && trees.length > 1 && <span className="muted"> · {current.tree.title}</span>}
      </h3>
      {list.error && <p role="alert">{t('walker.failed', { message: list.error })}</p>}
      {walk.error && <p role="alert">{t('walker.failed', { message: walk.error })}</p>}
      {!list.data && !list.error && <p role="status">{t('walker.loading')}</p>}
      {list.data && trees.length === 0 && <p>{t('walker.none')}</p>}
      {!treeId && trees.length > 1 && (
        <div role="group" aria-label={t('walker.choose')} className="tree-answers">
          {trees.map((tree) => (
            <button key={tree.id} type="button" className="tree-answer" onClick={() => choose(tree.id)}>
              {tree.title}
            </button>
          ))}
        </div>
      )}
      {current && (
        <WalkStep
          steps={current.steps}
          at={current.at}
          ready={ready}
          onAnswer={(id) => setAnswers([...answers, id])}
          onBack={() => setAnswers(answers.slice(0, current.steps.length - 1))}
          onRestart={() => setAnswers([])}
        >
          <Candidates advice={current} onRefer={onRefer} />
        </WalkStep>
      )}
      <p className="tree-walk-actions">
        {chosen && trees.length > 1 && (
          <button type="button" className="link-button" onClick={() => choose(null)}>
            {t('walker.otherTree')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('walker.close')}
        </button>
      </p>
    </section>
  );
}

/** At an advice: the service if any, and the named people, each a button that starts the referral. */
function Candidates({ advice, onRefer }: { advice: TreeAdvice; onRefer: TreeWalkerProps['onRefer'] }) {
  const { t } = useTranslation('trees');
  const serviceId = advice.service?.id ?? null;
  return (
    <>
      {advice.service && (
        <p>
          {t('walker.service', { name: advice.service.name, organisation: advice.service.organisationName })}
        </p>
      )}
      <h5>{t('walker.candidates')}</h5>
      {advice.candidates.length === 0 ? (
        <p>
          {t('walker.noCandidates')} <Link to="/kaart">{t('walker.socialMap')}</Link>
        </p>
      ) : (
        <ul className="tree-candidates">
          {advice.candidates.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>
              <span>{[c.roleTitle, c.organisation].filter(Boolean).join(', ')}</span>
              {c.phone && <a href={telHref(c.phone)}>{c.phone}</a>}
              <button
                type="button"
                className="primary"
                onClick={() => onRefer({ toProfessionalId: c.id, reason: advice.summary, serviceId })}
              >
                {t('walker.refer', { name: c.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
