import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { DefaultPerspective } from '../../../shared/domain.js';
import { recoveryContexts } from '../../../shared/intakeApi.js';
import type {
  DuplicateContact,
  IntakeOptions,
  IntakeRequest,
  PossibleDuplicateAnswer,
} from '../../../shared/intakeApi.js';
import { ApiRequestError, postJson } from '../api.js';
import { useSession } from '../session.js';
import { useApi } from '../useApi.js';
import { DuplicateWarning } from './DuplicateWarning.js';
import { describedProps, FieldRow } from './FieldRow.js';
import { PerspectiveChoice, ReadingLevelChoice } from './IntakeChoices.js';
import { offeredLanguages } from './languages.js';
import { checkIntake, fieldOfPath } from './fieldErrors.js';
import type { FieldErrors, IntakeField } from './fieldErrors.js';
import { MemberPicker } from './MemberPicker.js';
import type { PickedMember } from './MemberPicker.js';
import './intake.css';
import '../i18n/nl/intake.js';

/** "Nieuwe cliënt": registering a client, with the possible-duplicate warning and the first members. */
export function IntakePage() {
  const { t } = useTranslation();
  const { data, error } = useApi<IntakeOptions>('/api/cases/intake');
  if (error) return <p role="alert">{t('intake.loadError', { message: error })}</p>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  if (!data.mayRegister) return <p role="alert">{t('intake.notAllowed')}</p>;
  return <IntakeForm options={data} />;
}

