import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { memo, useCallback, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../shared/doc/board.js';
import type { LifeDomain, RecoveryPhase } from '../../../shared/domain.js';
import { splitCell } from './dragLayout.js';
import type { CellId } from './dragLayout.js';
import { GoalCard } from './GoalCard.js';
import { QuickAddGoal } from './QuickAddGoal.js';
import '../i18n/nl/board.js';

const cellData = { type: 'cell' };

/**
 * A cell as a place to drop on. dnd-kit renders every droppable again whenever what the pointer
 * is over changes; this one is thin, and its children (made by Cell) keep their identity then,
 * so React does not go into them.
 */
function CellDroppable({ id, label, children }: { id: CellId; label: string; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id, data: cellData });
  return (
    <div
      ref={setNodeRef}
      className={`cell${isOver ? ' is-over' : ''}`}
      role="group"
      aria-label={label}
      data-cell={id}
    >
      {children}
    </div>
  );
}

/**
 * One cell. Memoised, with props that keep their identity while a card is dragged elsewhere
 * (its ids are the layout's array for it, kept while the cell does not change): a card carried
 * from one cell to another renders those two cells again, not all 25.
 */
export const Cell = memo(function Cell({
  id,
  ids,
  byId,
  total,
  filtering,
  onAdd,
}: {
  id: CellId;
  /** The goals shown in the cell, in order. */
  ids: string[];
  byId: ReadonlyMap<string, Goal>;
  /** All goals of the cell, also those a filter hides. */
  total: number;
  filtering: boolean;
  onAdd: ((domain: LifeDomain, phase: RecoveryPhase, title: string) => void) | null;
}) {
  const { t } = useTranslation();
  // A goal removed by someone else while a card is carried leaves the layout only on the drop.
  const items = useMemo(() => ids.filter((g) => byId.has(g)), [ids, byId]);
  const [domain, phase] = splitCell(id);
  const label = t('board.cellLabel', { domain: t(`domain.${domain}`), phase: t(`phase.${phase}`) });
  const count = filtering
    ? t('boardLayout.cellShown', { shown: items.length, count: total })
    : t('boardLayout.cellCount', { count: total });
  const add = useCallback((title: string) => onAdd?.(domain, phase, title), [onAdd, domain, phase]);
  return (
    <CellDroppable id={id} label={`${label} (${count})`}>
      {total > 0 && (
        <p className="cell-count" aria-hidden="true">
          {count}
        </p>
      )}
      <SortableContext id={id} items={items} strategy={verticalListSortingStrategy}>
        <ul className="cell-list">
          {items.map((goalId) => (
            <GoalCard key={goalId} goal={byId.get(goalId) as Goal} />
          ))}
        </ul>
      </SortableContext>
      {onAdd && <QuickAddGoal cellLabel={label} onAdd={add} />}
    </CellDroppable>
  );
});

/** A phase's heading over its column; memoised, as the grid renders again on every drag. */
export const PhaseHead = memo(function PhaseHead({ phase }: { phase: RecoveryPhase }) {
  const { t } = useTranslation();
  return (
    <div className="phase-head">
      <h3>{t(`phase.${phase}`)}</h3>
      <p>{t(`phaseHint.${phase}`)}</p>
    </div>
  );
});

/** A life domain's heading before its row; memoised, as the grid renders again on every drag. */
export const DomainHead = memo(function DomainHead({ domain }: { domain: LifeDomain }) {
  const { t } = useTranslation();
  return (
    <div className={`domain-head domain-${domain}`}>
      <h3>
        <span aria-hidden="true" className="domain-icon">
          {t(`domainIcon.${domain}`)}
        </span>{' '}
        {t(`domain.${domain}`)}
      </h3>
    </div>
  );
});
