import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type {
  Announcements,
  DragEndEvent,
  DragOverEvent,
  DragStartEvent,
  UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { moveGoal } from '../../../shared/doc/board.js';
import type { Goal } from '../../../shared/doc/board.js';
import { lifeDomains, recoveryPhases } from '../../../shared/domain.js';
import type { LifeDomain, RecoveryPhase } from '../../../shared/domain.js';
import { Cell, DomainHead, PhaseHead } from './BoardCell.js';
import { useCardContext } from './context.js';
import { cellId, cellOf, collisionFor, layoutOf, splitCell } from './dragLayout.js';
import type { CellId, Layout } from './dragLayout.js';
import { GoalCardBody } from './GoalCard.js';
import { indexAmongAll } from './layout/boardFilter.js';
import './board.css';
import '../i18n/nl/board.js';

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

  // What the drag context is given keeps its identity from one move to the next (the layout
  // changes only when a card enters another cell), so nothing below it renders for a prop's sake.
  const collisionDetection = useMemo(() => collisionFor(layout), [layout]);
  const accessibility = useMemo(() => {
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
    return { announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } };
  }, [t, byId, layout]);

  /** A drop not yet written to the document (see onDragEnd). */
  const pendingMove = useRef<(() => void) | null>(null);
  // Leaving the board right after a drop still writes the move.
  useEffect(() => () => pendingMove.current?.(), []);
  const onDragStart = ({ active }: DragStartEvent) => {
    pendingMove.current?.();
    setActiveId(String(active.id));
    // The layout as shown, its arrays kept: no cell renders again when a drag starts.
    setDragLayout(layout);
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
    const cell = over && current ? cellOf(current, active.id) : null;
    if (!over || !current || !cell) {
      setDragLayout(null);
      return;
    }
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
    if (!goal || unchanged) {
      setDragLayout(null);
      return;
    }
    // With cards hidden by a filter, its place among all of them: after the shown card before it.
    const others = totals[cell].filter((id) => id !== goal.id);
    const among = shown ? indexAmongAll(others, ids, goal.id) : index;
    // The card stays where it was dropped while the drag ends, and the move is written in a task
    // of its own right after: ending the drag (every card renders again) and the board reading
    // the changed document are two short tasks instead of one long one.
    setDragLayout({ ...current, [cell]: ids });
    pendingMove.current = () => {
      pendingMove.current = null;
      moveGoal(doc, goal.id, { domain, phase, index: among });
      setDragLayout(null);
    };
    setTimeout(() => pendingMove.current?.(), 0);
  };

  const onDragCancel = () => {
    setActiveId(null);
    setDragLayout(null);
  };

  const active = activeId ? byId.get(activeId) : undefined;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={accessibility}
    >
      <div id="board-grid" className="board-grid" role="region" aria-label={t('board.gridLabel')}>
        <div className="corner" aria-hidden="true" />
        {recoveryPhases.map((phase) => (
          <PhaseHead key={phase} phase={phase} />
        ))}
        {lifeDomains.map((domain) => (
          <div key={domain} className="board-row" role="presentation">
            <DomainHead domain={domain} />
            {recoveryPhases.map((phase) => {
              const id = cellId(domain, phase);
              return (
                <Cell
                  key={id}
                  id={id}
                  ids={layout[id]}
                  byId={byId}
                  total={totals[id].length}
                  filtering={shown !== null}
                  onAdd={readOnly ? null : onAdd}
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
