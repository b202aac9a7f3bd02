import { memo, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocialService } from '../../../shared/socialMapApi.js';
import { serviceLanguages } from '../../../shared/socialMapApi.js';
import { telHref } from '../components/telHref.js';
import { formatDate } from '../i18n/index.js';

/** Opening hours as people read them: "di 09:00–12:00, do 13:00–16:00". */
export function hoursText(service: Pick<SocialService, 'openingHours'>, day: (d: string) => string): string {
  return service.openingHours.map((h) => `${day(h.day)} ${h.opens}–${h.closes}`).join(', ');
}

/** The badges a service carries: peer-run first, free, no longer offered, not confirmed for a while. */
export function ServiceBadges({ service }: { service: SocialService }) {
  const { t, i18n } = useTranslation('socialMap');
  return (
    <span className="service-badges">
      {service.peerRun && (
        <span className="badge badge-peer" title={t('service.peerRunHint')}>
          {t('service.peerRun')}
        </span>
      )}
      {service.free && <span className="badge badge-free">{t('service.free')}</span>}
      {service.status === 'inactive' && <span className="badge badge-inactive">{t('service.inactive')}</span>}
      {service.stale && (
        <span className="badge badge-stale" title={t('service.staleHint')}>
          {t('service.stale', { date: formatDate(service.lastConfirmedAt.slice(0, 10), i18n.language) })}
        </span>
      )}
    </span>
  );
}

/**
 * One service of the social map: what it is and how to get in at a glance, the details (who it
 * is for, hours, place, the named contact person with a call button) one click further. `actions`
 * are what the page lets the reader do with it (link it to a goal; the administrator's buttons).
 */
export const ServiceCard = memo(function ServiceCard({
  service,
  neighbourhoodName,
  actions,
  headingLevel = 3,
}: {
  service: SocialService;
  neighbourhoodName: (id: string) => string;
  actions?: ReactNode;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t, i18n } = useTranslation('socialMap');
  const { t: tc } = useTranslation();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const Heading = `h${headingLevel}` as const;
  const hours = hoursText(service, (d) => t(`days.${d}`));
  return (
    <article className={`service-card${service.peerRun ? ' peer-run' : ''}`} aria-label={service.name}>
      <Heading className="service-name">{service.name}</Heading>
      <p className="service-org">{service.organisationName}</p>
      <ServiceBadges service={service} />
      <p className="service-description">{service.description}</p>
      <p className="service-access">
        <strong>{t(`service.access.${service.access}`)}</strong>
        {service.howToGetIn && <> · {service.howToGetIn}</>}
      </p>
      <p className="service-contact">
        {t('service.contact')}: <strong>{service.contact.name}</strong>
        {service.contact.role && <>, {service.contact.role}</>}{' '}
        <a className="button-link" href={telHref(service.contact.phone)}>
          {t('service.call', { name: service.contact.name.split(' ')[0] })} {service.contact.phone}
        </a>
      </p>
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
      >
        {open
          ? t('service.hideDetails', { name: service.name })
          : t('service.details', { name: service.name })}
      </button>
      {open && (
        <dl id={detailsId} className="service-details">
          {service.forWhom && (
            <>
              <dt>{t('service.forWhom')}</dt>
              <dd>{service.forWhom}</dd>
            </>
          )}
          <dt>{t('service.hours')}</dt>
          <dd>
            {hours || t('service.noHours')}
            {service.openingNote && <> · {service.openingNote}</>}
          </dd>
          <dt>{t('service.where')}</dt>
          <dd>
            {service.location
              ? `${service.location.name ? `${service.location.name}, ` : ''}${service.location.street}, ${service.location.postalCode} ${service.location.city}`
              : t('service.noPlace')}
          </dd>
          <dt>{t('service.cost')}</dt>
          <dd>{service.free ? t('service.free') : service.costDescription}</dd>
          <dt>{t('service.domains')}</dt>
          <dd>{service.lifeDomains.map((d) => tc(`domain.${d}`)).join(', ')}</dd>
          {service.perspectives.length > 0 && (
            <>
              <dt>{t('service.perspectives')}</dt>
              <dd>{service.perspectives.map((p) => tc(`perspective.${p}`)).join(', ')}</dd>
            </>
          )}
          <dt>{t('service.neighbourhoods')}</dt>
          <dd>{service.neighbourhoodIds.map(neighbourhoodName).join(', ')}</dd>
          <dt>{t('service.languages')}</dt>
          <dd>
            {[...service.languages]
              .sort((a, b) => serviceLanguages.indexOf(a) - serviceLanguages.indexOf(b))
              .map((l) => t(`languageNames.${l}`))
              .join(', ')}
          </dd>
          <dt>{t('service.contact')}</dt>
          <dd>
            {service.contact.name}
            {service.contact.role && `, ${service.contact.role}`} ·{' '}
            <a href={`mailto:${service.contact.email}`}>{service.contact.email}</a>
          </dd>
          <dt>{t('service.lastConfirmed')}</dt>
          <dd>{formatDate(service.lastConfirmedAt.slice(0, 10), i18n.language)}</dd>
        </dl>
      )}
      {actions && <div className="service-actions">{actions}</div>}
    </article>
  );
});
