import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../sync/caseDocument.js';
import '../sync/sync.css';
import '../i18n/nl/access.js';

/**
 * Online, connecting, offline (edits kept in this browser), reconnecting (the server asked to come
 * back: nothing is lost), recovering from a refusal (SPEC C3) or refused, in words that say what
 * happened and what to do. `subject` names what was refused when it is not a board: a
 * compartment's notes (only they are closed off, not the board) or a meeting.
 */
export function ConnectionIndicator({
  state,
  subject = 'board',
}: {
  state: ConnectionState;
  subject?: 'board' | 'notes' | 'meeting';
}) {
  const { t } = useTranslation();
  const refused = (code: number) => {
    const general = t(`connection.refused.${code}`, {
      defaultValue: t('connection.refused.other', { code }),
    });
    return subject === 'board' ? general : t(`refusedOf.${subject}.${code}`, { defaultValue: general });
  };
  const text =
    state.kind === 'refused'
      ? state.again
        ? t('connection.refusedAgain')
        : refused(state.code)
      : t(`connection.${state.kind}`);
  return (
    <p className={`connection connection-${state.kind}`} role="status">
      <span className="dot" aria-hidden="true" />
      {text}
    </p>
  );
}
