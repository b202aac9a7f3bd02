import { describe, expect, it } from 'vitest';
import { orderKeySchema } from '../../shared/domain.js';
import { compareByOrder, orderKeyAtEnd, planOrder, sortByOrder } from '../../shared/ordering.js';
import type { Ordered } from '../../shared/ordering.js';

/** Applies a plan the way the board does and returns the ids as every screen would show them. */
function shownAfter(items: readonly Ordered[], movingId: string, targetIndex: number) {
  const plan = planOrder(items, movingId, targetIndex);
  const next = items
    .filter((item) => item.id !== movingId)
    .map((item) => ({ id: item.id, order: plan.rekeyed.get(item.id) ?? item.order }));
  next.push({ id: movingId, order: plan.order });
  return { plan, ids: sortByOrder(next).map((item) => item.id) };
}

const list = (...entries: [string, string][]): Ordered[] => entries.map(([id, order]) => ({ id, order }));

const abc = list(['a', 'a0'], ['b', 'a1'], ['c', 'a2']);

describe('planOrder: placing a card in a list', () => {
  const moves = [
    { name: 'a new card at the start', items: abc, moving: 'x', index: 0, shown: ['x', 'a', 'b', 'c'] },
    { name: 'a new card in the middle', items: abc, moving: 'x', index: 1, shown: ['a', 'x', 'b', 'c'] },
    { name: 'a new card at the end', items: abc, moving: 'x', index: 3, shown: ['a', 'b', 'c', 'x'] },
    { name: 'a new card in an empty list', items: [], moving: 'x', index: 0, shown: ['x'] },
    { name: 'the first card moved to the end', items: abc, moving: 'a', index: 2, shown: ['b', 'c', 'a'] },
    { name: 'the last card moved to the start', items: abc, moving: 'c', index: 0, shown: ['c', 'a', 'b'] },
    { name: 'the last card moved to the middle', items: abc, moving: 'c', index: 1, shown: ['a', 'c', 'b'] },
    {
      name: 'an index past the end clamps to the end',
      items: abc,
      moving: 'x',
      index: 99,
      shown: ['a', 'b', 'c', 'x'],
    },
    {
      name: 'a negative index clamps to the start',
      items: abc,
      moving: 'x',
      index: -5,
      shown: ['x', 'a', 'b', 'c'],
    },
  ];
  for (const { name, items, moving, index, shown } of moves) {
    it(`${name}: only the moved card gets a new key`, () => {
      const { plan, ids } = shownAfter(items, moving, index);
      expect(ids).toEqual(shown);
      expect(plan.rekeyed.size).toBe(0);
      expect(orderKeySchema.safeParse(plan.order).success).toBe(true);
    });
  }

  const sharedKeys = [
    {
      name: 'between two cards that share a key',
      items: list(['a', 'a0'], ['b', 'a1'], ['c', 'a1'], ['d', 'a2']),
      index: 2,
      shown: ['a', 'b', 'x', 'c', 'd'],
    },
    {
      name: 'between three cards that all share one key',
      items: list(['p', 'a1'], ['q', 'a1'], ['r', 'a1']),
      index: 1,
      shown: ['p', 'x', 'q', 'r'],
    },
  ];
  for (const { name, items, index, shown } of sharedKeys) {
    it(`a card placed ${name} rekeys the list and keeps everyone’s relative order`, () => {
      const { plan, ids } = shownAfter(items, 'x', index);
      expect(ids).toEqual(shown);
      expect([...plan.rekeyed.keys()].sort()).toEqual(items.map((item) => item.id).sort());
      const keys = [...plan.rekeyed.values(), plan.order];
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(orderKeySchema.safeParse(key).success).toBe(true);
    });
  }

  it('a shared key elsewhere in the list does not force a rekey', () => {
    const items = list(['a', 'a1'], ['b', 'a1'], ['c', 'a2']);
    const { plan, ids } = shownAfter(items, 'x', 3);
    expect(ids).toEqual(['a', 'b', 'c', 'x']);
    expect(plan.rekeyed.size).toBe(0);
  });

  it('orderKeyAtEnd places a new card after every card, whatever order the list is in', () => {
    const items = list(['c', 'a2'], ['a', 'a0'], ['b', 'a1']);
    expect(orderKeyAtEnd(items) > 'a2').toBe(true);
    expect(orderKeyAtEnd([]).length).toBeGreaterThan(0);
  });
});

describe('compareByOrder: every screen shows cards in the same order', () => {
  const pairs = [
    { a: { id: 'z', order: 'a0' }, b: { id: 'a', order: 'a1' }, sign: -1, why: 'the key decides first' },
    { a: { id: 'a', order: 'a2' }, b: { id: 'z', order: 'a1' }, sign: 1, why: 'the key decides first' },
    { a: { id: 'a', order: 'a1' }, b: { id: 'b', order: 'a1' }, sign: -1, why: 'equal keys: by id' },
    { a: { id: 'b', order: 'a1' }, b: { id: 'a', order: 'a1' }, sign: 1, why: 'equal keys: by id' },
    { a: { id: 'a', order: 'a1' }, b: { id: 'a', order: 'a1' }, sign: 0, why: 'the same card' },
  ];
  for (const { a, b, sign, why } of pairs) {
    it(`${a.id}@${a.order} vs ${b.id}@${b.order} → ${sign} (${why})`, () => {
      expect(Math.sign(compareByOrder(a, b))).toBe(sign);
    });
  }

  it('two concurrent inserts with one key sort the same way whichever arrived first', () => {
    const first = [
      { id: 'from-anna', order: 'a1' },
      { id: 'from-bram', order: 'a1' },
    ];
    const second = [...first].reverse();
    expect(sortByOrder(first)).toEqual(sortByOrder(second));
    expect(first[0]!.id).toBe('from-anna'); // sortByOrder leaves its input alone
    expect(second[0]!.id).toBe('from-bram');
  });
});
