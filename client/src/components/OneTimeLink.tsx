import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/index.js';
import '../i18n/nl/access.js';

/**
 * A one-time sign-up link to hand to someone (a new colleague, a client), with its expiry and a
 * copy button. The link is shown once: the server keeps only its hash.
 */
export function OneTimeLink({ link, expiresAt, label }: { link: string; expiresAt: string; label: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (e.g. not allowed): select the link so it can be copied by hand.
      input.current?.select();
      setCopied(false);
    }
  };

  return (
    <div className="one-time-link">
      <label htmlFor={id}>{label}</label>
      <div className="inline-field">
        <input ref={input} id={id} type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>
          {t('invitation.link.copy')}
        </button>
      </div>
      <p className="muted">
        {t('invitation.link.expires', { date: formatDateTime(expiresAt, i18n.language) })}{' '}
        {t('invitation.link.once')}
      </p>
      <p role="status" className="form-ok">
        {copied === true && t('invitation.link.copied')}
        {copied === false && t('invitation.link.copyByHand')}
      </p>
    </div>
  );
}
