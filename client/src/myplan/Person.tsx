import { useTranslation } from 'react-i18next';
import type { PlanContact } from '../../../shared/api.js';
import { colorFor } from '../../../shared/presence.js';
import { initialsOf } from '../components/initials.js';
import { telHref } from '../components/telHref.js';
import { Sentences } from './ReadAloud.js';
import '../i18n/nl/myPlan.js';

/** A round badge with someone's initials, in their own colour (decorative). */
export function Avatar({ person, large = false }: { person: PlanContact; large?: boolean }) {
  return (
    <span
      className={`avatar${large ? ' avatar-large' : ''}`}
      style={{ background: colorFor(person.id) }}
      aria-hidden="true"
    >
      {initialsOf(person.name)}
    </span>
  );
}

/** Who helps: initials, name, role and a phone link. */
export function Person({ person }: { person: PlanContact }) {
  const { t } = useTranslation();
  return (
    <span className="person">
      <Avatar person={person} />
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
