import { describe, expect, it } from 'vitest';
import { goalAttention, localToday } from '../../shared/attention.js';
import type { Goal, Step } from '../../shared/doc/board.js';
import { goalWith, stepWith } from '../utils/boardData.js';

const today = '2026-03-10';

const step = (overrides: Partial<Step> = {}): Step =>
  stepWith({ text: 'Bel de woningcorporatie', ...overrides });

const goal = (overrides: Partial<Goal> = {}): Goal =>
  goalWith({
    title: 'Weer zelfstandig wonen',
    domain: 'housing',
    phase: 'transition',
    status: 'active',
    ...overrides,
  });

describe('goalAttention: what needs attention at a glance', () => {
  const targets = [
    { name: 'a target date in the past', targetDate: '2026-03-09', status: 'active', overdue: true },
    { name: 'a target date of today', targetDate: today, status: 'active', overdue: false },
    { name: 'a target date in the future', targetDate: '2026-04-01', status: 'open', overdue: false },
    { name: 'no target date', targetDate: null, status: 'open', overdue: false },
    { name: 'a stalled goal past its date', targetDate: '2026-01-01', status: 'stalled', overdue: true },
    { name: 'an achieved goal past its date', targetDate: '2026-01-01', status: 'achieved', overdue: false },
    { name: 'a dropped goal past its date', targetDate: '2026-01-01', status: 'dropped', overdue: false },
  ] as const;
  for (const { name, targetDate, status, overdue } of targets) {
    it(`${name} → ${overdue ? 'overdue' : 'not overdue'}`, () => {
      expect(goalAttention(goal({ targetDate, status }), today).overdue).toBe(overdue);
    });
  }

  it('counts open steps past their due date as overdue, not done ones or undated ones', () => {
    const steps = [
      step({ id: 'late', dueDate: '2026-03-01' }),
      step({ id: 'late-but-done', dueDate: '2026-03-01', done: true }),
      step({ id: 'due-today', dueDate: today }),
      step({ id: 'undated' }),
      step({ id: 'also-late', dueDate: '2025-12-31' }),
    ];
    expect(goalAttention(goal({ steps }), today)).toEqual({
      stalled: false,
      overdue: false,
      overdueSteps: 2,
      stepsDone: 1,
      stepsTotal: 5,
    });
  });

  for (const status of ['achieved', 'dropped'] as const) {
    it(`a goal marked ${status} shows no overdue steps`, () => {
      const steps = [step({ dueDate: '2026-03-01' }), step({ id: 's2', done: true })];
      const attention = goalAttention(goal({ status, steps }), today);
      expect(attention.overdueSteps).toBe(0);
      expect(attention.overdue).toBe(false);
      expect([attention.stepsDone, attention.stepsTotal]).toEqual([1, 2]);
    });
  }

  for (const [status, stalled] of [
    ['stalled', true],
    ['active', false],
    ['open', false],
  ] as const) {
    it(`a goal with status ${status} is ${stalled ? '' : 'not '}marked stalled`, () => {
      expect(goalAttention(goal({ status }), today).stalled).toBe(stalled);
    });
  }

  it('localToday gives the local calendar date as YYYY-MM-DD', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localToday(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });
});
