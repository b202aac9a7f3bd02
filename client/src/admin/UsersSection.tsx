import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../shared/api.js';

/** Every account: who, which role, whether they have set a password yet. */
export function UsersSection({ users }: { users: AdminUser[] }) {
  const { t } = useTranslation();
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
