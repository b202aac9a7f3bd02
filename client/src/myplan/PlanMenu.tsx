import { useTranslation } from 'react-i18next';

/** The sections the menu jumps to, by the id of their section and the key of their word. */
const items = [
  ['coordinator', 'contact'],
  ['crisis-card', 'crisis'],
  ['goals', 'goals'],
  ['my-questions', 'questions'],
  ['access-log', 'looked'],
] as const;

/**
 * A short menu at the top of the plan: a few plain words that jump to a section, each a big
 * target for a thumb. `questions` is false once the support has ended (that section is gone).
 */
export function PlanMenu({ questions }: { questions: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="plan-menu" aria-label={t('myPlan.menu.label')}>
      <ul>
        {items
          .filter(([id]) => questions || id !== 'my-questions')
          .map(([id, word]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(`myPlan.menu.${word}`)}</a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
