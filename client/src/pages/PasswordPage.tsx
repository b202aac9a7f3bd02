import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { deleteJson, postJson } from '../api.js';
import {
  NewPasswordFields,
  newPasswordProblem,
  passwordError,
  usePasswordVerdict,
} from '../components/NewPasswordFields.js';
import { useSession } from '../session.js';
import { refusalInWords } from '../signIn/refusals.js';
import '../signIn/signIn.css';
import '../i18n/nl/access.js';
import '../i18n/nl/signIn.js';

/** "Sign out everywhere": every other session of this person ends; this one stays. */
function SignOutEverywhere() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const signOutElsewhere = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { ended } = await deleteJson<{ ended: number }>('/api/session/others');
      setMessage({ ok: true, text: t('signOutEverywhere.done', { count: ended }) });
    } catch (e) {
      setMessage({ ok: false, text: t('signOutEverywhere.failed', { message: refusalInWords(t, e) }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="account-section" aria-labelledby="sign-out-everywhere">
      <h2 id="sign-out-everywhere">{t('signOutEverywhere.heading')}</h2>
      <p>{t('signOutEverywhere.intro')}</p>
      <button type="button" disabled={busy} onClick={() => void signOutElsewhere()}>
        {t('signOutEverywhere.submit')}
      </button>
      {message && (
        <p className={message.ok ? 'form-ok' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** Change your own password (the other sessions end), sign out everywhere, two-step verification. */
export function PasswordPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const verdict = usePasswordVerdict(newPassword, [user?.displayName ?? '', user?.username ?? '']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problem = newPasswordProblem(t, newPassword, repeat, verdict);
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
      setError(passwordError(t, e));
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
          verdict={verdict}
          onPassword={(value) => {
            setNew(value);
            setError(null); // an old refusal is about an earlier password
          }}
          onRepeat={setRepeat}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {saved && (
          <p className="form-ok" role="status">
            {t('password.saved')} {t('signOutEverywhere.passwordChanged')}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
      <SignOutEverywhere />
      <section className="account-section" aria-labelledby="two-factor-link">
        <h2 id="two-factor-link">{t('twoFactor.heading')}</h2>
        <p>{t('twoFactor.intro')}</p>
        <Link to="/tweestapsverificatie">{t('twoFactor.manage')}</Link>
      </section>
    </section>
  );
}
