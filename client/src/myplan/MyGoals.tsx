import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { lifeDomains } from '../../../shared/vocabulary.js';
import { DomainIcon } from './DomainIcon.js';
import { GoalItem } from './GoalItem.js';
import { PlanSection, Sentences } from './ReadAloud.js';
import '../i18n/nl/myPlan.js';

/** The goals the team shows the client, grouped by life domain, each domain with its picture. */
export function MyGoals({
  plan,
  onWordsSaved,
}: {
  plan: ClientPlan;
  /** Null once the support has ended: the client's own words are shown, not edited. */
  onWordsSaved: ((goalId: string, words: string) => void) | null;
}) {
  const { t } = useTranslation();
  const domains = lifeDomains.filter((d) => plan.goals.some((g) => g.domain === d));
  return (
    <PlanSection id="goals" heading={t('myPlan.goals')}>
      <p>
        <Sentences text={domains.length ? t('myPlan.goalsIntro') : t('myPlan.noGoals')} />
      </p>
      {domains.map((domain) => (
        <section key={domain} className={`plan-domain domain-${domain}`} aria-labelledby={`plan-${domain}`}>
          <h3 id={`plan-${domain}`}>
            <DomainIcon domain={domain} /> <Sentences text={t(`myPlan.domain.${domain}`)} />
          </h3>
          <ul className="plan-goals">
            {plan.goals
              .filter((g) => g.domain === domain)
              .map((goal) => (
                <GoalItem
                  key={goal.id}
                  goal={goal}
                  onSaved={onWordsSaved && ((words) => onWordsSaved(goal.id, words))}
                />
              ))}
          </ul>
        </section>
      ))}
    </PlanSection>
  );
}
