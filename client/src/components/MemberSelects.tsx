import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseMember, ProfessionalSummary } from '../../../shared/api.js';
import '../i18n/nl/access.js';
import '../i18n/nl/intake.js';

type Access = CaseMember['access'];
type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>;

/**
 * A choice of professional to put on a case, each said as "name (role title, organisation)" so two
 * people of the same name can be told apart (the intake's first members, the team panel's "add").
 */
export function ProfessionalSelect({
  professionals,
  placeholder,
  value,
  onChange,
  ...select
}: SelectProps & {
  professionals: ProfessionalSummary[];
  /** The empty first option. */
  placeholder: string;
  value: string;
  onChange(professionalId: string): void;
}) {
  return (
    <select {...select} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{placeholder}</option>
      {professionals.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name} ({p.roleTitle}
          {p.organisation ? `, ${p.organisation}` : ''})
        </option>
      ))}
    </select>
  );
}

/** A choice of a case member's access: write or read only, in the words of the page it is on. */
export function AccessSelect({
  words,
  value,
  onChange,
  ...select
}: SelectProps & {
  words: 'team.accessLevel' | 'intake.access';
  value: Access;
  onChange(access: Access): void;
}) {
  const { t } = useTranslation();
  return (
    <select {...select} value={value} onChange={(e) => onChange(e.target.value as Access)}>
      <option value="write">{t(`${words}.write`)}</option>
      <option value="read">{t(`${words}.read`)}</option>
    </select>
  );
}
