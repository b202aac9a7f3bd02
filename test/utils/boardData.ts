import type { Goal, Step } from '../../shared/doc/board.js';

/** A goal as `readBoard` gives it, for pure tests: an open care goal with no steps, unless told otherwise. */
export const goalWith = (overrides: Partial<Goal> = {}): Goal => ({
  id: 'g1',
  title: 'Doel',
  clientWords: '',
  domain: 'care',
  phase: 'treatment',
  order: 'a0',
  status: 'open',
  ownerId: null,
  targetDate: null,
  visibleToClient: false,
  perspectives: [],
  services: [],
  steps: [],
  createdAt: null,
  ...overrides,
});

/** A step as `readBoard` gives it: not done, nobody's, no due date, unless told otherwise. */
export const stepWith = (overrides: Partial<Step> = {}): Step => ({
  id: 's1',
  text: 'Bellen',
  ownerId: null,
  dueDate: null,
  done: false,
  order: 'a0',
  ...overrides,
});
