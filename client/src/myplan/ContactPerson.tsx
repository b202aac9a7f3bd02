import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { telHref } from '../components/telHref.js';
import { Avatar } from './Person.js';
import { PlanSection, Sentences } from './ReadAloud.js';
import '../i18n/nl/myPlan.js';

/** My contact person (the case's coordinator), at the top of the plan, one tap to call. */
export function ContactPerson({ plan }: { plan: ClientPlan }) {
  const { t } = useTranslation();
  const person = plan.coordinator;
  return (
    <PlanSection id="coordinator" heading={t('myPlan.coordinator')} className="plan-coordinator">
      {person ? (
        <div className="plan-contact">
          <div className="plan-contact-who">
            <Avatar person={person} large />
            <p>
              <strong>
                <Sentences text={person.name} />
              </strong>
              <br />
              <Sentences text={[person.roleTitle, person.organisation].filter(Boolean).join(', ')} />
            </p>
          </div>
          <p className="plan-contact-intro">
            <Sentences text={t('myPlan.coordinatorIntro')} />
          </p>
          <p className="contact-actions">
            {person.phone && (
              <a className="call-button" href={telHref(person.phone)}>
                {t('myPlan.call', { name: person.name, phone: person.phone })}
              </a>
            )}
            {person.email && (
              <a className="mail-link" href={`mailto:${person.email}`}>
                {t('myPlan.mail', { name: person.name })}
              </a>
            )}
          </p>
        </div>
      ) : (
        <p>
          <Sentences text={t('myPlan.noCoordinator')} />
        </p>
      )}
    </PlanSection>
  );
}
