import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../sync/caseDocument.js';

/** Online, connecting, offline (edits kept in this browser) or refused, with the reason. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'refused'
      ? t(`connection.refused.${state.code}`, {
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
