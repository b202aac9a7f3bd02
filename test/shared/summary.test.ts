import { describe, expect, it } from 'vitest';
import type { Board, Goal, PerspectiveState, Step } from '../../shared/doc/board.js';
import { lifeDomains } from '../../shared/domain.js';
import type { GoalStatus, LifeDomain, RecoveryPhase } from '../../shared/domain.js';
import { countOverdue, summarizeBoard } from '../../shared/summary.js';
import { goalWith, stepWith } from '../utils/boardData.js';

/**
 * The caseload shows each client's board in one row without loading it: where they are per life
 * domain, what is overdue or stuck, who owns the work and through which lenses the team looks.
 */
const today = '2026-03-31';
let n = 0;
const step = (overrides: Partial<Step> = {}): Step => stepWith({ id: `s${++n}`, ...overrides });
const goal = (overrides: Partial<Goal> = {}): Goal => goalWith({ id: `g${++n}`, ...overrides });
const perspective = (id: PerspectiveState['id'], active: boolean): PerspectiveState => ({
  id,
  active,
  label: null,
  addedAt: null,
  situation: '',
  strengths: '',
  concerns: '',
  leadId: null,
});
const board = (goals: Goal[], perspectives: PerspectiveState[] = []): Board => ({ goals, perspectives });
const inCare = (phase: RecoveryPhase, status: GoalStatus) => goal({ domain: 'care', phase, status });

describe('summarizeBoard: the phase a client is in per life domain', () => {
  const cases: { why: string; goals: Goal[]; phase: RecoveryPhase | null }[] = [
    { why: 'no goals: no phase', goals: [], phase: null },
    {
      why: 'the earliest phase that still has open work',
      goals: [inCare('rebuilding', 'open'), inCare('transition', 'active'), inCare('sustaining', 'open')],
      phase: 'transition',
    },
    {
      why: 'a stalled goal is open work',
      goals: [inCare('treatment', 'stalled'), inCare('rebuilding', 'active')],
      phase: 'treatment',
    },
    {
      why: 'achieved goals in earlier phases do not hold the client back',
      goals: [inCare('treatment', 'achieved'), inCare('rebuilding', 'open')],
      phase: 'rebuilding',
    },
    {
      why: 'open work in an earlier phase wins over achievements later on',
      goals: [inCare('sustaining', 'achieved'), inCare('treatment', 'open')],
      phase: 'treatment',
    },
    {
      why: 'when everything is achieved: the latest phase reached',
      goals: [inCare('transition', 'achieved'), inCare('sustaining', 'achieved')],
      phase: 'sustaining',
    },
    {
      why: 'dropped goals are ignored',
      goals: [inCare('treatment', 'dropped'), inCare('rebuilding', 'achieved')],
      phase: 'rebuilding',
    },
    { why: 'only dropped goals: no phase', goals: [inCare('treatment', 'dropped')], phase: null },
  ];
  for (const { why, goals, phase } of cases) {
    it(why, () => {
      expect(summarizeBoard(board(goals), today).phaseByDomain.care).toBe(phase);
    });
  }

  it('each domain is summarized on its own', () => {
    const summary = summarizeBoard(
      board([
        goal({ domain: 'housing', phase: 'transition' }),
        goal({ domain: 'income', phase: 'sustaining', status: 'achieved' }),
        goal({ domain: 'income', phase: 'rebuilding', status: 'achieved' }),
        goal({ domain: 'work', phase: 'treatment', status: 'dropped' }),
      ]),
      today,
    );
    const expected: Record<LifeDomain, RecoveryPhase | null> = {
      care: null,
      housing: 'transition',
      income: 'sustaining',
      work: null,
    };
    expect(summary.phaseByDomain).toEqual(expected);
  });
});

