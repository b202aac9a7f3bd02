import { useTranslation } from 'react-i18next';
import type { CaseMember } from '../../../../shared/api.js';
import type { PerspectiveState } from '../../../../shared/doc/board.js';
import { goalStatuses } from '../../../../shared/domain.js';
import type { GoalStatus, PerspectiveId } from '../../../../shared/domain.js';
import { perspectiveLabel } from '../perspectiveLabel.js';
import { isFiltering, noFilter } from './boardFilter.js';
import type { BoardFilter } from './boardFilter.js';
import { useRememberedOpen } from './useRemembered.js';
import '../../i18n/nl/board.js';

/** Owner, status, perspective and overdue filters over the board's cards, with what they leave. */
export function BoardFilters({
  filter,
  onChange,
  members,
  perspectives,
  shown,
  total,
}: {
  filter: BoardFilter;
  onChange(next: BoardFilter): void;
  members: readonly CaseMember[];
  perspectives: readonly PerspectiveState[];
  shown: number;
  total: number;
}) {
  const { t } = useTranslation();
  // Open at first where there is room for it; on a phone it waits under its summary.
  const [open, setOpen] = useRememberedOpen('filters', window.matchMedia('(min-width: 48rem)').matches);
  const set = (change: Partial<BoardFilter>) => onChange({ ...filter, ...change });
  const counted = isFiltering(filter)
    ? t('boardLayout.filter.shown', { shown, count: total })
    : t('boardLayout.filter.all', { count: total });
  return (
    <details className="board-filters-fold" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('boardLayout.filter.legend')} · {counted}
      </summary>
      <fieldset className="board-filters">
        <legend className="visually-hidden">{t('boardLayout.filter.legend')}</legend>
        <label>
          {t('boardLayout.filter.owner')}{' '}
          <select value={filter.owner ?? ''} onChange={(e) => set({ owner: e.target.value || null })}>
            <option value="">{t('boardLayout.filter.anyone')}</option>
            <option value="none">{t('boardLayout.filter.nobody')}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('boardLayout.filter.status')}{' '}
          <select
            value={filter.status ?? ''}
            onChange={(e) => set({ status: (e.target.value || null) as GoalStatus | null })}
          >
            <option value="">{t('boardLayout.filter.anyStatus')}</option>
            {goalStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('boardLayout.filter.perspective')}{' '}
          <select
            value={filter.perspective ?? ''}
            onChange={(e) => set({ perspective: (e.target.value || null) as PerspectiveId | null })}
          >
            <option value="">{t('boardLayout.filter.anyPerspective')}</option>
            {perspectives
              .filter((p) => p.active)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {perspectiveLabel(t, p)}
                </option>
              ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.overdueOnly}
            onChange={(e) => set({ overdueOnly: e.target.checked })}
          />{' '}
          {t('boardLayout.filter.overdue')}
        </label>
        <p className="muted board-filter-count" role="status">
          {counted}
        </p>
        {isFiltering(filter) && (
          <button type="button" className="small" onClick={() => onChange(noFilter)}>
            {t('boardLayout.filter.clear')}
          </button>
        )}
      </fieldset>
    </details>
  );
}
