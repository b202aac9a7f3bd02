import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../shared/api.js';
import { postJson } from '../api.js';
import { OneTimeLink } from '../components/OneTimeLink.js';

interface Recovery {
  name: string;
  link: string;
  expiresAt: string;
}

/**
 * Every account: who, which role, whether they have set a password yet. A client who cannot sign
 * in gets a recovery link here (never from an invitation): their old password stops working,
 * every session of theirs ends, and an earlier link stops working.
 */
export function UsersSection({ users, onChanged }: { users: AdminUser[]; onChanged(): void }) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState<Recovery | null>(null);
  const [error, setError] = useState<string | null>(null);

  const recover = async (user: AdminUser) => {
    if (!window.confirm(t('recovery.confirm', { name: user.displayName }))) return;
    setError(null);
    try {
      const made = await postJson<{ link: string; expiresAt: string }>(
        `/api/admin/users/${encodeURIComponent(user.id)}/recovery`,
      );
      setRecovery({ name: user.displayName, ...made });
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="admin-section" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('admin.users.heading')}</h2>
      <p className="muted">{t('admin.users.count', { count: users.length })}</p>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('common.tableOf', { name: t('admin.users.heading') })}
      >
        <table>
          <caption className="visually-hidden">{t('admin.users.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.username')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.state')}</th>
              <th scope="col">{t('admin.users.id')}</th>
              <th scope="col">{t('recovery.action')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.displayName}</th>
                <td>{user.username}</td>
                <td>{t(`admin.role.${user.role}`)}</td>
                <td>
                  {user.disabledAt ? (
                    <span className="badge badge-muted">{t('admin.users.disabled')}</span>
                  ) : user.hasPassword ? (
                    t('admin.users.active')
                  ) : (
                    <span className="badge badge-warn">{t('admin.users.invited')}</span>
                  )}
                </td>
                <td>
                  <code>{user.id}</code>
                </td>
                <td>
                  {user.isClient && (
                    <button
                      type="button"
                      className="small"
                      onClick={() => void recover(user)}
                      aria-label={t('recovery.actionNamed', { name: user.displayName })}
                    >
                      {t('recovery.action')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t('admin.failed', { message: error })}
        </p>
      )}
      {recovery && (
        <div role="status">
          <p className="form-ok">{t('recovery.made', { name: recovery.name })}</p>
          <OneTimeLink
            link={recovery.link}
            expiresAt={recovery.expiresAt}
            label={t('recovery.link', { name: recovery.name })}
          />
        </div>
      )}
    </section>
  );
}
