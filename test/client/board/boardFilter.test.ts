import { describe, expect, it } from 'vitest';
import type { Goal } from '../../../shared/doc/board.js';
import {
  indexAmongAll,
  isFiltering,
  matchesFilter,
  noFilter,
} from '../../../client/src/board/layout/boardFilter.js';
import { goalWith, stepWith } from '../../utils/boardData.js';

const goal = (over: Partial<Goal>): Goal => goalWith({ id: 'g', visibleToClient: true, ...over });

describe('the board filter', () => {
  const today = '2026-12-02';
  it('matches by owner (or nobody), status, perspective and overdue steps together', () => {
    const mine = goal({ ownerId: 'p1', status: 'active', perspectives: ['patient'] });
    const late = goal({ steps: [stepWith({ dueDate: '2026-12-01' })] });
    const doneLate = goal({ steps: [stepWith({ done: true, dueDate: '2026-12-01' })] });
    expect(isFiltering(noFilter)).toBe(false);
    expect(matchesFilter(mine, { ...noFilter, owner: 'p1' }, today)).toBe(true);
    expect(matchesFilter(mine, { ...noFilter, owner: 'p2' }, today)).toBe(false);
    expect(matchesFilter(mine, { ...noFilter, owner: 'none' }, today)).toBe(false);
    expect(matchesFilter(late, { ...noFilter, owner: 'none' }, today)).toBe(true);
    expect(matchesFilter(mine, { ...noFilter, owner: 'p1', status: 'stalled' }, today)).toBe(false);
    expect(matchesFilter(mine, { ...noFilter, perspective: 'patient' }, today)).toBe(true);
    expect(matchesFilter(mine, { ...noFilter, perspective: 'refugee' }, today)).toBe(false);
    expect(matchesFilter(late, { ...noFilter, overdueOnly: true }, today)).toBe(true);
    expect(matchesFilter(doneLate, { ...noFilter, overdueOnly: true }, today)).toBe(false);
    // Due today is not late yet.
    expect(
      matchesFilter(
        goal({ steps: [{ ...late.steps[0]!, dueDate: today }] }),
        { ...noFilter, overdueOnly: true },
        today,
      ),
    ).toBe(false);
  });

  it('a card dropped among the shown ones keeps the hidden cards in their places', () => {
    // The cell holds a, b, c, d; b and d are hidden; the moving card m is dropped between a and c.
    expect(indexAmongAll(['a', 'b', 'c', 'd'], ['a', 'm', 'c'], 'm')).toBe(1);
    // First among the shown: right before the first shown card (after the hidden b).
    expect(indexAmongAll(['b', 'a', 'c'], ['m', 'a', 'c'], 'm')).toBe(1);
    // Last: right after the last shown card, before the hidden one after it.
    expect(indexAmongAll(['a', 'c', 'd'], ['a', 'c', 'm'], 'm')).toBe(2);
    // Alone in a cell whose cards are all hidden: first.
    expect(indexAmongAll(['b', 'd'], ['m'], 'm')).toBe(0);
  });
});
