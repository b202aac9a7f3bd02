import { useTranslation } from 'react-i18next';
import type { PlanContact } from '../../../shared/api.js';
import { telHref } from '../components/telHref.js';
import { Sentences } from './ReadAloud.js';

/** The first letters of someone's first and last name, e.g. "SK" for Sevda Kaya. */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A round badge with someone's initials, in a colour of their own (decorative). */
export function Avatar({ name, large = false }: { name: string; large?: boolean }) {
  const hue = [...name].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  return (
    <span
      className={`avatar${large ? ' avatar-large' : ''}`}
      style={{ background: `hsl(${hue} 55% 32%)` }}
      aria-hidden="true"
    >
      {initialsOf(name)}
    </span>
  );
}

/** Who helps: initials, name, role and a phone link. */
export function Person({ person }: { person: PlanContact }) {
  const { t } = useTranslation();
  return (
    <span className="person">
      <Avatar name={person.name} />
      <span className="person-text">
        <strong>
          <Sentences text={person.name} />
        </strong>{' '}
        <span className="muted">({person.roleTitle})</span>
        {person.phone && (
          <>
            {' '}
            <a
              className="person-phone"
              href={telHref(person.phone)}
              aria-label={t('myPlan.call', { name: person.name, phone: person.phone })}
            >
              {person.phone}
            </a>
          </>
        )}
      </span>
    </span>
  );
}
