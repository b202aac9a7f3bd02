import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetails } from '../../../shared/api.js';
import { clientDetailsBodySchema, readingLevels } from '../../../shared/intakeApi.js';
import type { ClientDetailField, ClientDetailsRequest, ReadingLevel } from '../../../shared/intakeApi.js';
import { putJson } from '../api.js';
import { languageChoices } from '../intake/languages.js';
import './panels.css';
import '../i18n/nl/intake.js';

/** The message per field when the form's own check (the server's schema) refuses it. */
const messageOf: Record<ClientDetailField, string> = {
  dateOfBirth: 'intake.messages.date',
  address: 'intake.messages.required',
  phone: 'intake.messages.phone',
  preferredLanguage: 'intake.messages.language',
  readingLevel: 'intake.messages.required',
  bsn: 'intake.messages.bsn',
};

/**
 * The coordinator corrects the client's details. The BSN field starts empty: left empty the BSN
 * stays as it is (the page never had it unless shown), "BSN weghalen" takes it away.
 */
export function ClientDetailsForm({
  details,
  onCancel,
  onSaved,
}: {
  details: CaseDetails;
  onCancel(): void;
  onSaved(): void;
}) {
  const { t, i18n } = useTranslation();
  const client = details.client;
  const [form, setForm] = useState({
    dateOfBirth: client.dateOfBirth ?? '',
    address: client.address ?? '',
    phone: client.phone ?? '',
    preferredLanguage: client.preferredLanguage ?? 'nl',
    readingLevel: client.readingLevel ?? ('fluent' as ReadingLevel),
    bsn: '',
  });
  const [removeBsn, setRemoveBsn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ClientDetailsRequest = {
      dateOfBirth: form.dateOfBirth || null,
      address: form.address,
      phone: form.phone,
      preferredLanguage: form.preferredLanguage,
      readingLevel: form.readingLevel,
      ...(removeBsn ? { bsn: null } : form.bsn.trim() ? { bsn: form.bsn } : {}),
    };
    const checked = clientDetailsBodySchema.safeParse(body);
    if (!checked.success) {
      const field = checked.error.issues[0]!.path[0] as ClientDetailField;
      setError(
        t('caseLife.client.invalid', { field: t(`caseLife.client.${field}`), message: t(messageOf[field]) }),
      );
      return;
    }
    setError(null);
    putJson(`/api/cases/${encodeURIComponent(details.id)}/client`, body)
      .then(onSaved)
      .catch((e: Error) => setError(t('caseLife.failed', { message: e.message })));
  };

  const text = (key: 'dateOfBirth' | 'address' | 'phone', type: string, maxLength?: number) => (
    <div>
      <label htmlFor={`client-${key}`}>{t(`caseLife.client.${key}`)}</label>
      <input
        id={`client-${key}`}
        type={type}
        autoComplete="off"
        maxLength={maxLength}
        value={form[key]}
        onChange={(e) => set(key, e.target.value)}
      />
    </div>
  );

  return (
    <form className="panel-form client-details-form" onSubmit={submit} aria-label={t('caseLife.client.edit')}>
      <div className="field-row">
        {text('dateOfBirth', 'date')}
        {text('phone', 'tel', 40)}
      </div>
      {text('address', 'text', 200)}
      <div className="field-row">
        <div>
          <label htmlFor="client-preferredLanguage">{t('caseLife.client.preferredLanguage')}</label>
          <select
            id="client-preferredLanguage"
            value={form.preferredLanguage}
            onChange={(e) => set('preferredLanguage', e.target.value)}
          >
            {languageChoices(client.preferredLanguage).map((code) => (
              <option key={code} value={code}>
                {names.of(code) ?? code}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="client-readingLevel">{t('caseLife.client.readingLevel')}</label>
          <select
            id="client-readingLevel"
            value={form.readingLevel}
            onChange={(e) => set('readingLevel', e.target.value as ReadingLevel)}
          >
            {readingLevels.map((level) => (
              <option key={level} value={level}>
                {t(`intake.readingLevels.${level}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor="client-bsn">{t('caseLife.client.newBsn')}</label>
        <input
          id="client-bsn"
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          disabled={removeBsn}
          aria-describedby="client-bsn-hint"
          value={form.bsn}
          onChange={(e) => set('bsn', e.target.value)}
        />
        <p id="client-bsn-hint" className="muted">
          {t('caseLife.client.newBsnHint')}
        </p>
        {client.hasBsn && (
          <label className="choice">
            <input type="checkbox" checked={removeBsn} onChange={(e) => setRemoveBsn(e.target.checked)} />{' '}
            {t('caseLife.client.removeBsn')}
          </label>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="field-row">
        <button type="submit">{t('caseLife.client.save')}</button>
        <button type="button" onClick={onCancel}>
          {t('caseLife.client.cancel')}
        </button>
      </div>
    </form>
  );
}
