import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { formatDate } from '../i18n/index.js';
import { OwnWords } from './OwnWords.js';
import { Person } from './Person.js';
import { Sentences } from './ReadAloud.js';

type PlanGoal = ClientPlan['goals'][number];

/** One goal: in the client's words where they exist, what happens next and who helps. */
export function GoalItem({
  goal,
  onSaved,
}: {
  goal: PlanGoal;
  /** Null once the support has ended: the own words are no longer edited here. */
  onSaved: ((words: string) => void) | null;
}) {
  const { t, i18n } = useTranslation();
  const nextSteps = goal.steps.filter((s) => !s.done);
  const doneSteps = goal.steps.length - nextSteps.length;
  return (
    <li className={`plan-goal status-border-${goal.status}`}>
      <h4>
        <Sentences text={goal.clientWords || goal.title} />
      </h4>
      <p className="plan-goal-facts">
        <span className={`status status-${goal.status}`}>
          <Sentences text={t(`myPlan.status.${goal.status}`)} />
        </span>
        {goal.targetDate && (
          <span>
            <Sentences text={t('myPlan.target', { date: formatDate(goal.targetDate, i18n.language) })} />
          </span>
        )}
      </p>
      {goal.clientWords && (
        <p className="muted">
          <Sentences text={t('myPlan.teamWords', { title: goal.title })} />
        </p>
      )}
      {goal.owner && (
        <p className="plan-goal-owner">
          <span className="plan-label">
            <Sentences text={t('myPlan.helper')} />
          </span>{' '}
          <Person person={goal.owner} />
        </p>
      )}
      {nextSteps.length > 0 && (
        <>
          <p className="plan-steps-label">
            <Sentences text={t('myPlan.nextSteps')} />
          </p>
          <ul className="plan-steps">
            {nextSteps.map((step) => (
              <li key={step.id}>
                <Sentences text={step.text} />
                {step.dueDate && (
                  <span className="muted">
                    {' '}
                    ({t('myPlan.due', { date: formatDate(step.dueDate, i18n.language) })})
                  </span>
                )}
                {step.owner && (
                  <span className="plan-step-helper">
                    <span className="plan-label">
                      <Sentences text={t('myPlan.helper')} />
                    </span>{' '}
                    <Person person={step.owner} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {doneSteps > 0 && (
        <p className="muted">
          <Sentences text={t('myPlan.doneSteps', { count: doneSteps })} />
        </p>
      )}
      {onSaved && <OwnWords goal={goal} onSaved={onSaved} />}
    </li>
  );
}
