import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { postJson } from '../api.js';

/** The shortest password the server accepts (server/auth/passwords.ts). */
export const minPasswordLength = 10;

/** The server's reason a password was refused, in the reader's language when we know it. */
export function passwordError(t: TFunction, message: string): string {
  if (message.startsWith('currentPassword:')) return t('password.wrongCurrent');
  if (/password: must be at least/i.test(message))
    return t('password.tooShort', { count: minPasswordLength });
  return message;
}

/** Change your own password: the current one, then the new one twice. */
export function PasswordPage() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (newPassword !== repeat) return setError(t('password.mismatch'));
    if (newPassword.length < minPasswordLength)
      return setError(t('password.tooShort', { count: minPasswordLength }));
    setBusy(true);
    setError(null);
    try {
      await postJson('/api/session/password', { currentPassword, newPassword });
      setCurrent('');
      setNew('');
      setRepeat('');
      setSaved(true);
    } catch (e) {
      setError(passwordError(t, (e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow-form">
      <h1>{t('password.heading')}</h1>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="current-password">{t('password.current')}</label>
        <input
          id="current-password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          required
        />
        <label htmlFor="new-password">{t('password.new')}</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          aria-describedby="new-password-hint"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          required
        />
        <p id="new-password-hint" className="hint">
          {t('password.rule', { count: minPasswordLength })}
        </p>
        <label htmlFor="repeat-password">{t('password.repeat')}</label>
        <input
          id="repeat-password"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          required
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {saved && (
          <p className="form-ok" role="status">
            {t('password.saved')}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
    </section>
  );
}