function IntakeForm({ options }: { options: IntakeOptions }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [, navigate] = useLocation();
  const [form, setForm] = useState({
    clientName: '',
    dateOfBirth: '',
    neighbourhoodId: options.myNeighbourhoodId ?? '',
    address: '',
    phone: '',
    preferredLanguage: 'nl',
    readingLevel: 'fluent' as IntakeRequest['readingLevel'],
    recoveryContext: '' as string,
    perspectives: ['patient'] as DefaultPerspective[],
    coordinatorId: user?.role === 'coordinator' ? (user.professionalId ?? '') : '',
    bsn: '',
  });
  const [members, setMembers] = useState<PickedMember[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<(DuplicateContact | null)[] | null>(null);
  const [saving, setSaving] = useState(false);
  const names = new Intl.DisplayNames([i18n.language], { type: 'language' });

  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setDuplicates(null);
  };
  const setReadingLevel = (level: IntakeRequest['readingLevel']) => {
    // Reading with difficulty: the low-literacy perspective is suggested (and can be taken off).
    setForm((current) => ({
      ...current,
      readingLevel: level,
      perspectives:
        level === 'low' && !current.perspectives.includes('low-literacy')
          ? [...current.perspectives, 'low-literacy']
          : current.perspectives,
    }));
  };
  const togglePerspective = (p: DefaultPerspective, on: boolean) =>
    set('perspectives', on ? [...form.perspectives, p] : form.perspectives.filter((x) => x !== p));

  const body = (despitePossibleDuplicate: boolean): IntakeRequest => ({
    ...form,
    readingLevel: form.readingLevel,
    recoveryContext: form.recoveryContext as IntakeRequest['recoveryContext'],
    members: members.filter((m) => m.professionalId !== form.coordinatorId),
    despitePossibleDuplicate,
  });

  const submit = async (despitePossibleDuplicate: boolean) => {
    setFailed(null);
    const request = body(despitePossibleDuplicate);
    const found = checkIntake(request, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document.getElementById(`intake-${first}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const { id } = await postJson<{ id: string }>('/api/cases', request);
      navigate(`/cases/${encodeURIComponent(id)}`);
    } catch (e) {
      const details = e instanceof ApiRequestError ? e.details : {};
      if (details.code === 'possible-duplicate') {
        setDuplicates((details as unknown as PossibleDuplicateAnswer).contacts);
      } else {
        const message = (e as Error).message;
        const field = fieldOfPath(message.split(':')[0] ?? '');
        if (field) setErrors({ [field]: message.slice(message.indexOf(':') + 1).trim() });
        else setFailed(message);
      }
    } finally {
      setSaving(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(false);
  };

  /** A labelled field; its error names the field and is tied to the control. */
  const field = (key: IntakeField, label: string, control: ReactNode, hint?: string) => (
    <FieldRow name={key} label={label} error={errors[key]} hint={hint}>
      {control}
    </FieldRow>
  );
  const described = (key: IntakeField, hint = false) => describedProps(key, errors, hint);
  const text = (key: 'clientName' | 'address' | 'phone' | 'bsn', label: string, extra: object = {}) =>
    field(
      key,
      label,
      <input
        {...described(key, key === 'bsn')}
        value={form[key]}
        onChange={(e) => set(key, e.target.value)}
        {...extra}
      />,
      key === 'bsn' ? t('intake.bsnHint') : undefined,
    );

  return (
    <section className="intake">
      <p className="breadcrumb">
        <Link to="/">{t('nav.clients')}</Link>
      </p>
      <h1>{t('intake.heading')}</h1>
      <p className="muted">{t('intake.intro')}</p>
      <form className="intake-form" noValidate onSubmit={onSubmit} aria-label={t('intake.heading')}>
        <fieldset>
          <legend>{t('intake.client')}</legend>
          {text('clientName', t('intake.clientName'), { autoComplete: 'off', maxLength: 120 })}
          {field(
            'dateOfBirth',
            t('intake.dateOfBirth'),
            <input
              {...described('dateOfBirth')}
              type="date"
              value={form.dateOfBirth}
              onChange={(e) => set('dateOfBirth', e.target.value)}
            />,
          )}
          {field(
            'neighbourhoodId',
            t('intake.neighbourhood'),
            <select
              {...described('neighbourhoodId')}
              value={form.neighbourhoodId}
              onChange={(e) => set('neighbourhoodId', e.target.value)}
            >
              <option value="">{t('intake.chooseNeighbourhood')}</option>
              {options.neighbourhoods.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>,
          )}
          {text('address', t('intake.address'), { autoComplete: 'off', maxLength: 200 })}
          {text('phone', t('intake.phone'), { type: 'tel', autoComplete: 'off', maxLength: 40 })}
          {field(
            'preferredLanguage',
            t('intake.preferredLanguage'),
            <select
              {...described('preferredLanguage')}
              value={form.preferredLanguage}
              onChange={(e) => set('preferredLanguage', e.target.value)}
            >
              {offeredLanguages.map((code) => (
                <option key={code} value={code}>
                  {names.of(code) ?? code}
                </option>
              ))}
            </select>,
          )}
          <ReadingLevelChoice value={form.readingLevel} onChange={setReadingLevel} />
          {text('bsn', t('intake.bsn'), { inputMode: 'numeric', autoComplete: 'off', maxLength: 20 })}
        </fieldset>
        <fieldset>
          <legend>{t('intake.reason')}</legend>
          {field(
            'recoveryContext',
            t('intake.reason'),
            <select
              {...described('recoveryContext')}
              value={form.recoveryContext}
              onChange={(e) => set('recoveryContext', e.target.value)}
            >
              <option value="">—</option>
              {recoveryContexts.map((r) => (
                <option key={r} value={r}>
                  {t(`intake.reasons.${r}`)}
                </option>
              ))}
            </select>,
          )}
          <PerspectiveChoice value={form.perspectives} onToggle={togglePerspective} />
        </fieldset>
        <fieldset>
          <legend>{t('intake.team')}</legend>
          {field(
            'coordinatorId',
            t('intake.coordinator'),
            <select
              {...described('coordinatorId')}
              value={form.coordinatorId}
              onChange={(e) => set('coordinatorId', e.target.value)}
            >
              <option value="">{t('intake.chooseCoordinator')}</option>
              {options.professionals
                .filter((p) => p.mayCoordinate)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.roleTitle}
                    {p.team ? `, ${p.team}` : ''})
                  </option>
                ))}
            </select>,
          )}
          <MemberPicker
            professionals={options.professionals}
            excluded={form.coordinatorId || null}
            members={members}
            onChange={(next) => {
              setMembers(next);
              setDuplicates(null);
            }}
            error={errors.members}
          />
        </fieldset>
        {duplicates && (
          <DuplicateWarning
            contacts={duplicates}
            clientName={form.clientName}
            dateOfBirth={form.dateOfBirth}
            onGoOn={() => void submit(true)}
          />
        )}
        {failed && (
          <p className="form-error" role="alert">
            {t('intake.failed', { message: failed })}
          </p>
        )}
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('intake.saving') : t('intake.submit')}
        </button>
      </form>
    </section>
  );
}