describe('summarizeBoard: overdue steps are counted from their due dates', () => {
  const cases: { why: string; goals: Goal[]; overdue: number; dueDates: string[] }[] = [
    {
      why: 'a step due yesterday is overdue, one due today is not',
      goals: [goal({ steps: [step({ dueDate: '2026-03-30' }), step({ dueDate: today })] })],
      overdue: 1,
      dueDates: ['2026-03-30', today],
    },
    {
      why: 'a done step is never overdue',
      goals: [goal({ steps: [step({ dueDate: '2026-01-01', done: true })] })],
      overdue: 0,
      dueDates: [],
    },
    {
      why: 'a step without a due date is never overdue',
      goals: [goal({ steps: [step()] })],
      overdue: 0,
      dueDates: [],
    },
    {
      why: 'steps of achieved or dropped goals do not count',
      goals: [
        goal({ status: 'achieved', steps: [step({ dueDate: '2026-01-01' })] }),
        goal({ status: 'dropped', steps: [step({ dueDate: '2026-01-01' })] }),
      ],
      overdue: 0,
      dueDates: [],
    },
    {
      why: 'steps of stalled goals do count, sorted by date over all goals',
      goals: [
        goal({ status: 'stalled', steps: [step({ dueDate: '2026-03-01' })] }),
        goal({ steps: [step({ dueDate: '2026-04-15' }), step({ dueDate: '2026-02-01' })] }),
      ],
      overdue: 2,
      dueDates: ['2026-02-01', '2026-03-01', '2026-04-15'],
    },
  ];
  for (const { why, goals, overdue, dueDates } of cases) {
    it(why, () => {
      const summary = summarizeBoard(board(goals), today);
      expect(summary.overdueSteps).toBe(overdue);
      expect(summary.openStepDueDates).toEqual(dueDates);
    });
  }

  it('the due dates kept in the summary give tomorrow’s overdue count without the board', () => {
    const summary = summarizeBoard(board([goal({ steps: [step({ dueDate: today })] })]), today);
    expect(countOverdue(summary.openStepDueDates, today)).toBe(0);
    expect(countOverdue(summary.openStepDueDates, '2026-04-01')).toBe(1);
  });

  const counts: { dueDates: string[]; on: string; overdue: number }[] = [
    { dueDates: [], on: today, overdue: 0 },
    { dueDates: ['2026-03-30', '2026-03-31', '2026-04-01'], on: today, overdue: 1 },
    { dueDates: ['2025-12-31', '2026-01-01'], on: '2026-01-01', overdue: 1 },
    { dueDates: ['2025-12-31', '2026-01-01'], on: '2027-01-01', overdue: 2 },
  ];
  for (const { dueDates, on, overdue } of counts) {
    it(`countOverdue: ${dueDates.length} due date(s) on ${on} → ${overdue} overdue`, () => {
      expect(countOverdue(dueDates, on)).toBe(overdue);
    });
  }
});

describe('summarizeBoard: who owns the work, what is stuck, which lenses are on', () => {
  it('owners come from open goals and their steps that are not done, each once, sorted', () => {
    const summary = summarizeBoard(
      board([
        goal({
          ownerId: 'p-zz',
          steps: [step({ ownerId: 'p-aa' }), step({ ownerId: 'p-done', done: true })],
        }),
        goal({ ownerId: 'p-aa', status: 'stalled' }),
        goal({ ownerId: 'p-achieved', status: 'achieved', steps: [step({ ownerId: 'p-achieved-step' })] }),
        goal({ ownerId: 'p-dropped', status: 'dropped' }),
        goal({ ownerId: null, steps: [step({ ownerId: 'p-mm' })] }),
      ]),
      today,
    );
    expect(summary.owners).toEqual(['p-aa', 'p-mm', 'p-zz']);
  });

  it('goals per life domain count all but dropped ones, with the achieved ones among them', () => {
    const summary = summarizeBoard(
      board([
        goal({ domain: 'housing', status: 'achieved' }),
        goal({ domain: 'housing', status: 'stalled' }),
        goal({ domain: 'housing', status: 'dropped' }),
        goal({ domain: 'work', status: 'achieved' }),
        goal({ domain: 'care', status: 'active' }),
      ]),
      today,
    );
    expect(summary.goalsByDomain).toEqual({
      care: { goals: 1, achieved: 0 },
      housing: { goals: 2, achieved: 1 },
      income: { goals: 0, achieved: 0 },
      work: { goals: 1, achieved: 1 },
    });
  });

  it('stalled goals are counted; open goals exclude achieved and dropped ones', () => {
    const summary = summarizeBoard(
      board([
        goal({ status: 'stalled' }),
        goal({ status: 'stalled' }),
        goal({ status: 'open' }),
        goal({ status: 'active' }),
        goal({ status: 'achieved' }),
        goal({ status: 'dropped' }),
      ]),
      today,
    );
    expect(summary).toMatchObject({ stalledGoals: 2, openGoals: 4 });
  });

  it('only the perspectives that are switched on are listed, in the board’s order', () => {
    const summary = summarizeBoard(
      board(
        [],
        [
          perspective('patient', true),
          perspective('unemployed', false),
          perspective('refugee', true),
          perspective('custom-mantelzorger', true),
        ],
      ),
      today,
    );
    expect(summary.perspectives).toEqual(['patient', 'refugee', 'custom-mantelzorger']);
  });

  it('an empty board summarizes to nothing to do', () => {
    expect(summarizeBoard(board([]), today)).toEqual({
      phaseByDomain: { care: null, housing: null, income: null, work: null },
      overdueSteps: 0,
      openStepDueDates: [],
      stalledGoals: 0,
      openGoals: 0,
      owners: [],
      perspectives: [],
      goalsByDomain: Object.fromEntries(lifeDomains.map((d) => [d, { goals: 0, achieved: 0 }])),
    });
  });
});
