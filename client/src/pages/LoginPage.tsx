import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isSecondStep } from '../../../shared/signInApi.js';
import type { SignInAnswer } from '../../../shared/signInApi.js';
import type { SessionInfo } from '../../../shared/api.js';
import { postJson } from '../api.js';
import { useSession } from '../session.js';
import { codeOf, signInRefusal } from '../signIn/refusals.js';
import '../signIn/signIn.css';
import '../i18n/nl/signIn.js';

/**
 * Sign in with username and password; with two-step verification set up, a second step asks the
 * code from the app (or a recovery code). A refusal says why in words, and how long to wait.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);
  // The second step takes the focus to its code field, so the code can be typed at once.
  useEffect(() => {
    if (challenge) codeField.current?.focus();
  }, [challenge]);

  const run = async (event: FormEvent, action: () => Promise<void>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      if (codeOf(e) === 'challenge-expired') {
        setChallenge(null);
        setCode('');
      }
      setError(signInRefusal(t, e));
    } finally {
      setBusy(false);
    }
  };

  const submitPassword = (event: FormEvent) =>
    run(event, async () => {
      const answer = await postJson<SignInAnswer>('/api/session', { username, password });
      if (!isSecondStep(answer)) return signedIn(answer);
      setPassword('');
      setChallenge(answer.secondStep.challenge);
    });

  const submitCode = (event: FormEvent) =>
    run(event, async () => {
      signedIn(
        await postJson<SessionInfo>('/api/session/code', { challenge, code, rememberDevice: remember }),
      );
    });

  const errorLine = error && (
    <p className="form-error" role="alert">
      {error}
    </p>
  );

  if (challenge)
    return (
      <section className="login second-step">
        <h1>{t('signIn.code.heading')}</h1>
        <p>{t('signIn.code.intro')}</p>
        <form onSubmit={(e) => void submitCode(e)}>
          <label htmlFor="code">{t('signIn.code.label')}</label>
          <input
            id="code"
            className="code-input"
            autoComplete="one-time-code"
            inputMode="text"
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby="code-hint"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
            ref={codeField}
          />
          <p id="code-hint" className="hint">
            {t('signIn.code.hint')}
          </p>
          <label className="checkbox-line">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            <span>{t('signIn.code.remember')}</span>
          </label>
          {errorLine}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('signIn.code.submit')}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setChallenge(null);
                setCode('');
                setError(null);
              }}
            >
              {t('signIn.code.back')}
            </button>
          </div>
        </form>
      </section>
    );

  return (
    <section className="login">
      <h1>{t('login.heading')}</h1>
      <p className="muted">{t('login.intro')}</p>
      <form onSubmit={(e) => void submitPassword(e)}>
        <label htmlFor="username">{t('login.username')}</label>
        <input
          id="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
        <label htmlFor="password">{t('login.password')}</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        {errorLine}
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </section>
  );
}
