import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateContact } from '../../../shared/intakeApi.js';
import { postJson } from '../api.js';
import '../i18n/nl/intake.js';

interface Props {
  contacts: (DuplicateContact | null)[];
  clientName: string;
  dateOfBirth: string;
  /** Register a new case anyway. */
  onGoOn(): void;
}

/**
 * A case with this name and date of birth may exist: whom to contact (never the case), and the
 * two ways on: ask that coordinator to add me (a notice to them), or register anyway.
 */
export function DuplicateWarning({ contacts, clientName, dateOfBirth, onGoOn }: Props) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ask = async (contact: DuplicateContact) => {
    setError(null);
    try {
      await postJson('/api/cases/access-requests', {
        clientName,
        dateOfBirth,
        coordinatorId: contact.id,
        message: message || null,
      });
      setAsked(contact.name);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="intake-duplicate" role="alert" aria-labelledby="intake-duplicate-heading">
      <h2 id="intake-duplicate-heading">{t('intake.duplicate.heading')}</h2>
      <p>{t('intake.duplicate.text')}</p>
      <ul>
        {contacts.map((c, i) =>
          c ? (
            <li key={c.id}>
              {t('intake.duplicate.contact', { name: c.name, role: c.roleTitle })}
              {c.organisation && ` (${c.organisation})`}
              {c.phone && (
                <>
                  {' · '}
                  <a href={`tel:${c.phone}`}>{c.phone}</a>
                </>
              )}
              {c.email && (
                <>
                  {' · '}
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                </>
              )}
            </li>
          ) : (
            <li key={`none-${i}`}>{t('intake.duplicate.noContact')}</li>
          ),
        )}
      </ul>
      <label htmlFor="intake-duplicate-message">{t('intake.duplicate.message')}</label>
      <textarea
        id="intake-duplicate-message"
        maxLength={300}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
      />
      <div className="intake-duplicate-choices">
        {contacts.map(
          (c) =>
            c && (
              <button key={c.id} type="button" onClick={() => void ask(c)}>
                {t('intake.duplicate.ask', { name: c.name })}
              </button>
            ),
        )}
        <button type="button" className="primary" onClick={onGoOn}>
          {t('intake.duplicate.goOn')}
        </button>
      </div>
      <p role="status">{asked && t('intake.duplicate.asked', { name: asked })}</p>
      {error && (
        <p className="form-error" role="alert">
          {t('intake.failed', { message: error })}
        </p>
      )}
    </section>
  );
}
