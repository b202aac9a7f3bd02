import { useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/index.js';
import { fieldLabel } from './fieldNames.js';
import { notSaved } from './notSaved.js';
import type { NotSavedEntry } from './notSaved.js';
import './sync.css';
import '../i18n/nl/sync.js';

function NotSavedItem({ entry }: { entry: NotSavedEntry }) {
  const { t, i18n } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const field = fieldLabel(t, entry.field);
  const copyText = async () => {
    try {
      await navigator.clipboard.writeText(entry.text);
      setCopy('copied');
    } catch {
      // No clipboard access (e.g. permission refused): select it, so Ctrl+C copies it.
      area.current?.select();
      setCopy(document.execCommand?.('copy') ? 'copied' : 'failed');
    }
  };
  return (
    <li className="not-saved-item">
      <h3>
        {field} <span className="not-saved-when">· {formatDateTime(entry.at, i18n.language)}</span>
      </h3>
      <p className="not-saved-reason">
        {t(`sync.notSaved.reason.${entry.reason}`, { max: entry.maxLength })}
      </p>
      <textarea
        ref={area}
        readOnly
        value={entry.text}
        rows={Math.min(6, Math.max(2, Math.ceil(entry.text.length / 80)))}
        aria-label={t('sync.notSaved.textLabel', { field })}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="not-saved-actions">
        <button
          type="button"
          className="primary"
          aria-label={t('sync.notSaved.copyNamed', { field })}
          onClick={() => void copyText()}
        >
          {t('sync.notSaved.copy')}
        </button>
        <button
          type="button"
          aria-label={t('sync.notSaved.dismissNamed', { field })}
          onClick={() => notSaved.dismiss(entry.id)}
        >
          {t('sync.notSaved.dismiss')}
        </button>
        <span role="status" className="not-saved-copied">
          {copy === 'copied'
            ? t('sync.notSaved.copied')
            : copy === 'failed'
              ? t('sync.notSaved.copyFailed')
              : ''}
        </span>
      </div>
    </li>
  );
}

/**
 * "Niet bewaard": what this person typed in the given documents that the board did not keep,
 * with the text to copy (SPEC C3, R2). It stays, across reloads, until they remove it.
 */
export function NotSavedPanel({ documents }: { documents: (name: string) => boolean }) {
  const { t } = useTranslation();
  const all = useSyncExternalStore(notSaved.subscribe, notSaved.list);
  const entries = all.filter((e) => documents(e.document));
  if (entries.length === 0) return null;
  return (
    <section className="panel not-saved" aria-labelledby="not-saved-heading">
      <h2 id="not-saved-heading">{t('sync.notSaved.heading')}</h2>
      <p className="not-saved-intro">{t('sync.notSaved.intro')}</p>
      <ul className="not-saved-list">
        {entries.map((entry) => (
          <NotSavedItem key={entry.id} entry={entry} />
        ))}
      </ul>
    </section>
  );
}
