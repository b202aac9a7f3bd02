import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/api.js';
import type { RecoveryCodes, TwoFactorSetup, TwoFactorState } from '../../../shared/signInApi.js';
import { ApiRequestError, getJson, postJson } from '../api.js';
import { useSession } from '../session.js';
import { codeOf, refusalInWords, tooManyInWords } from '../signIn/refusals.js';
import '../signIn/signIn.css';
import '../i18n/nl/access.js';
import '../i18n/nl/signIn.js';

/** The key in groups of four, as authenticator apps show it. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** Scan the QR code (or type the key), confirm with a code; then the recovery codes, once. */
function SetUp({ setup, onDone }: { setup: TwoFactorSetup; onDone(codes: string[]): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { recoveryCodes } = await postJson<RecoveryCodes>('/api/session/two-factor', {
        code: code.trim(),
      });
      onDone(recoveryCodes);
    } catch (e) {
      setError(
        tooManyInWords(t, e) ??
          // A 400 is a code the app did not show: not 6 digits, or not the current one.
          (codeOf(e) === 'wrong-code' || (e instanceof ApiRequestError && e.status === 400)
            ? t('twoFactor.wrongCode')
            : refusalInWords(t, e)),
      );
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void confirm(e)}>
      <p>{t('twoFactor.scan')}</p>
      <img className="qr-code" src={setup.qrCode} alt={t('twoFactor.qrAlt')} width={240} height={240} />
      <p className="hint">{t('twoFactor.manual')}</p>
      <p className="secret-key" aria-label={t('twoFactor.secretLabel')}>
        {grouped(setup.secret)}
      </p>
      <label htmlFor="two-factor-code">{t('twoFactor.enterCode')}</label>
      <input
        id="two-factor-code"
        className="code-input"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]{6,7}"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        required
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('twoFactor.confirm')}
      </button>
    </form>
  );
}

/** Ten recovery codes, shown once, until the person says they kept them. */
function ShowCodes({ codes, onSaved }: { codes: string[]; onSaved(): void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{t('twoFactor.recoveryHeading')}</h2>
      <p>{t('twoFactor.recoveryIntro')}</p>
      <ol className="recovery-codes" aria-label={t('twoFactor.recoveryListLabel')}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <button type="button" className="primary" onClick={onSaved}>
        {t('twoFactor.saved')}
      </button>
    </section>
  );
}

/** A form that asks the password once more before a change to how one signs in. */
function WithPassword({
  id,
  label,
  intro,
  onSubmit,
}: {
  id: string;
  label: string;
  intro?: string;
  onSubmit(password: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(password);
      setPassword('');
    } catch (e) {
      setError(
        tooManyInWords(t, e) ??
          (codeOf(e) === 'wrong-password'
            ? t('password.wrongCurrent')
            : codeOf(e) === 'password-required'
              ? t('twoFactor.passwordRequired')
              : codeOf(e) === 'two-factor-required'
                ? t('twoFactor.requiredNote')
                : refusalInWords(t, e)),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-button`}>
      {intro && <p>{intro}</p>}
      <label htmlFor={`${id}-password`}>{t('twoFactor.currentPassword')}</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button id={`${id}-button`} type="submit" disabled={busy}>
        {label}
      </button>
    </form>
  );
}

type Step =
  { kind: 'overview' } | { kind: 'setup'; setup: TwoFactorSetup } | { kind: 'codes'; codes: string[] };

/** Starts a set-up: a new secret (the one in use, if any, stays until the new one is confirmed). */
const beginSetup = (currentPassword?: string) =>
  postJson<TwoFactorSetup>('/api/session/two-factor/setup', currentPassword ? { currentPassword } : {});

/**
 * Two-step verification: set it up (required first for roles that read client data when the
 * server says so), see how many recovery codes are left, make new ones, set it up on a new
 * phone, or turn it off where the role allows.
 */
export function TwoFactorPage() {
  const { t } = useTranslation();
  const { user, signedIn } = useSession();
  const [state, setState] = useState<TwoFactorState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'overview' });
  const [notice, setNotice] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const reload = useCallback(() => {
    getJson<TwoFactorState>('/api/session/two-factor')
      .then(setState)
      .catch((e: unknown) => setLoadError(refusalInWords(t, e)));
  }, [t]);
  useEffect(reload, [reload]);

  const saved = async () => {
    setStep({ kind: 'overview' });
    reload();
    // A session that waited for this set-up opens everything now.
    if (user?.twoFactorSetupRequired) signedIn(await getJson<SessionInfo>('/api/session'));
  };

  if (loadError) return <p role="alert">{t('twoFactor.loadError', { message: loadError })}</p>;
  if (!state) return <p role="status">{t('common.loading')}</p>;
  return (
    <section className="narrow-form two-factor">
      <h1>{t('twoFactor.heading')}</h1>
      {user?.twoFactorSetupRequired && <p className="read-only-note">{t('twoFactor.required')}</p>}
      <p>{t('twoFactor.intro')}</p>
      {notice && (
        <p className="form-ok" role="status">
          {notice}
        </p>
      )}
      {step.kind === 'setup' && (
        <SetUp setup={step.setup} onDone={(codes) => setStep({ kind: 'codes', codes })} />
      )}
      {step.kind === 'codes' && <ShowCodes codes={step.codes} onSaved={() => void saved()} />}
      {step.kind === 'overview' && !state.enabled && (
        <>
          <p>
            <strong>{t('twoFactor.off')}</strong>
          </p>
          <button
            type="button"
            className="primary"
            onClick={() =>
              void beginSetup()
                .then((setup) => setStep({ kind: 'setup', setup }))
                .catch((e: unknown) => setStartError(refusalInWords(t, e)))
            }
          >
            {t('twoFactor.start')}
          </button>
          {startError && (
            <p className="form-error" role="alert">
              {startError}
            </p>
          )}
        </>
      )}
      {step.kind === 'overview' && state.enabled && (
        <>
          <p>
            <strong>{t('twoFactor.on')}</strong>{' '}
            {t('twoFactor.codesLeft', { count: state.recoveryCodesLeft })}
            {state.recoveryCodesLeft <= 2 && <> {t('twoFactor.codesLow')}</>}
          </p>
          <section aria-labelledby="renew-button">
            <WithPassword
              id="renew"
              label={t('twoFactor.renew')}
              intro={t('twoFactor.renewIntro')}
              onSubmit={async (currentPassword) => {
                const { recoveryCodes } = await postJson<RecoveryCodes>(
                  '/api/session/two-factor/recovery-codes',
                  {
                    currentPassword,
                  },
                );
                setStep({ kind: 'codes', codes: recoveryCodes });
              }}
            />
          </section>
          <section aria-labelledby="again-button">
            <WithPassword
              id="again"
              label={t('twoFactor.again')}
              onSubmit={async (currentPassword) =>
                setStep({ kind: 'setup', setup: await beginSetup(currentPassword) })
              }
            />
          </section>
          <section aria-labelledby="disable-button">
            {state.required ? (
              <p id="disable-button">{t('twoFactor.requiredNote')}</p>
            ) : (
              <WithPassword
                id="disable"
                label={t('twoFactor.disable')}
                onSubmit={async (currentPassword) => {
                  await postJson('/api/session/two-factor/disable', { currentPassword });
                  setNotice(t('twoFactor.disabled'));
                  reload();
                }}
              />
            )}
          </section>
        </>
      )}
    </section>
  );
}
