import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapOptions, ServiceFields, SocialService } from '../../../shared/socialMapApi.js';
import { serviceAccessKinds, serviceLanguages } from '../../../shared/socialMapApi.js';
import { defaultPerspectives, lifeDomains } from '../../../shared/vocabulary.js';
import { postJson, putJson } from '../api.js';
import { fieldError } from '../admin/fieldError.js';
import type { FieldError } from '../admin/fieldError.js';
import { FormMessages } from '../admin/FormMessages.js';
import { OpeningHoursField } from './OpeningHoursField.js';
import { emptyService, fieldsOf, missingField } from './serviceFields.js';
import '../i18n/nl/access.js';

/**
 * A service's details in one form, for the administrator (every field, `mode="admin"`, saved
 * through the API here) or for its contact person through their one-time link (`mode="contact"`:
 * not the organisation nor whether it is offered; `onSubmit` sends it). What is missing is said
 * in words next to the form before anything is sent; the server's refusals name the field too.
 */
export function ServiceForm({
  service,
  options,
  districtId,
  mode = 'admin',
  onDone,
  onCancel,
  onSubmit,
}: {
  service: SocialService | null;
  options: Pick<MapOptions, 'districts' | 'organisations'>;
  districtId: string;
  mode?: 'admin' | 'contact';
  onDone?: (name: string, created: boolean) => void;
  onCancel?: () => void;
  onSubmit?: (fields: ServiceFields) => Promise<void>;
}) {
  const { t } = useTranslation('socialMap');
  const { t: tc } = useTranslation();
  const district = options.districts.find((d) => d.id === districtId);
  const [fields, setFields] = useState<ServiceFields>(() =>
    service
      ? fieldsOf(service)
      : emptyService(options.organisations[0]?.id ?? '', district?.neighbourhoods.map((n) => n.id) ?? []),
  );
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const set = <K extends keyof ServiceFields>(key: K, value: ServiceFields[K]) =>
    setFields((v) => ({ ...v, [key]: value }));
  const toggle = <T extends string>(list: readonly T[], value: T, on: boolean) =>
    on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
  const labels: Record<string, string> = {
    organisationId: t('form.organisationId'),
    name: t('form.name'),
    description: t('form.description'),
    lifeDomains: t('form.lifeDomains'),
    neighbourhoodIds: t('form.neighbourhoodIds'),
    languages: t('form.languages'),
    openingHours: t('form.openingHours'),
    location: t('form.location'),
    contact: t('form.contact'),
    fields: t('form.contact'),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = missingField(fields, labels, t);
    setError(problem);
    // The message is next to the button; the field it names may be a long way up the form.
    if (problem) {
      if (problem.field) document.getElementById(f(problem.field))?.focus();
      return;
    }
    setBusy(true);
    try {
      if (onSubmit) await onSubmit(fields);
      else if (service) await putJson(`/api/social-map/services/${service.id}`, { ...fields, districtId });
      else await postJson('/api/social-map/services', { ...fields, districtId });
      onDone?.(fields.name, !service);
    } catch (err) {
      setError(fieldError(err, labels, tc));
    } finally {
      setBusy(false);
    }
  };

  const text = (key: 'name' | 'forWhom' | 'howToGetIn' | 'costDescription' | 'openingNote', max: number) => (
    <div className="field">
      <label htmlFor={f(key)}>{t(`form.${key}`)}</label>
      <input id={f(key)} maxLength={max} value={fields[key]} onChange={(e) => set(key, e.target.value)} />
    </div>
  );
  const checks = <T extends string>(
    key: 'lifeDomains' | 'perspectives' | 'languages' | 'neighbourhoodIds',
    choices: { value: T; label: string }[],
  ) => (
    <fieldset className="checks">
      <legend>{t(`form.${key}`)}</legend>
      {choices.map((c) => (
        <label key={c.value} className="check">
          <input
            type="checkbox"
            checked={(fields[key] as readonly string[]).includes(c.value)}
            onChange={(e) => set(key, toggle(fields[key] as T[], c.value, e.target.checked) as never)}
          />{' '}
          {c.label}
        </label>
      ))}
    </fieldset>
  );
  const contact = (key: keyof ServiceFields['contact'], name: string, type = 'text') => (
    <div className="field">
      <label htmlFor={f(name)}>{t(`form.${name}`)}</label>
      <input
        id={f(name)}
        type={type}
        value={fields.contact[key]}
        onChange={(e) => set('contact', { ...fields.contact, [key]: e.target.value })}
      />
    </div>
  );
  const place = (key: keyof NonNullable<ServiceFields['location']>) =>
    fields.location && (
      <div className="field">
        <label htmlFor={f(key)}>{t(`form.${key === 'name' ? 'locationName' : key}`)}</label>
        <input
          id={f(key)}
          value={fields.location[key]}
          onChange={(e) => set('location', { ...fields.location!, [key]: e.target.value })}
        />
      </div>
    );

  return (
    <form
      className="service-form"
      onSubmit={(e) => void submit(e)}
      aria-describedby={error ? f('error') : undefined}
      noValidate
    >
      <h2>{service ? t('admin.editTitle', { name: service.name }) : t('admin.newTitle')}</h2>
      {mode === 'admin' && (
        <div className="field">
          <label htmlFor={f('organisationId')}>{t('form.organisationId')}</label>
          <select
            id={f('organisationId')}
            value={fields.organisationId}
            onChange={(e) => set('organisationId', e.target.value)}
          >
            {options.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {text('name', 120)}
      <div className="field">
        <label htmlFor={f('description')}>{t('form.description')}</label>
        <textarea
          id={f('description')}
          maxLength={1000}
          rows={3}
          value={fields.description}
          onChange={(e) => set('description', e.target.value)}
        />
      </div>
      {checks(
        'lifeDomains',
        lifeDomains.map((d) => ({ value: d, label: tc(`domain.${d}`) })),
      )}
      {checks(
        'perspectives',
        defaultPerspectives.map((p) => ({ value: p, label: tc(`perspective.${p}`) })),
      )}
      {checks(
        'neighbourhoodIds',
        (district?.neighbourhoods ?? []).map((n) => ({ value: n.id, label: n.name })),
      )}
      {text('forWhom', 500)}
      <fieldset className="checks">
        <legend>{t('form.access')}</legend>
        {serviceAccessKinds.map((a) => (
          <label key={a} className="check">
            <input
              type="radio"
              name={f('access')}
              checked={fields.access === a}
              onChange={() => set('access', a)}
            />{' '}
            {t(`service.access.${a}`)}
          </label>
        ))}
      </fieldset>
      {text('howToGetIn', 500)}
      <label className="check">
        <input type="checkbox" checked={fields.free} onChange={(e) => set('free', e.target.checked)} />{' '}
        {t('form.free')}
      </label>
      {text('costDescription', 300)}
      {checks(
        'languages',
        serviceLanguages.map((l) => ({ value: l, label: t(`languageNames.${l}`) })),
      )}
      <OpeningHoursField
        id={f('hours')}
        value={fields.openingHours}
        onChange={(hours) => set('openingHours', hours)}
        onProblem={setError}
      />
      {text('openingNote', 300)}
      <fieldset>
        <legend>{t('form.location')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={fields.location !== null}
            onChange={(e) =>
              set('location', e.target.checked ? { name: '', street: '', postalCode: '', city: '' } : null)
            }
          />{' '}
          {t('form.hasLocation')}
        </label>
        {place('name')}
        {place('street')}
        {place('postalCode')}
        {place('city')}
      </fieldset>
      <fieldset>
        <legend>{t('form.contact')}</legend>
        {contact('name', 'contactName')}
        {contact('role', 'contactRole')}
        {contact('phone', 'contactPhone', 'tel')}
        {contact('email', 'contactEmail', 'email')}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={fields.peerRun} onChange={(e) => set('peerRun', e.target.checked)} />{' '}
        {t('form.peerRun')}
      </label>
      {mode === 'admin' && (
        <label className="check">
          <input
            type="checkbox"
            checked={fields.status === 'active'}
            onChange={(e) => set('status', e.target.checked ? 'active' : 'inactive')}
          />{' '}
          {t('form.active')}
        </label>
      )}
      <FormMessages id={f('error')} error={error} done={null} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {mode === 'contact' ? t('confirm.send') : t('admin.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
