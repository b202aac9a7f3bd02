import { useTranslation } from 'react-i18next';
import type { Side, TeamsAnswer } from '../../../shared/adminApi.js';
import '../i18n/nl/admin.js';

/** What the admin types for a professional; empty strings are sent as null. */
export interface ProfessionalDraft {
  name: string;
  roleTitle: string;
  side: Side;
  teamId: string;
  organisationId: string;
  phone: string;
  email: string;
  role: 'professional' | 'coordinator';
}

export const emptyProfessional: ProfessionalDraft = {
  name: '',
  roleTitle: '',
  side: 'medical',
  teamId: '',
  organisationId: '',
  phone: '',
  email: '',
  role: 'professional',
};

const orNull = (value: string) => value.trim() || null;
/** The request body of a draft (the route's schema: server/routes/admin/professionals/schema.ts). */
export const professionalBody = (d: ProfessionalDraft) => ({
  ...d,
  teamId: orNull(d.teamId),
  organisationId: orNull(d.organisationId),
  phone: orNull(d.phone),
  email: orNull(d.email),
});

/** The labels of the fields, by request field: how a refusal names the field. */
export const professionalLabels = (t: (key: string) => string) => ({
  name: t('people.name'),
  roleTitle: t('people.roleTitle'),
  side: t('people.side'),
  teamId: t('people.team'),
  organisationId: t('people.organisation'),
  phone: t('people.phone'),
  email: t('people.email'),
  username: t('people.username'),
  role: t('people.role'),
});

/**
 * The fields of a professional, for the new-professional form and the edit form alike; `idPrefix`
 * keeps their ids apart (`new-professional-name`, `edit-professional-name` …).
 */
export function ProfessionalFields({
  idPrefix,
  draft,
  onChange,
  teams,
  currentTeamId,
  currentOrganisationId,
  invalid,
}: {
  idPrefix: string;
  draft: ProfessionalDraft;
  onChange(draft: ProfessionalDraft): void;
  teams: TeamsAnswer;
  /** The team the professional is in now: offered even when it is archived. */
  currentTeamId?: string | null;
  /** The organisation the professional works for now: offered even when it is archived. */
  currentOrganisationId?: string | null;
  /** Props that mark a refused field (`useAdminAction().fieldProps`). */
  invalid(field: string): Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const id = (field: string) => `${idPrefix}-${field}`;
  const set =
    <K extends keyof ProfessionalDraft>(key: K) =>
    (event: { target: { value: string } }) =>
      onChange({ ...draft, [key]: event.target.value as ProfessionalDraft[K] });
  const text = (key: 'name' | 'roleTitle' | 'phone' | 'email', type = 'text') => (
    <div>
      <label htmlFor={id(key)}>{t(`people.${key}`)}</label>
      <input
        id={id(key)}
        type={type}
        autoComplete="off"
        value={draft[key]}
        onChange={set(key)}
        {...invalid(key)}
      />
    </div>
  );
  const teamOptions = teams.teams.filter((team) => !team.archivedAt || team.id === currentTeamId);
  const organisationOptions = teams.organisations.filter(
    (o) => !o.archivedAt || o.id === currentOrganisationId,
  );

  return (
    <>
      <div className="field-row">
        {text('name')}
        {text('roleTitle')}
        <div>
          <label htmlFor={id('side')}>{t('people.side')}</label>
          <select id={id('side')} value={draft.side} onChange={set('side')}>
            <option value="medical">{t('people.sides.medical')}</option>
            <option value="social">{t('people.sides.social')}</option>
          </select>
        </div>
      </div>
      <div className="field-row">
        <div>
          <label htmlFor={id('teamId')}>{t('people.team')}</label>
          <select id={id('teamId')} value={draft.teamId} onChange={set('teamId')} {...invalid('teamId')}>
            <option value="">{t('people.none_choice')}</option>
            {teamOptions.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={id('organisationId')}>{t('people.organisation')}</label>
          <select
            id={id('organisationId')}
            value={draft.organisationId}
            onChange={set('organisationId')}
            {...invalid('organisationId')}
          >
            <option value="">{t('people.none_choice')}</option>
            {organisationOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={id('role')}>{t('people.role')}</label>
          <select id={id('role')} value={draft.role} onChange={set('role')}>
            <option value="professional">{t('people.roles.professional')}</option>
            <option value="coordinator">{t('people.roles.coordinator')}</option>
          </select>
        </div>
      </div>
      <div className="field-row">
        {text('phone', 'tel')}
        {text('email', 'email')}
      </div>
    </>
  );
}
