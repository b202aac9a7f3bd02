import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { fullDate } from './dates.js';
import { Sentences } from './ReadAloud.js';
import '../i18n/nl/myPlan.js';

/**
 * Once the case is closed the plan says so first: the support has ended, on which day, and whom
 * to call. (A client who reads with difficulty has "Lees mijn plan voor" above it: ReadWholePlan.)
 */
export function SupportEnded({ plan }: { plan: ClientPlan }) {
  const { t, i18n } = useTranslation();
  const ended = plan.supportEnded;
  if (!ended) return null;
  const contact = ended.contact;
  return (
    <section className="support-ended" role="status" aria-labelledby="support-ended-heading">
      <h2 id="support-ended-heading">
        <Sentences text={t('supportEnded.heading')} />
      </h2>
      <p>
        <Sentences text={t('supportEnded.text', { date: fullDate(ended.on.slice(0, 10), i18n.language) })} />
      </p>
      <p>
        <Sentences
          text={contact ? t('supportEnded.call', { name: contact.name }) : t('supportEnded.noContact')}
        />
        {contact?.phone && (
          <>
            {' '}
            <a href={`tel:${contact.phone}`}>{contact.phone}</a>
          </>
        )}
        {contact?.email && (
          <>
            {' '}
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </>
        )}
      </p>
    </section>
  );
}
