import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetails } from '../../../shared/api.js';
import { postJson } from '../api.js';
import { OneTimeLink } from '../components/OneTimeLink.js';
import './panels.css';
import '../i18n/nl/access.js';
import '../i18n/nl/consent.js';

/**
 * The coordinator invites the client to their own plan: a new account and a one-time link to hand
 * over. A client who has an account already is never given a new link here (whoever asks could set
 * its password): that is account recovery, the functional administrator's.
 */
export function ClientInvitation({ details }: { details: CaseDetails }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState(details.clientName);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ link: string; expiresAt: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    try {
      setResult(
        await postJson<{ link: string; expiresAt: string }>(
          `/api/cases/${encodeURIComponent(details.id)}/invitation`,
          { username, displayName },
        ),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="client-invitation" aria-labelledby="client-invitation-heading">
      <h3 id="client-invitation-heading">{t('team.invite.heading')}</h3>
      {details.clientAccount !== 'none' && !result ? (
        <p className="client-account-note">
          {t(`clientAccount.${details.clientAccount}`, { name: details.clientName })}
        </p>
      ) : (
        <>
          <p className="muted">{t('team.invite.intro')}</p>
          <form className="panel-form" onSubmit={(e) => void submit(e)}>
            <div className="field-row">
              <div>
                <label htmlFor="invite-display-name">{t('team.invite.displayName')}</label>
                <input
                  id="invite-display-name"
                  value={displayName}
                  maxLength={120}
                  onChange={(e) => setDisplayName(e.target.value)}
                  required
                />
              </div>
              <div>
                <label htmlFor="invite-username">{t('team.invite.username')}</label>
                <input
                  id="invite-username"
                  value={username}
                  minLength={3}
                  maxLength={200}
                  autoComplete="off"
                  onChange={(e) => setUsername(e.target.value)}
                  required
                />
              </div>
            </div>
            {error && (
              <p className="form-error" role="alert">
                {t('team.failed', { message: error })}
              </p>
            )}
            <button type="submit" className="primary">
              {t('team.invite.submit')}
            </button>
          </form>
        </>
      )}
      {result && (
        <OneTimeLink
          link={result.link}
          expiresAt={result.expiresAt}
          label={t('team.invite.link', { name: displayName })}
        />
      )}
    </section>
  );
}
