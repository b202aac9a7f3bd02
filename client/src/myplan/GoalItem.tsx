import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { telHref } from '../components/telHref.js';
import { fullDate } from './dates.js';
import { Disclosure } from './Disclosure.js';
import { OwnWords } from './OwnWords.js';
import { Avatar, Person } from './Person.js';
import { Sentences } from './ReadAloud.js';
import '../i18n/nl/myPlan.js';

type PlanGoal = ClientPlan['goals'][number];

/**
 * One goal: in the client's words where they exist, how it goes and who helps (the team's person
 * and the services linked to it, with whom to call); what happens next,
 * the helper's phone and what the team calls it behind one button, so the goals stay short on a phone.
 */
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
  const headingId = `goal-${goal.id}`;
  const hasMore = nextSteps.length > 0 || doneSteps > 0 || !!goal.clientWords || !!goal.owner;
  return (
    <li className={`plan-goal status-border-${goal.status}`}>
      <h4 id={headingId}>
        <Sentences text={goal.clientWords || goal.title} />
      </h4>
      <p className="plan-goal-facts">
        <span className={`status status-${goal.status}`}>
          <Sentences text={t(`myPlan.status.${goal.status}`)} />
        </span>
        {goal.targetDate && (
          <span>
            <Sentences text={t('myPlan.target', { date: fullDate(goal.targetDate, i18n.language) })} />
          </span>
        )}
      </p>
      {goal.owner && (
        <p className="plan-goal-helps">
          <Avatar person={goal.owner} /> <Sentences text={t('myPlan.helps', { name: goal.owner.name })} />
        </p>
      )}
      {goal.services.map((service) => (
        <p key={service.id} className="plan-goal-service">
          <Sentences
            text={t(service.peerRun ? 'myPlan.servicePeer' : 'myPlan.service', {
              name: service.name,
              organisation: service.organisation,
            })}
          />{' '}
          <Sentences text={service.description} />{' '}
          {service.howToGetIn && <Sentences text={service.howToGetIn} />}{' '}
          <a
            className="person-phone"
            href={telHref(service.phone)}
            aria-label={t('myPlan.call', { name: service.contactName, phone: service.phone })}
          >
            <Sentences text={t('myPlan.serviceCall', { name: service.contactName })} /> {service.phone}
          </a>
        </p>
      ))}
      {hasMore && (
        <Disclosure
          id={`${headingId}-more`}
          summary={nextSteps.length > 0 ? t('myPlan.nextSteps') : t('myPlan.more')}
        >
          {goal.owner && (
            <p className="plan-goal-owner">
              <span className="plan-label">
                <Sentences text={t('myPlan.helper')} />
              </span>{' '}
              <Person person={goal.owner} />
            </p>
          )}
          {goal.clientWords && (
            <p className="muted">
              <Sentences text={t('myPlan.teamWords', { title: goal.title })} />
            </p>
          )}
          {nextSteps.length > 0 && (
            <ul className="plan-steps">
              {nextSteps.map((step) => (
                <li key={step.id}>
                  <Sentences text={step.text} />
                  {step.dueDate && (
                    <span className="muted">
                      {' '}
                      <Sentences
                        text={`(${t('myPlan.due', { date: fullDate(step.dueDate, i18n.language) })})`}
                      />
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
          )}
          {doneSteps > 0 && (
            <p className="muted">
              <Sentences text={t('myPlan.doneSteps', { count: doneSteps })} />
            </p>
          )}
        </Disclosure>
      )}
      {onSaved && <OwnWords goal={goal} headingId={headingId} onSaved={onSaved} />}
    </li>
  );
}
