import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api.js';
import { AccessLogSearch } from '../admin/AccessLogSearch.js';
import { ProfessionalForm } from '../admin/ProfessionalForm.js';
import { TeamsSection } from '../admin/TeamsSection.js';
import type { AdminUser, TeamsAnswer } from '../../../shared/api.js';
import { UsersSection } from '../admin/UsersSection.js';

/** The functional administrator: teams, accounts, new professionals and the access log. */
export function AdminPage() {
  const { t } = useTranslation();
  const [teams, setTeams] = useState<TeamsAnswer | null>(null);
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadTeams = useCallback(() => {
    getJson<TeamsAnswer>('/api/admin/teams')
      .then(setTeams)
      .catch((e: Error) => setError(e.message));
  }, []);
  const loadUsers = useCallback(() => {
    getJson<{ users: AdminUser[] }>('/api/admin/users')
      .then((body) => setUsers(body.users))
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    loadTeams();
    loadUsers();
  }, [loadTeams, loadUsers]);

  if (error) return <p role="alert">{t('admin.loadError', { message: error })}</p>;
  if (!teams || !users) return <p role="status">{t('common.loading')}</p>;
  return (
    <div className="admin-page">
      <h1>{t('admin.heading')}</h1>
      <nav aria-label={t('admin.sections')} className="admin-toc">
        <a href="#teams-heading">{t('admin.teams.heading')}</a>
        <a href="#new-professional-heading">{t('admin.professional.heading')}</a>
        <a href="#users-heading">{t('admin.users.heading')}</a>
        <a href="#log-heading">{t('admin.log.heading')}</a>
      </nav>
      <TeamsSection data={teams} onCreated={loadTeams} />
      <ProfessionalForm data={teams} onCreated={loadUsers} />
      <UsersSection users={users} onChanged={loadUsers} />
      <AccessLogSearch users={users} />
    </div>
  );
}
