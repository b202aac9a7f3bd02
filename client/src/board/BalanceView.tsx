import { useTranslation } from 'react-i18next';
import { perspectiveBalance } from '../../../shared/balance.js';
import type { Goal } from '../../../shared/doc/board.js';
import { useBoardContext } from './context.js';
import { perspectiveLabel } from './perspectiveLabel.js';
import './board.css';
import '../i18n/nl/board.js';

/** How many of the goals each active perspective serves; warns when one dominates (shared/balance.ts). */
export function BalanceView({ goals }: { goals: Goal[] }) {
  const { t } = useTranslation();
  const { perspectives } = useBoardContext();
  const active = perspectives.filter((p) => p.active);
  if (active.length === 0) return null;
  const balance = perspectiveBalance(
    goals,
    active.map((p) => p.id),
  );
  const labels = new Map(active.map((p) => [p.id, perspectiveLabel(t, p)]));
  return (
    <section className="balance" aria-labelledby="balance-heading">
      <h2 id="balance-heading">{t('balance.heading')}</h2>
      <p className="muted">{t('balance.intro', { count: balance.total })}</p>
      <ul className="balance-bars">
        {balance.shares.map((s) => (
          <li key={s.perspective} className={balance.dominant === s.perspective ? 'is-dominant' : undefined}>
            <span className="balance-label">{labels.get(s.perspective)}</span>
            <span className="balance-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(s.share * 100)}%` }} />
            </span>
            <span className="balance-count">
              {t('balance.goals', {
                count: s.goals,
                total: balance.total,
                percent: Math.round(s.share * 100),
              })}
            </span>
          </li>
        ))}
      </ul>
      {balance.dominant && (
        <p className="warning" role="status">
          ⚠ {t('balance.dominant', { perspective: labels.get(balance.dominant) })}
        </p>
      )}
    </section>
  );
}
