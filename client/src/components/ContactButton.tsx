import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfessionalSummary } from '../../../shared/api.js';
import './contactButton.css';
import '../i18n/nl/board.js';

/** A person's name; one click shows how to reach them (referral goes to a person, not a team). */
export function ContactButton({
  person,
  none,
}: {
  person: ProfessionalSummary | undefined;
  /** What to say when nobody is chosen yet; default "no owner yet" (of a goal). */
  none?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!person) return <span className="muted">{none ?? t('goal.noOwner')}</span>;
  return (
    <span className="contact">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(!open);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        {person.name}
      </button>
      {open && (
        <span
          id={id}
          className="contact-card"
          role="group"
          aria-label={t('contact.of', { name: person.name })}
        >
          <strong>{person.name}</strong>
          <span>
            {person.roleTitle}
            {person.organisation ? ` · ${person.organisation}` : ''}
          </span>
          {person.phone && <a href={`tel:${person.phone.replace(/[^+\d]/g, '')}`}>{person.phone}</a>}
          {person.email && <a href={`mailto:${person.email}`}>{person.email}</a>}
        </span>
      )}
    </span>
  );
}
