import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeProfessional } from '../../../shared/intakeApi.js';
import { AccessSelect, ProfessionalSelect } from '../components/MemberSelects.js';
import '../i18n/nl/access.js';
import '../i18n/nl/intake.js';

export interface PickedMember {
  professionalId: string;
  access: 'write' | 'read';
}

interface Props {
  professionals: IntakeProfessional[];
  /** Who is not offered (the coordinator, who is on the case anyway). */
  excluded: string | null;
  members: PickedMember[];
  onChange(members: PickedMember[]): void;
  error?: string;
}

/** The first members of a case: individual professionals, each with write or read-only access. */
export function MemberPicker({ professionals, excluded, members, onChange, error }: Props) {
  const { t } = useTranslation();
  const [candidate, setCandidate] = useState('');
  const [access, setAccess] = useState<PickedMember['access']>('write');
  const byId = new Map(professionals.map((p) => [p.id, p]));
  const picked = new Set(members.map((m) => m.professionalId));
  const offered = professionals.filter((p) => !picked.has(p.id) && p.id !== excluded);

  const add = () => {
    if (!candidate) return;
    onChange([...members, { professionalId: candidate, access }]);
    setCandidate('');
    setAccess('write');
  };

  return (
    <fieldset className="intake-members" aria-describedby="intake-members-hint">
      <legend>{t('intake.members')}</legend>
      <p id="intake-members-hint" className="muted">
        {t('intake.membersHint')}
      </p>
      {members.length === 0 ? (
        <p className="muted">{t('intake.noMembers')}</p>
      ) : (
        <ul className="intake-member-list">
          {members.map((m) => {
            const name = byId.get(m.professionalId)?.name ?? m.professionalId;
            return (
              <li key={m.professionalId}>
                <span>
                  {name} <span className="muted">({byId.get(m.professionalId)?.roleTitle})</span>
                </span>
                <AccessSelect
                  words="intake.access"
                  aria-label={t('intake.memberAccess', { name })}
                  value={m.access}
                  onChange={(next) =>
                    onChange(members.map((other) => (other === m ? { ...m, access: next } : other)))
                  }
                />
                <button
                  type="button"
                  className="small"
                  onClick={() => onChange(members.filter((other) => other !== m))}
                >
                  {t('intake.removeMember', { name })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="field-row">
        <div>
          <label htmlFor="intake-member">{t('intake.addMember')}</label>
          <ProfessionalSelect
            id="intake-member"
            professionals={offered}
            placeholder={t('intake.chooseMember')}
            value={candidate}
            onChange={setCandidate}
          />
        </div>
        <div>
          <label htmlFor="intake-member-access">{t('team.access')}</label>
          <AccessSelect id="intake-member-access" words="intake.access" value={access} onChange={setAccess} />
        </div>
        <button type="button" disabled={!candidate} onClick={add}>
          {t('intake.addMemberButton')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t('intake.invalid', { field: t('intake.fields.members'), message: error })}
        </p>
      )}
    </fieldset>
  );
}
