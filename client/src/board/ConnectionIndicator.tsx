import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../sync/caseDocument.js';
import '../sync/sync.css';

/**
 * Online, connecting, offline (edits kept in this browser), reconnecting (the server asked to come
 * back: nothing is lost), recovering from a refusal (SPEC C3) or refused, in words that say what
 * happened and what to do.
 */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'refused'
      ? state.again
        ? t('connection.refusedAgain')
        : t(`connection.refused.${state.code}`, {
            defaultValue: t('connection.refused.other', { code: state.code }),
          })
      : t(`connection.${state.kind}`);
  return (
    <p className={`connection connection-${state.kind}`} role="status">
      <span className="dot" aria-hidden="true" />
      {text}
    </p>
  );
}
