import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  closestCenter,
  closestCorners,
  pointerWithin,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type {
  Announcements,
  CollisionDetection,
  DragEndEvent,
  DragOverEvent,
  DragStartEvent,
  UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { memo, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { moveGoal, goalsInCell } from '../../../shared/doc/board.js';
import type { Goal } from '../../../shared/doc/board.js';
import { lifeDomains, recoveryPhases } from '../../../shared/domain.js';
import type { LifeDomain, RecoveryPhase } from '../../../shared/domain.js';
import { useCardContext } from './context.js';
import { GoalCard, GoalCardBody } from './GoalCard.js';
import { indexAmongAll } from './layout/boardFilter.js';
import { QuickAddGoal } from './QuickAddGoal.js';
import './board.css';
import '../i18n/nl/board.js';

type CellId = `${LifeDomain}|${RecoveryPhase}`;
type Layout = Record<CellId, string[]>;

const cellId = (domain: LifeDomain, phase: RecoveryPhase): CellId => `${domain}|${phase}`;
const splitCell = (id: CellId) => id.split('|') as [LifeDomain, RecoveryPhase];

function layoutOf(goals: Goal[]): Layout {
  const layout = {} as Layout;
  for (const domain of lifeDomains) {
    for (const phase of recoveryPhases) {
      layout[cellId(domain, phase)] = goalsInCell(goals, domain, phase).map((g) => g.id);
    }
  }
  return layout;
}

function cellOf(layout: Layout, id: UniqueIdentifier): CellId | null {
  if (typeof id === 'string' && id in layout) return id as CellId;
  for (const [cell, ids] of Object.entries(layout)) if (ids.includes(String(id))) return cell as CellId;
  return null;
}

/**
 * With a pointer, the cell under the pointer decides (then the nearest card in it), so a card
 * never jumps while the pointer crosses the gap between cells; the keyboard has no pointer, so
 * there the nearest corners decide.
 */
function collisionFor(layout: Layout): CollisionDetection {
  return (args) => {
    if (!args.pointerCoordinates) return closestCorners(args);
    const cell = pointerWithin(args).find((hit) => String(hit.id) in layout);
    if (!cell) return []; // between cells: stay where it was shown last
    const ids = new Set(layout[cell.id as CellId]);
    const cards = args.droppableContainers.filter((c) => ids.has(String(c.id)));
    return cards.length ? closestCenter({ ...args, droppableContainers: cards }) : [cell];
  };
}

function Cell({
  id,
  goals,
  total,
  filtering,
  label,
  onAdd,
}: {
  id: CellId;
  goals: Goal[];
  /** All goals of the cell, also those a filter hides. */
  total: number;
  filtering: boolean;
  label: string;
  onAdd: ((title: string) => void) | null;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id, data: { type: 'cell' } });
  const count = filtering
    ? t('boardLayout.cellShown', { shown: goals.length, count: total })
    : t('boardLayout.cellCount', { count: total });
  return (
    <div
      ref={setNodeRef}
      className={`cell${isOver ? ' is-over' : ''}`}
      role="group"
      aria-label={`${label} (${count})`}
      data-cell={id}
    >
      {total > 0 && (
        <p className="cell-count" aria-hidden="true">
          {count}
        </p>
      )}
      <SortableContext id={id} items={goals.map((g) => g.id)} strategy={verticalListSortingStrategy}>
        <ul className="cell-list">
          {goals.map((goal) => (
            <GoalCard key={goal.id} goal={goal} />
          ))}
        </ul>
      </SortableContext>
      {onAdd && <QuickAddGoal cellLabel={label} onAdd={onAdd} />}
    </div>
  );
}

/**
 * The board: life domains (rows) by recovery phases (columns). Cards move between cells and
 * within a cell by mouse, touch and keyboard; the move is written to the document on drop, as
 * one transaction of domain, phase and order key.
 */
export const BoardGrid = memo(function BoardGrid({
  doc,
  goals: allGoals,
  shown,
  onAdd,
}: {
  doc: Y.Doc;
  goals: Goal[];
  /** The goals a filter leaves (null: all); a card dropped among them keeps the hidden ones' places. */
  shown: ReadonlySet<string> | null;
  onAdd(domain: LifeDomain, phase: RecoveryPhase, title: string): void;
}) {
  const { t } = useTranslation();
  // Memoised, and not on the board's context: typing in a perspective leaves the grid alone.
  const { readOnly } = useCardContext();
  const [dragLayout, setDragLayout] = useState<Layout | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const goals = useMemo(
    () => (shown ? allGoals.filter((g) => shown.has(g.id)) : allGoals),
    [allGoals, shown],
  );
  const totals = useMemo(() => layoutOf(allGoals), [allGoals]);
  const layout = useMemo(() => dragLayout ?? layoutOf(goals), [dragLayout, goals]);
  const byId = useMemo(() => new Map(goals.map((g) => [g.id, g])), [goals]);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const cellLabel = (cell: CellId) => {
    const [domain, phase] = splitCell(cell);
    return t('board.cellLabel', { domain: t(`domain.${domain}`), phase: t(`phase.${phase}`) });
  };
  const titleOf = (id: UniqueIdentifier) => byId.get(String(id))?.title ?? '';
  const positionOf = (id: UniqueIdentifier) => {
    const cell = cellOf(layout, id);
    if (!cell) return '';
    return t('dnd.position', {
      cell: cellLabel(cell),
      index: layout[cell].indexOf(String(id)) + 1,
      count: layout[cell].length,
    });
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('dnd.pickedUp', { title: titleOf(active.id), position: positionOf(active.id) }),
    onDragOver: ({ active, over }) => {
      if (over?.id === active.id) return undefined; // still where it was picked up
      return over
        ? t('dnd.movedTo', { title: titleOf(active.id), position: positionOf(active.id) })
        : t('dnd.notOver', { title: titleOf(active.id) });
    },
    onDragEnd: ({ active, over }) =>
      over
        ? t('dnd.dropped', { title: titleOf(active.id), position: positionOf(active.id) })
        : t('dnd.cancelled', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('dnd.cancelled', { title: titleOf(active.id) }),
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setActiveId(String(active.id));
    setDragLayout(layoutOf(goals));
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over || !dragLayout) return;
    const from = cellOf(dragLayout, active.id);
    const to = cellOf(dragLayout, over.id);
    if (!from || !to || from === to) return;
    const target = dragLayout[to];
    const overIndex = target.indexOf(String(over.id));
    const index = overIndex === -1 ? target.length : overIndex;
    setDragLayout({
      ...dragLayout,
      [from]: dragLayout[from].filter((id) => id !== active.id),
      [to]: [...target.slice(0, index), String(active.id), ...target.slice(index)],
    });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const current = dragLayout;
    setActiveId(null);
    setDragLayout(null);
    if (!over || !current) return;
    const cell = cellOf(current, active.id);
    if (!cell) return;
    let ids = current[cell];
    const overIndex = ids.indexOf(String(over.id));
    const activeIndex = ids.indexOf(String(active.id));
    if (overIndex !== -1 && overIndex !== activeIndex) ids = arrayMove(ids, activeIndex, overIndex);
    const [domain, phase] = splitCell(cell);
    const goal = byId.get(String(active.id));
    const index = ids.indexOf(String(active.id));
    const unchanged =
      goal &&
      goal.domain === domain &&
      goal.phase === phase &&
      layoutOf(goals)[cell].indexOf(goal.id) === index;
    if (!goal || unchanged) return;
    // With cards hidden by a filter, its place among all of them: after the shown card before it.
    const others = totals[cell].filter((id) => id !== goal.id);
    const among = shown ? indexAmongAll(others, ids, goal.id) : index;
    moveGoal(doc, goal.id, { domain, phase, index: among });
  };

  const active = activeId ? byId.get(activeId) : undefined;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionFor(layout)}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setActiveId(null);
        setDragLayout(null);
      }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      <div id="board-grid" className="board-grid" role="region" aria-label={t('board.gridLabel')}>
        <div className="corner" aria-hidden="true" />
        {recoveryPhases.map((phase) => (
          <div key={phase} className="phase-head">
            <h3>{t(`phase.${phase}`)}</h3>
            <p>{t(`phaseHint.${phase}`)}</p>
          </div>
        ))}
        {lifeDomains.map((domain) => (
          <div key={domain} className="board-row" role="presentation">
            <div className={`domain-head domain-${domain}`}>
              <h3>
                <span aria-hidden="true" className="domain-icon">
                  {t(`domainIcon.${domain}`)}
                </span>{' '}
                {t(`domain.${domain}`)}
              </h3>
            </div>
            {recoveryPhases.map((phase) => {
              const id = cellId(domain, phase);
              return (
                <Cell
                  key={id}
                  id={id}
                  label={cellLabel(id)}
                  goals={layout[id].map((g) => byId.get(g)).filter((g): g is Goal => !!g)}
                  total={totals[id].length}
                  filtering={shown !== null}
                  onAdd={readOnly ? null : (title) => onAdd(domain, phase, title)}
                />
              );
            })}
          </div>
        ))}
      </div>
      <DragOverlay>
        {active ? (
          <div className="goal-card is-overlay">
            <GoalCardBody goal={active} />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
});
