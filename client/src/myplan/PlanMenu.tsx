import { useTranslation } from 'react-i18next';
import '../i18n/nl/myPlan.js';

/** The sections the menu jumps to, by the id of their section and the key of their word. */
const items = [
  ['coordinator', 'menu.contact'],
  ['crisis-card', 'menu.crisis'],
  ['goals', 'menu.goals'],
  ['my-referrals', 'referrals.menu'],
  ['my-questions', 'menu.questions'],
  ['access-log', 'menu.looked'],
] as const;

/**
 * A short menu at the top of the plan: a few plain words that jump to a section, each a big
 * target for a thumb. `questions` is false once the support has ended (that section is gone);
 * `referrals` is false while the team signed the client up nowhere (that section is not shown).
 */
export function PlanMenu({ questions, referrals }: { questions: boolean; referrals: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="plan-menu" aria-label={t('myPlan.menu.label')}>
      <ul>
        {items
          .filter(([id]) => (questions || id !== 'my-questions') && (referrals || id !== 'my-referrals'))
          .map(([id, word]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(`myPlan.${word}`)}</a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
