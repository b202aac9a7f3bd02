import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session.js';
import '../sync/sync.css';

/**
 * Signs out on a possibly shared computer: first the server gets every change this browser keeps,
 * then the copies are wiped. If some could not be saved the person is told and chooses.
 */
export function SignOutButton() {
  const { t } = useTranslation();
  const { signOut, signingOut } = useSession();
  const [unsaved, setUnsaved] = useState<number>(0);
  const attempt = async (anyway = false) => {
    const result = await signOut({ anyway });
    setUnsaved(result.unsaved.length);
  };
  return (
    <>
      <button type="button" className="small" onClick={() => void attempt()} disabled={signingOut}>
        {signingOut ? t('signOut.saving') : t('nav.signOut')}
      </button>
      {unsaved > 0 && (
        <div className="sign-out-warning" role="alertdialog" aria-labelledby="sign-out-title">
          <p id="sign-out-title">
            <strong>{t('signOut.unsavedTitle')}</strong>
          </p>
          <p>{t('signOut.unsaved', { count: unsaved })}</p>
          <div className="sign-out-choices">
            <button type="button" className="primary" onClick={() => void attempt()} disabled={signingOut}>
              {t('signOut.retry')}
            </button>
            <button type="button" onClick={() => setUnsaved(0)}>
              {t('signOut.stay')}
            </button>
            <button type="button" className="danger" onClick={() => void attempt(true)} disabled={signingOut}>
              {t('signOut.anyway')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
