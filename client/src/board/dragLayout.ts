import { closestCenter, closestCorners } from '@dnd-kit/core';
import type { Collision, CollisionDetection, UniqueIdentifier } from '@dnd-kit/core';
import { goalsInCell } from '../../../shared/doc/board.js';
import type { Goal } from '../../../shared/doc/board.js';
import { lifeDomains, recoveryPhases } from '../../../shared/domain.js';
import type { LifeDomain, RecoveryPhase } from '../../../shared/domain.js';

/** The board's cells and the order of the cards shown in each, as the grid draws them. */
export type CellId = `${LifeDomain}|${RecoveryPhase}`;
export type Layout = Record<CellId, string[]>;

export const cellId = (domain: LifeDomain, phase: RecoveryPhase): CellId => `${domain}|${phase}`;
export const splitCell = (id: CellId) => id.split('|') as [LifeDomain, RecoveryPhase];

export function layoutOf(goals: Goal[]): Layout {
  const layout = {} as Layout;
  for (const domain of lifeDomains) {
    for (const phase of recoveryPhases) {
      layout[cellId(domain, phase)] = goalsInCell(goals, domain, phase).map((g) => g.id);
    }
  }
  return layout;
}

export function cellOf(layout: Layout, id: UniqueIdentifier): CellId | null {
  if (typeof id === 'string' && id in layout) return id as CellId;
  for (const [cell, ids] of Object.entries(layout)) if (ids.includes(String(id))) return cell as CellId;
  return null;
}

/**
 * With a pointer, the cell under the pointer decides (then the nearest card in it), so a card
 * never jumps while the pointer crosses the gap between cells; the keyboard has no pointer, so
 * there the nearest corners decide.
 *
 * It runs on every move of a drag, so it is kept cheap: only the 25 cells are tested against the
 * pointer (dnd-kit's `pointerWithin` tests every card too, and each side of each rect it reads
 * adds up the scroll offsets again), then only the cards of that one cell by their centres.
 */
export function collisionFor(layout: Layout): CollisionDetection {
  return (args) => {
    const pointer = args.pointerCoordinates;
    if (!pointer) return closestCorners(args);
    const cells = args.droppableContainers.filter((c) => String(c.id) in layout);
    const cell = cells.find((c) => {
      const rect = args.droppableRects.get(c.id);
      if (!rect) return false;
      const { left, top } = rect;
      return (
        pointer.x >= left &&
        pointer.x <= left + rect.width &&
        pointer.y >= top &&
        pointer.y <= top + rect.height
      );
    });
    if (!cell) return []; // between cells: stay where it was shown last
    const ids = new Set(layout[cell.id as CellId]);
    const cards = args.droppableContainers.filter((c) => ids.has(String(c.id)));
    const hit: Collision = { id: cell.id, data: { droppableContainer: cell, value: 0 } };
    return cards.length ? closestCenter({ ...args, droppableContainers: cards }) : [hit];
  };
}
