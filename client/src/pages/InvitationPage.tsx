import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'wouter';
import type { SessionInfo } from '../../../shared/api.js';
import { ApiRequestError, getJson, postJson } from '../api.js';
import { formatDateTime } from '../i18n/index.js';
import { useSession } from '../session.js';
import {
  NewPasswordFields,
  newPasswordProblem,
  passwordError,
  usePasswordVerdict,
} from '../components/NewPasswordFields.js';
import '../signIn/signIn.css';
import '../i18n/nl/access.js';

interface Invitation {
  displayName: string;
  username: string;
  expiresAt: string;
}

/** A one-time link: the invited person chooses a password and is signed in. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { signedIn } = useSession();
  const [, navigate] = useLocation();
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [gone, setGone] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verdict = usePasswordVerdict(password, [invitation?.displayName ?? '', invitation?.username ?? '']);

  useEffect(() => {
    getJson<Invitation>(`/api/invitations/${encodeURIComponent(token)}`)
      .then(setInvitation)
      .catch((e: Error) => {
        // 410: used or expired; 400: not a token at all. Both mean: this link does not work.
        if (e instanceof ApiRequestError && (e.status === 410 || e.status === 400)) setGone(true);
        else setLoadError(e.message);
      });
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = newPasswordProblem(t, password, repeat, verdict);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const info = await postJson<SessionInfo>(`/api/invitations/${encodeURIComponent(token)}`, { password });
      signedIn(info);
      navigate('/', { replace: true });
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 410) setGone(true);
      else setError(passwordError(t, e));
      setBusy(false);
    }
  };

  if (gone)
    return (
      <section className="narrow-form">
        <h1>{t('invitation.goneHeading')}</h1>
        <p>{t('invitation.gone')}</p>
      </section>
    );
  if (loadError) return <p role="alert">{t('invitation.loadError', { message: loadError })}</p>;
  if (!invitation) return <p role="status">{t('common.loading')}</p>;
  return (
    <section className="narrow-form">
      <h1>{t('invitation.heading', { name: invitation.displayName })}</h1>
      <p>{t('invitation.intro')}</p>
      <p>
        {t('invitation.username')} <strong>{invitation.username}</strong>
      </p>
      <p className="muted">
        {t('invitation.expires', { date: formatDateTime(invitation.expiresAt, i18n.language) })}
      </p>
      <form onSubmit={(e) => void submit(e)}>
        {/* Lets password managers store the new password with the right username. */}
        <input type="hidden" autoComplete="username" value={invitation.username} readOnly />
        <NewPasswordFields
          idPrefix="invitation"
          label={t('invitation.password')}
          password={password}
          repeat={repeat}
          verdict={verdict}
          onPassword={(value) => {
            setPassword(value);
            setError(null); // an old refusal is about an earlier password
          }}
          onRepeat={setRepeat}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('invitation.submit')}
        </button>
      </form>
    </section>
  );
}
