import type { ClientRect, DroppableContainer, UniqueIdentifier } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { cellOf, collisionFor, layoutOf } from '../../../client/src/board/dragLayout.js';

const rect = (left: number, top: number, width: number, height: number): ClientRect => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});

// Two cells side by side, 200 px wide with a 20 px gap; two cards in the first, none in the second.
const layout = { ...layoutOf([]), 'care|treatment': ['a', 'b'] };
const rects = new Map<UniqueIdentifier, ClientRect>([
  ['care|treatment', rect(0, 0, 200, 300)],
  ['care|transition', rect(220, 0, 200, 300)],
  ['a', rect(10, 10, 180, 100)],
  ['b', rect(10, 120, 180, 100)],
]);
const containers = [...rects.keys()].map(
  (id) => ({ id, key: String(id), data: { current: {} }, disabled: false }) as unknown as DroppableContainer,
);
const collide = (pointer: { x: number; y: number } | null, collisionRect = rect(10, 10, 180, 100)) =>
  collisionFor(layout)({
    active: { id: 'a', data: { current: {} }, rect: { current: { initial: null, translated: null } } },
    collisionRect,
    droppableRects: rects,
    droppableContainers: containers,
    pointerCoordinates: pointer,
  }).map((c) => c.id);

describe("the board's collision detection", () => {
  it('with a pointer, takes the cell under it, then the card in that cell nearest to the card carried', () => {
    expect(collide({ x: 100, y: 150 }, rect(10, 130, 180, 100))[0]).toBe('b');
    expect(collide({ x: 100, y: 50 })[0]).toBe('a');
  });

  it('over an empty cell, gives the cell; between cells, nothing (the card stays where it was shown)', () => {
    expect(collide({ x: 300, y: 150 })).toEqual(['care|transition']);
    expect(collide({ x: 210, y: 150 })).toEqual([]);
  });

  it('without a pointer (keyboard), the nearest corners among every place decide', () => {
    expect(collide(null, rect(225, 5, 200, 300))[0]).toBe('care|transition');
  });

  it('finds the cell a card or a cell id belongs to', () => {
    expect(cellOf(layout, 'b')).toBe('care|treatment');
    expect(cellOf(layout, 'care|transition')).toBe('care|transition');
    expect(cellOf(layout, 'nowhere')).toBeNull();
  });
});
