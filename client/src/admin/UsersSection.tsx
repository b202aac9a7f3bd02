import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser, UsersAnswer } from '../../../shared/adminApi.js';
import { getJson, postJson } from '../api.js';
import { OneTimeLink } from '../components/OneTimeLink.js';
import { useSession } from '../session.js';
import { FormMessages } from './FormMessages.js';
import { useAdminAction } from './useAdminAction.js';
import { AdminTable } from './AdminTable.js';
import '../i18n/nl/access.js';
import '../i18n/nl/admin.js';
import '../i18n/nl/consent.js';

interface Recovery {
  name: string;
  link: string;
  expiresAt: string;
}

const pageSize = 25;

/**
 * The accounts that are not a professional's (clients and admins), a page at a time with search:
 * who, which role, whether they have set a password yet. A client who cannot sign
 * in gets a recovery link here (never from an invitation): their old password stops working,
 * every session of theirs ends, and an earlier link stops working. A client or admin who must
 * not sign in any more is disabled (signed out everywhere at once) and can be enabled again; the
 * admin's own account has no disable button (SPEC PP13).
 */
export function UsersSection() {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const row = useAdminAction({ userId: t('fieldError.fields.userId') });
  const [recovery, setRecovery] = useState<Recovery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState({ q: '', offset: 0 });
  const [answer, setAnswer] = useState<UsersAnswer | null>(null);
  const users = answer?.users ?? [];

  const onChanged = useCallback(() => {
    const params = new URLSearchParams({ limit: String(pageSize), offset: String(query.offset) });
    if (query.q.trim()) params.set('q', query.q.trim());
    getJson<UsersAnswer>(`/api/admin/users?${params}`)
      .then(setAnswer)
      .catch((e: Error) => setError(e.message));
  }, [query]);
  useEffect(onChanged, [onChanged]);
  const find = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ q: search, offset: 0 });
  };

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

  const setDisabled = async (user: AdminUser, disabled: boolean) => {
    if (disabled && !window.confirm(t('otherAccounts.confirmDisable', { name: user.displayName }))) return;
    const ok = await row.run(
      () => postJson(`/api/admin/users/${encodeURIComponent(user.id)}/${disabled ? 'disable' : 'enable'}`),
      t(disabled ? 'otherAccounts.disabled' : 'otherAccounts.enabled', { name: user.displayName }),
    );
    if (ok) onChanged();
  };

  return (
    <section className="admin-section" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('otherAccounts.heading')}</h2>
      <p className="muted">{t('otherAccounts.intro')}</p>
      <form className="inline-field" role="search" onSubmit={find}>
        <label htmlFor="account-search">{t('otherAccounts.search')}</label>
        <input id="account-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit">{t('otherAccounts.searchButton')}</button>
      </form>
      <p className="muted" role="status">
        {t('otherAccounts.count', { count: answer?.total ?? 0 })}
      </p>
      <AdminTable
        caption={t('otherAccounts.table')}
        columns={[
          t('admin.users.name'),
          t('admin.users.username'),
          t('admin.users.role'),
          t('admin.users.state'),
          t('admin.users.id'),
          t('otherAccounts.actions'),
        ]}
      >
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
            <td className="row-actions">
              {user.id === me?.id ? (
                <span className="muted">{t('otherAccounts.yourself')}</span>
              ) : (
                <button
                  type="button"
                  className="small"
                  onClick={() => void setDisabled(user, !user.disabledAt)}
                  aria-label={t(`otherAccounts.${user.disabledAt ? 'enable' : 'disable'}Named`, {
                    name: user.displayName,
                  })}
                >
                  {user.disabledAt ? t('otherAccounts.enable') : t('otherAccounts.disable')}
                </button>
              )}
              {user.isClient && !user.disabledAt && (
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
      </AdminTable>
      {answer && answer.total > pageSize && (
        <nav aria-label={t('otherAccounts.table')} className="pager">
          <button
            type="button"
            disabled={query.offset === 0}
            onClick={() => setQuery((q) => ({ ...q, offset: Math.max(0, q.offset - pageSize) }))}
          >
            {t('otherAccounts.previous')}
          </button>{' '}
          <button
            type="button"
            disabled={query.offset + users.length >= answer.total}
            onClick={() => setQuery((q) => ({ ...q, offset: q.offset + pageSize }))}
          >
            {t('otherAccounts.next')}
          </button>
        </nav>
      )}
      <FormMessages id="account-row-error" error={row.error} done={row.done} />
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
