import { LetterView } from './LetterView.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { workingDaysBetween } from '../../../shared/referralApi.js';
import type { Referral, ReferralEvent, ReferralPerson, ReferralRole } from '../../../shared/referralApi.js';
import { postJson } from '../api.js';
import { telHref } from '../components/telHref.js';
import { formatDateTime } from '../i18n/index.js';
import { ReferralSteps } from './ReferralSteps.js';
import { offerAddToTeam } from './referralView.js';
import { StatusBadge, UrgencyBadge } from './badges.js';

/** A person of the referral: name, role and organisation, and a phone number to call. */
function PersonLine({ label, person }: { label: string; person: ReferralPerson }) {
  const { t } = useTranslation('referrals');
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <strong>{person.name}</strong>{' '}
        <span className="muted">
          {person.roleTitle}
          {person.organisation && `, ${person.organisation}`}
        </span>
        {person.phone && (
          <>
            {' · '}
            <a
              className="nowrap"
              href={telHref(person.phone)}
              aria-label={t('item.call', { name: person.name, phone: person.phone })}
            >
              {person.phone}
            </a>
          </>
        )}
      </dd>
    </div>
  );
}

/** Who took a step, by the names the referral carries. */
const byName = (referral: Referral, event: ReferralEvent) =>
  event.byProfessionalId === referral.to.id
    ? referral.to.name
    : event.byProfessionalId === referral.from.id
      ? referral.from.name
      : null;

/** The loop so far, each step with its time, who took it, the reason and the note. */
function Timeline({ referral }: { referral: Referral }) {
  const { t, i18n } = useTranslation('referrals');
  return (
    <ol className="referral-timeline" aria-label={t('item.timeline')}>
      {referral.events.map((event, i) => {
        const name = byName(referral, event);
        return (
          <li key={`${event.at}-${i}`}>
            <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>{' '}
            <strong>{t(`event.${event.status}`)}</strong>
            {name && ` ${t('event.by', { name })}`}
            {event.reason && (
              <>
                {': '}
                {t(`reason.${event.status}.${event.reason}`, { defaultValue: event.reason })}
              </>
            )}
            {event.note && <span className="referral-note">{event.note}</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** "Voeg Nadia toe aan het team": the receiver gets write access to the case in one step. */
function AddToTeam({ referral, onChanged }: { referral: Referral; onChanged(): void }) {
  const { t } = useTranslation('referrals');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await postJson(`/api/referrals/${encodeURIComponent(referral.id)}/member`);
      onChanged();
    } catch (e) {
      setError(t('member.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="referral-member">
      <button type="button" disabled={busy} onClick={() => void add()}>
        {t('member.add', { name: referral.to.name })}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * One referral: the client, from whom to whom (with phone), the service, why and the question, how
 * urgent, how long ago and whether it waits too long, the timeline, and what I may do now.
 */
export function ReferralItem({
  referral,
  role,
  now,
  onChanged,
}: {
  referral: Referral;
  /** My part in it: the steps shown follow from it. */
  role: ReferralRole;
  now: string;
  /** After a step here: the lists are read again. */
  onChanged(): void;
}) {
  const { t } = useTranslation('referrals');
  const age = workingDaysBetween(referral.requestedAt, now);
  const headingId = `${referral.id}-heading`;
  return (
    <li
      id={referral.id}
      className={`referral status-${referral.status}`}
      tabIndex={-1}
      aria-labelledby={headingId}
    >
      <div className="referral-head">
        <h4 id={headingId}>{referral.clientName}</h4>
        <StatusBadge status={referral.status} />
        <UrgencyBadge urgency={referral.urgency} />
        {referral.overdue && <span className="badge badge-danger">{t('item.overdue')}</span>}
        <span className="muted referral-age">{t('item.age', { count: age })}</span>
      </div>
      <dl className="referral-facts">
        <PersonLine label={t('item.from')} person={referral.from} />
        <PersonLine label={t('item.to')} person={referral.to} />
        {referral.service && (
          <div>
            <dt>{t('item.service')}</dt>
            <dd>
              {referral.service.name} <span className="muted">({referral.service.organisation})</span>
            </dd>
          </div>
        )}
        {referral.goalTitle && (
          <div>
            <dt>{t('item.goal')}</dt>
            <dd>{referral.goalTitle}</dd>
          </div>
        )}
        <div>
          <dt>{t('item.reason')}</dt>
          <dd className="referral-text">{referral.reason}</dd>
        </div>
        <div>
          <dt>{t('item.question')}</dt>
          <dd className="referral-text">{referral.question}</dd>
        </div>
        {referral.carries && (
          <div>
            <dt>{t('item.carries')}</dt>
            <dd>
              {t(referral.carries.compartment === 'medical' ? 'item.carriesMedical' : 'item.carriesSocial')}
            </dd>
          </div>
        )}
      </dl>
      <LetterView referral={referral} />
      <Timeline referral={referral} />
      {(referral.delay.toAcceptDays !== null || referral.delay.toContactDays !== null) && (
        <p className="muted referral-delay">
          {referral.delay.toAcceptDays !== null && t('item.toAccept', { count: referral.delay.toAcceptDays })}
          {referral.delay.toAcceptDays !== null && referral.delay.toContactDays !== null && ' · '}
          {referral.delay.toContactDays !== null &&
            t('item.toContact', { count: referral.delay.toContactDays })}
        </p>
      )}
      {(role === 'referrer' || referral.receiverOnCase) && (
        <p className="referral-board-link">
          <Link to={`/cases/${encodeURIComponent(referral.caseId)}`}>{t('item.openBoard')}</Link>
        </p>
      )}
      {offerAddToTeam(referral, role) && <AddToTeam referral={referral} onChanged={onChanged} />}
      {referral.receiverOnCase && role === 'referrer' && (
        <p className="muted">{t('member.onCase', { name: referral.to.name })}</p>
      )}
      <ReferralSteps referral={referral} role={role} onChanged={onChanged} />
    </li>
  );
}
