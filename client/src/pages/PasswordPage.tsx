import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { postJson } from '../api.js';
import { NewPasswordFields, newPasswordProblem, passwordError } from '../components/NewPasswordFields.js';

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
    const problem = newPasswordProblem(t, newPassword, repeat);
    if (problem) return setError(problem);
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
        <NewPasswordFields
          idPrefix="new"
          label={t('password.new')}
          password={newPassword}
          repeat={repeat}
          onPassword={setNew}
          onRepeat={setRepeat}
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
