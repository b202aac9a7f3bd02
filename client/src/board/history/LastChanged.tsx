import { useTranslation } from 'react-i18next';
import type { LatestChange } from '../../../../shared/historyApi.js';
import { formatDateTime, formatRelative } from '../../i18n/index.js';
import { useNow } from '../../meeting/useNow.js';
import { useSession } from '../../session.js';
import { useCardContext } from '../context.js';
import { useLatestChange } from './latestChanges.js';
import '../../i18n/nl/history.js';

/** "Laatst gewijzigd door Sevda, 5 minuten geleden" under a goal or perspective (SPEC H3). */
export function LastChanged({ kind, itemId }: { kind: LatestChange['kind']; itemId: string }) {
  const { t, i18n } = useTranslation();
  const { latest } = useCardContext();
  const { user } = useSession();
  const change = useLatestChange(latest, kind, itemId);
  // "5 minutes ago" becomes "6 minutes ago" without anyone changing anything.
  const now = useNow(30_000);
  if (!change) return null;
  const name = change.userId === user?.id ? t('history.youObject') : change.name;
  return (
    <p className="last-changed">
      {t('history.lastChanged', { name })}{' '}
      <time dateTime={change.at} title={formatDateTime(change.at, i18n.language)}>
        {formatRelative(change.at, i18n.language, now)}
      </time>
    </p>
  );
}
