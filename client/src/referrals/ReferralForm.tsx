import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfessionalSummary } from '../../../shared/api.js';
import { urgencies } from '../../../shared/referralApi.js';
import type { Urgency } from '../../../shared/referralApi.js';
import { fieldError } from '../admin/fieldError.js';
import { ApiRequestError, postJson } from '../api.js';
import { ProfessionalSelect } from '../components/MemberSelects.js';
import { useSession } from '../session.js';
import { useApi } from '../useApi.js';
import { LetterChoice } from './LetterChoice.js';
import type { LetterDraft } from './LetterChoice.js';
import { CarryChoice } from './CarryChoice.js';
import type { Carry } from './CarryChoice.js';
import { matchesPerson } from './referralView.js';
import { caseReferralsPath, useReloadReferrals } from './useReferrals.js';
import './referrals.css';

export interface ReferralFormProps {
  caseId: string;
  /** The goal the referral helps with (from the goal editor's "Wie helpt"). */
  goalId?: string | null;
  /** The service of the social map it is for; its contact person is chosen at first when found. */
  service?: { id: string; name: string; contactName: string } | null;
  /** What the form starts with, e.g. from a walked decision tree: the person advised and the walk in words. */
  initial?: { toProfessionalId?: string; reason?: string; serviceId?: string | null };
  /** After the server took it: the new referral's id and the person's name. */
  onDone(sent: { id: string; toName: string }): void;
  onCancel(): void;
}

/**
 * "Verwijs door" (SPEC RF1–RF3): refer the client to one named person (never a team), optionally
 * for a service and a goal, with why, the question and how urgent, and information from a
 * compartment only where `/referral-options` says the client's consent (or the person's own side)
 * allows it. The server's refusal is said in words.
 */
export function ReferralForm({
  caseId,
  goalId = null,
  service = null,
  initial = {},
  onDone,
  onCancel,
}: ReferralFormProps) {
  const { t } = useTranslation('referrals');
  const { t: tMain } = useTranslation();
  const { user } = useSession();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { data: directory, error: directoryError } = useApi<{ professionals: ProfessionalSummary[] }>(
    '/api/professionals',
  );
  const [search, setSearch] = useState('');
  const [toId, setToId] = useState(initial.toProfessionalId ?? '');
  const [reason, setReason] = useState(initial.reason ?? '');
  const [question, setQuestion] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('routine');
  const [carry, setCarry] = useState<Carry>(null);
  const [letter, setLetter] = useState<LetterDraft>({ templateId: null, text: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string | null; text: string } | null>(null);
  const reload = useReloadReferrals();

  useEffect(() => heading.current?.focus(), []);
  const people = useMemo(
    () => (directory?.professionals ?? []).filter((p) => p.id !== user?.professionalId),
    [directory, user],
  );
  // Opened from a service: its contact person, when they have an account, is chosen at first.
  useEffect(() => {
    if (!service || toId) return;
    const contact = people.find((p) => p.name.toLowerCase() === service.contactName.toLowerCase());
    if (contact) setToId(contact.id);
  }, [people, service, toId]);
  const shown = useMemo(
    () => people.filter((p) => p.id === toId || matchesPerson(p, search)),
    [people, search, toId],
  );
  const person = people.find((p) => p.id === toId) ?? null;

  const labels = {
    toProfessionalId: t('form.person'),
    reason: t('form.reason'),
    question: t('form.question'),
    urgency: t('urgency.label'),
    carries: t('form.carry'),
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!person) return;
    setBusy(true);
    setError(null);
    try {
      const { id: referralId } = await postJson<{ id: string }>(caseReferralsPath(caseId), {
        toProfessionalId: person.id,
        serviceId: service?.id ?? initial.serviceId ?? null,
        goalId,
        reason: reason.trim(),
        question: question.trim(),
        urgency,
        carries: carry,
        letter: letter.templateId && letter.text.trim() ? letter.text : null,
        letterTemplateId: letter.templateId && letter.text.trim() ? letter.templateId : null,
      });
      reload();
      onDone({ id: referralId, toName: person.name });
    } catch (e) {
      if (e instanceof ApiRequestError && e.details.code === 'no-consent')
        setError({ field: 'carries', text: t('form.noConsent', { name: person.name }) });
      else setError(fieldError(e, labels, tMain));
    } finally {
      setBusy(false);
    }
  };
  const invalid = (field: string) => (error?.field === field ? true : undefined);

  return (
    <form
      className="referral-form panel-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => void submit(e)}
    >
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('form.heading')}
      </h3>
      <p className="hint">{t('form.intro')}</p>
      {service && <p>{t('form.toService', { service: service.name, name: service.contactName })}</p>}
      <div className="field-row">
        <div>
          <label htmlFor={`${id}-search`}>{t('form.search')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            aria-describedby={`${id}-search-hint`}
            onChange={(e) => setSearch(e.target.value)}
          />
          <p className="hint" id={`${id}-search-hint`}>
            {t('form.searchHint')}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-person`}>{t('form.person')}</label>
          <ProfessionalSelect
            id={`${id}-person`}
            professionals={shown}
            placeholder={directory ? t('form.choose') : tMain('common.loading')}
            value={toId}
            required
            aria-invalid={invalid('toProfessionalId')}
            onChange={setToId}
          />
          <p className="hint" role="status">
            {directory && search.trim() && shown.length === 0 && t('form.noMatch', { text: search.trim() })}
          </p>
        </div>
      </div>
      {directoryError && (
        <p className="form-error" role="alert">
          {t('form.loadFailed', { message: directoryError })}
        </p>
      )}
      <label htmlFor={`${id}-reason`}>{t('form.reason')}</label>
      <textarea
        id={`${id}-reason`}
        rows={2}
        maxLength={1000}
        required
        value={reason}
        aria-invalid={invalid('reason')}
        onChange={(e) => setReason(e.target.value)}
      />
      <label htmlFor={`${id}-question`}>{t('form.question')}</label>
      <textarea
        id={`${id}-question`}
        rows={2}
        maxLength={1000}
        required
        value={question}
        aria-invalid={invalid('question')}
        onChange={(e) => setQuestion(e.target.value)}
      />
      <fieldset>
        <legend>{t('urgency.label')}</legend>
        <div className="checks">
          {urgencies.map((u) => (
            <label key={u} className="checkbox">
              <input
                type="radio"
                name={`${id}-urgency`}
                value={u}
                checked={urgency === u}
                onChange={() => setUrgency(u)}
              />
              {t(`urgency.${u}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <CarryChoice caseId={caseId} person={person} value={carry} onChange={setCarry} />
      <LetterChoice
        caseId={caseId}
        person={person}
        mySide={user?.domain ?? null}
        request={{
          goalId,
          serviceId: service?.id ?? initial.serviceId ?? null,
          reason,
          question,
          carries: carry,
        }}
        value={letter}
        onChange={setLetter}
      />
      {error && (
        <p className="form-error" role="alert">
          {error.text}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !person}>
          {busy ? t('form.sending') : t('form.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
