import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { postJson } from '../api.js';
import { OneTimeLink } from '../components/OneTimeLink.js';
import type { TeamsAnswer } from '../../../shared/api.js';

const empty = {
  name: '',
  roleTitle: '',
  domain: 'medical' as 'medical' | 'social',
  teamId: '',
  organisationId: '',
  phone: '',
  email: '',
  username: '',
  role: 'professional' as 'professional' | 'coordinator',
};
type Fields = typeof empty;

/** A new professional with their account; the answer is a one-time link to set their password. */
export function ProfessionalForm({ data, onCreated }: { data: TeamsAnswer; onCreated(): void }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<Fields>(empty);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ name: string; link: string; expiresAt: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const set =
    <K extends keyof Fields>(key: K) =>
    (event: { target: { value: string } }) =>
      setFields((f) => ({ ...f, [key]: event.target.value as Fields[K] }));
  const orNull = (value: string) => value.trim() || null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const answer = await postJson<{ id: string; link: string; expiresAt: string }>(
        '/api/admin/professionals',
        {
          ...fields,
          teamId: orNull(fields.teamId),
          organisationId: orNull(fields.organisationId),
          phone: orNull(fields.phone),
          email: orNull(fields.email),
        },
      );
      setResult({ name: fields.name.trim(), link: answer.link, expiresAt: answer.expiresAt });
      setFields(empty);
      onCreated();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const text = (
    key: keyof Fields,
    props: { type?: string; autoComplete?: string; required?: boolean } = {},
  ) => (
    <div>
      <label htmlFor={`new-professional-${key}`}>{t(`admin.professional.${key}`)}</label>
      <input
        id={`new-professional-${key}`}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete ?? 'off'}
        required={props.required}
        value={fields[key]}
        onChange={set(key)}
      />
    </div>
  );

  return (
    <section className="admin-section" aria-labelledby="new-professional-heading">
      <h2 id="new-professional-heading">{t('admin.professional.heading')}</h2>
      <p className="muted">{t('admin.professional.intro')}</p>
      <form className="admin-form" onSubmit={(e) => void submit(e)}>
        <div className="field-row">
          {text('name', { required: true })}
          {text('roleTitle', { required: true })}
          <div>
            <label htmlFor="new-professional-domain">{t('admin.professional.domain')}</label>
            <select id="new-professional-domain" value={fields.domain} onChange={set('domain')}>
              <option value="medical">{t('admin.domain.medical')}</option>
              <option value="social">{t('admin.domain.social')}</option>
            </select>
          </div>
        </div>
        <div className="field-row">
          <div>
            <label htmlFor="new-professional-teamId">{t('admin.professional.teamId')}</label>
            <select id="new-professional-teamId" value={fields.teamId} onChange={set('teamId')}>
              <option value="">{t('admin.professional.none')}</option>
              {data.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="new-professional-organisationId">{t('admin.professional.organisationId')}</label>
            <select
              id="new-professional-organisationId"
              value={fields.organisationId}
              onChange={set('organisationId')}
            >
              <option value="">{t('admin.professional.none')}</option>
              {data.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field-row">
          {text('phone', { type: 'tel' })}
          {text('email', { type: 'email' })}
        </div>
        <div className="field-row">
          {text('username', { required: true })}
          <div>
            <label htmlFor="new-professional-role">{t('admin.professional.role')}</label>
            <select id="new-professional-role" value={fields.role} onChange={set('role')}>
              <option value="professional">{t('admin.role.professional')}</option>
              <option value="coordinator">{t('admin.role.coordinator')}</option>
            </select>
          </div>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {t('admin.failed', { message: error })}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('admin.professional.submit')}
        </button>
      </form>
      <p role="status" className="form-ok">
        {result && t('admin.professional.created', { name: result.name })}
      </p>
      {result && (
        <OneTimeLink
          link={result.link}
          expiresAt={result.expiresAt}
          label={t('admin.professional.link', { name: result.name })}
        />
      )}
    </section>
  );
}
