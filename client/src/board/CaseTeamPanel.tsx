import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetails, CaseMember, ProfessionalSummary } from '../../../shared/api.js';
import { deleteJson, getJson, putJson } from '../api.js';
import { ContactButton } from '../components/ContactButton.js';
import { AccessSelect, ProfessionalSelect } from '../components/MemberSelects.js';
import { ClientInvitation } from './ClientInvitation.js';
import { ConsentSection } from './ConsentSection.js';
import './panels.css';
import '../i18n/nl/access.js';

type Access = CaseMember['access'];

interface PanelProps {
  details: CaseDetails;
  /** Reloads the case details after a change here (members, access, consent). */
  onChanged(): void;
}

const memberPath = (caseId: string, professionalId: string) =>
  `/api/cases/${encodeURIComponent(caseId)}/members/${encodeURIComponent(professionalId)}`;

/** The coordinator adds a professional to the case, with their role in it and their access. */
function AddMember({ details, onChanged }: PanelProps) {
  const { t } = useTranslation();
  const [professionals, setProfessionals] = useState<ProfessionalSummary[] | null>(null);
  const [professionalId, setProfessionalId] = useState('');
  const [caseRole, setCaseRole] = useState('');
  const [access, setAccess] = useState<Access>('write');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  useEffect(() => {
    getJson<{ professionals: ProfessionalSummary[] }>('/api/professionals')
      .then((body) => setProfessionals(body.professionals))
      .catch((e: Error) => setError(e.message));
  }, []);

  const onCase = new Set(details.members.map((m) => m.id));
  const candidates = (professionals ?? []).filter((p) => !onCase.has(p.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const person = candidates.find((p) => p.id === professionalId);
    if (!person) return;
    setError(null);
    try {
      await putJson(memberPath(details.id, professionalId), { caseRole, access });
      setAdded(person.name);
      setProfessionalId('');
      setCaseRole('');
      setAccess('write');
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <form className="panel-form" onSubmit={(e) => void submit(e)} aria-labelledby="add-member-heading">
      <h3 id="add-member-heading">{t('team.add.heading')}</h3>
      <div className="field-row">
        <div>
          <label htmlFor="add-member-person">{t('team.add.person')}</label>
          <ProfessionalSelect
            id="add-member-person"
            professionals={candidates}
            placeholder={professionals ? t('team.add.choose') : t('common.loading')}
            value={professionalId}
            onChange={setProfessionalId}
            required
          />
        </div>
        <div>
          <label htmlFor="add-member-role">{t('team.caseRole')}</label>
          <input
            id="add-member-role"
            value={caseRole}
            maxLength={80}
            placeholder={t('team.add.rolePlaceholder')}
            onChange={(e) => setCaseRole(e.target.value)}
            required
          />
        </div>
        <div>
          <label htmlFor="add-member-access">{t('team.access')}</label>
          <AccessSelect id="add-member-access" words="team.accessLevel" value={access} onChange={setAccess} />
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t('team.failed', { message: error })}
        </p>
      )}
      <p role="status" className="form-ok">
        {added && t('team.add.added', { name: added })}
      </p>
      <button type="submit" className="primary">
        {t('team.add.submit')}
      </button>
    </form>
  );
}

/**
 * Who works on this case, each with their role in it and read-only access shown. The coordinator
 * adds people, changes their access and removes them; below come consent and the client's invitation.
 */
export function CaseTeamPanel({ details, onChanged }: PanelProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const manage = details.myAccess.manage;
  const isCoordinator = (m: CaseMember) => m.id === details.coordinator?.id;

  const change = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const setAccess = (member: CaseMember, access: Access) =>
    change(() => putJson(memberPath(details.id, member.id), { caseRole: member.caseRole, access }));
  const remove = (member: CaseMember) => {
    if (!window.confirm(t('team.confirmRemove', { name: member.name, client: details.clientName }))) return;
    void change(() => deleteJson(memberPath(details.id, member.id)));
  };

  return (
    <section className="panel team-panel" aria-labelledby="team-heading">
      <h2 id="team-heading">{t('team.heading')}</h2>
      <table>
        <caption className="visually-hidden">{t('team.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('team.name')}</th>
            <th scope="col">{t('team.caseRole')}</th>
            <th scope="col">{t('team.domain')}</th>
            <th scope="col">{t('team.access')}</th>
            {manage && <th scope="col">{t('team.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {details.members.map((member) => (
            <tr key={member.id}>
              <th scope="row">
                <ContactButton person={member} />
                <span className="muted member-title">{member.roleTitle}</span>
              </th>
              <td>{isCoordinator(member) ? t('case.coordinator') : member.caseRole}</td>
              <td>{t(`team.domainName.${member.domain}`)}</td>
              <td>
                {manage && !isCoordinator(member) ? (
                  <>
                    <label className="visually-hidden" htmlFor={`access-${member.id}`}>
                      {t('team.accessOf', { name: member.name })}
                    </label>
                    <AccessSelect
                      id={`access-${member.id}`}
                      className="compact"
                      words="team.accessLevel"
                      value={member.access}
                      onChange={(access) => void setAccess(member, access)}
                    />
                  </>
                ) : member.access === 'read' ? (
                  <span className="badge badge-muted">{t('team.readOnly')}</span>
                ) : (
                  t('team.accessLevel.write')
                )}
              </td>
              {manage && (
                <td>
                  {!isCoordinator(member) && (
                    <button
                      type="button"
                      className="small danger"
                      onClick={() => remove(member)}
                      aria-label={t('team.removeNamed', { name: member.name })}
                    >
                      {t('team.remove')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="form-error" role="alert">
          {t('team.failed', { message: error })}
        </p>
      )}
      {manage && <AddMember details={details} onChanged={onChanged} />}
      <ConsentSection details={details} onChanged={onChanged} />
      {manage && <ClientInvitation details={details} />}
    </section>
  );
}
