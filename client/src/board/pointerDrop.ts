import type { Coordinates } from '@dnd-kit/utilities';
import { insertIndexAt } from './dragLayout.js';
import type { CellId } from './dragLayout.js';

/**
 * The card a card carried by a pointer goes before in `cell` (null: at its end). Reads the
 * layout positions of that cell's own cards only (offsetTop, which a card's animation to its new
 * place does not move), so a pointer drag costs a few reads per move instead of dnd-kit
 * measuring all 100 cards as drop targets when it starts.
 */
export function cardBefore(grid: HTMLElement, cell: CellId, activeId: string, pointer: Coordinates) {
  const node = grid.querySelector(`[data-cell="${cell}"]`);
  if (!node) return null;
  const cards = [...node.querySelectorAll<HTMLElement>('[data-goal-id]')].filter(
    (el) => el.dataset.goalId !== activeId,
  );
  const parent = cards[0]?.offsetParent;
  if (!parent) return null;
  const frame = parent.getBoundingClientRect();
  const y = pointer.y - frame.top - parent.clientTop + parent.scrollTop;
  const index = insertIndexAt(
    cards.map((el) => el.offsetTop + el.offsetHeight / 2),
    y,
  );
  return cards[index]?.dataset.goalId ?? null;
}
