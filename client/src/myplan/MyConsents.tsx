import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentRecord, MyConsentsAnswer } from '../../../shared/api.js';
import { addMonths, consentState, consentToday, defaultValidUntil } from '../../../shared/consent.js';
import type { ProfessionalDomain } from '../../../shared/vocabulary.js';
import { postJson } from '../api.js';
import { useConsents } from '../consent/useConsents.js';
import { fullDate } from './dates.js';
import { PlanSection, Sentences } from './ReadAloud.js';
import './myConsents.css';
import '../i18n/nl/myPlan.js';

const otherSide = (d: ProfessionalDomain): ProfessionalDomain => (d === 'medical' ? 'social' : 'medical');
type Status = { kind: 'idle' | 'busy' | 'error' } | { kind: 'done'; text: string };

/**
 * "Who may know what?": the client's own consents in plain words (SPEC A7). They see what is
 * shared with whom and until when, stop any of it, and give a new one ("Mag de huisarts dit delen
 * met …?"). Live: what the team records for them, or what ends by its date, shows at once.
 * Stopping one is always possible; giving a new one only while the support goes on (`ended`: a
 * closed case takes no new consent, SPEC CL6).
 */
export function MyConsents({ ended = false }: { ended?: boolean }) {
  const { t, i18n } = useTranslation();
  const { answer, reload } = useConsents<MyConsentsAnswer>('/api/my/consents');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  if (!answer) return null;
  const today = consentToday();
  const date = (day: string) => fullDate(day, i18n.language);
  const personName = (id: string, fallback: string | null) => {
    const p = answer.people.find((person) => person.id === id);
    return p ? t('myConsent.person', { name: p.name, role: p.roleTitle }) : (fallback ?? '—');
  };
  const whomOf = (c: ConsentRecord) =>
    c.sharedWithDomain
      ? t(`myConsent.side.${c.sharedWithDomain}`)
      : personName(c.sharedWithProfessionalId ?? '', c.sharedWithName);
  const inForce = answer.consents.filter((c) => consentState(c, today) === 'in-force');
  const earlier = answer.consents.filter((c) => consentState(c, today) !== 'in-force');

  const stop = async (c: ConsentRecord) => {
    const words = { holder: t(`myConsent.holderStart.${c.compartment}`), whom: whomOf(c) };
    if (!window.confirm(t('myConsent.confirmStop', words))) return;
    setStatus({ kind: 'busy' });
    try {
      await postJson(`/api/my/consents/${encodeURIComponent(c.id)}/withdraw`);
      setStatus({ kind: 'done', text: t('myConsent.stopped', words) });
      reload();
    } catch {
      setStatus({ kind: 'error' });
    }
  };

  return (
    <PlanSection id="my-consents" heading={t('myConsent.heading')} className="my-consents">
      <p>
        <Sentences text={t('myConsent.intro')} />
      </p>
      <h3>{t('myConsent.now')}</h3>
      {inForce.length === 0 ? (
        <p className="muted">
          <Sentences text={t('myConsent.none')} />
        </p>
      ) : (
        <ul className="consent-list">
          {inForce.map((c) => (
            <li key={c.id}>
              <p className="consent-sentence">
                <Sentences
                  text={`${t('myConsent.item', { holder: t(`myConsent.holderStart.${c.compartment}`), whom: whomOf(c) })} ${t('myConsent.until', { date: date(c.validUntil) })}`}
                />
              </p>
              <p className="consent-facts">
                <span className="muted">
                  {c.recordedByClient
                    ? t('myConsent.givenByYou', { date: date(c.givenOn) })
                    : t('myConsent.givenToOther', { date: date(c.givenOn), name: c.recordedBy })}
                </span>
                <button
                  type="button"
                  className="small"
                  disabled={status.kind === 'busy'}
                  aria-label={t('myConsent.stopNamed', {
                    holder: t(`myConsent.holderStart.${c.compartment}`),
                    whom: whomOf(c),
                  })}
                  onClick={() => void stop(c)}
                >
                  {t('myConsent.stop')}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
      {earlier.length > 0 && (
        <>
          <h3>{t('myConsent.earlier')}</h3>
          <ul className="consent-list is-earlier">
            {earlier.map((c) => (
              <li key={c.id}>
                <Sentences
                  text={`${t('myConsent.item', { holder: t(`myConsent.holderStart.${c.compartment}`), whom: whomOf(c) })} ${
                    c.withdrawnAt
                      ? t('myConsent.stoppedOn', { date: date(c.withdrawnAt.slice(0, 10)) })
                      : t('myConsent.endedAfter', { date: date(c.validUntil) })
                  }`}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {!ended && (
        <GiveConsent
          answer={answer}
          personName={personName}
          onGiven={(text) => {
            setStatus({ kind: 'done', text });
            reload();
          }}
          onFailed={() => setStatus({ kind: 'error' })}
        />
      )}
      <p role="status" className={status.kind === 'error' ? 'form-error' : 'form-ok'}>
        {status.kind === 'done' && status.text}
        {status.kind === 'error' && t('myConsent.give.failed')}
      </p>
    </PlanSection>
  );
}

/** The form: what (whose notes), with whom (the other side or one person), until when. */
function GiveConsent({
  answer,
  personName,
  onGiven,
  onFailed,
}: {
  answer: MyConsentsAnswer;
  personName(id: string, fallback: string | null): string;
  onGiven(text: string): void;
  onFailed(): void;
}) {
  const { t, i18n } = useTranslation();
  const today = consentToday();
  const [compartment, setCompartment] = useState<ProfessionalDomain>('medical');
  const [withWhom, setWithWhom] = useState<'side' | 'person'>('side');
  const [personId, setPersonId] = useState('');
  const [until, setUntil] = useState(() => defaultValidUntil(today, answer.limits));
  const [busy, setBusy] = useState(false);
  const side = otherSide(compartment);
  const people = answer.people.filter((p) => p.domain === side);
  const whom =
    withWhom === 'side'
      ? t(`myConsent.side.${side}`)
      : personId
        ? personName(personId, null)
        : t('myConsent.give.somebody');
  const holder = t(`myConsent.holder.${compartment}`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await postJson('/api/my/consents', {
        compartment,
        validUntil: until,
        ...(withWhom === 'side' ? { sharedWithDomain: side } : { sharedWithProfessionalId: personId }),
      });
      onGiven(t('myConsent.give.given', { holder: t(`myConsent.holderStart.${compartment}`), whom }));
      setPersonId('');
    } catch {
      onFailed();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="give-consent" onSubmit={(e) => void submit(e)} aria-labelledby="give-consent-heading">
      <h3 id="give-consent-heading">{t('myConsent.give.heading')}</h3>
      <fieldset>
        <legend>{t('myConsent.give.what')}</legend>
        {(['medical', 'social'] as const).map((d) => (
          <div className="choice" key={d}>
            <input
              id={`give-consent-what-${d}`}
              type="radio"
              name="give-consent-what"
              checked={compartment === d}
              onChange={() => {
                setCompartment(d);
                setPersonId('');
              }}
            />
            <label htmlFor={`give-consent-what-${d}`}>{t(`myConsent.what.${d}`)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('myConsent.give.whom')}</legend>
        <div className="choice">
          <input
            id="give-consent-side"
            type="radio"
            name="give-consent-whom"
            checked={withWhom === 'side'}
            onChange={() => setWithWhom('side')}
          />
          <label htmlFor="give-consent-side">
            {t('myConsent.give.everyone', { side: t(`myConsent.side.${side}`) })}
          </label>
        </div>
        {people.length > 0 && (
          <div className="choice">
            <input
              id="give-consent-person"
              type="radio"
              name="give-consent-whom"
              checked={withWhom === 'person'}
              onChange={() => setWithWhom('person')}
            />
            <label htmlFor="give-consent-person">{t('myConsent.give.onePerson')}</label>
          </div>
        )}
        {withWhom === 'person' && (
          <>
            <label htmlFor="give-consent-who">{t('myConsent.give.person')}</label>
            <select
              id="give-consent-who"
              value={personId}
              onChange={(e) => setPersonId(e.target.value)}
              required
            >
              <option value="">{t('myConsent.give.choose')}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {personName(p.id, null)}
                </option>
              ))}
            </select>
          </>
        )}
      </fieldset>
      <label htmlFor="give-consent-until">{t('myConsent.give.until')}</label>
      <input
        id="give-consent-until"
        type="date"
        value={until}
        min={today}
        max={addMonths(today, answer.limits.maxMonths)}
        onChange={(e) => setUntil(e.target.value)}
        aria-describedby="give-consent-until-hint"
        required
      />
      {/* The date field shows numbers; the day chosen is said in words beside it. */}
      {/^\d{4}-\d{2}-\d{2}$/.test(until) && (
        <p className="consent-until-words">
          <Sentences text={t('myConsent.until', { date: fullDate(until, i18n.language) })} />
        </p>
      )}
      <p id="give-consent-until-hint" className="hint">
        {t('myConsent.give.untilHint', { max: answer.limits.maxMonths })}
      </p>
      <p className="consent-question">
        <Sentences text={t('myConsent.give.question', { holder, whom })} />
      </p>
      <button type="submit" className="primary" disabled={busy}>
        {t('myConsent.give.yes')}
      </button>
    </form>
  );
}
