import { describe, expect, it } from 'vitest';
import { perspectiveBalance } from '../../shared/balance.js';
import type { PerspectiveId } from '../../shared/domain.js';

const goal = (perspectives: PerspectiveId[], status = 'open') => ({ status, perspectives });

describe('perspectiveBalance: no single lens may dominate the plan', () => {
  const cases = [
    {
      name: 'counts, per active perspective, the goals that serve it',
      goals: [goal(['patient']), goal(['patient', 'unemployed']), goal(['refugee'])],
      active: ['patient', 'unemployed', 'refugee'] as PerspectiveId[],
      counts: { patient: 2, unemployed: 1, refugee: 1 },
      dominant: null,
    },
    {
      name: 'dropped goals do not count',
      goals: [goal(['patient'], 'dropped'), goal(['patient'], 'dropped'), goal(['unemployed'])],
      active: ['patient', 'unemployed'] as PerspectiveId[],
      counts: { patient: 0, unemployed: 1 },
      dominant: 'unemployed',
    },
    {
      name: 'achieved and stalled goals still count',
      goals: [goal(['patient'], 'achieved'), goal(['unemployed'], 'stalled')],
      active: ['patient', 'unemployed'] as PerspectiveId[],
      counts: { patient: 1, unemployed: 1 },
      dominant: null,
    },
    {
      name: 'links to perspectives that are switched off are ignored',
      goals: [goal(['patient', 'ex-detainee']), goal(['ex-detainee']), goal(['unemployed'])],
      active: ['patient', 'unemployed'] as PerspectiveId[],
      counts: { patient: 1, unemployed: 1 },
      dominant: null,
    },
    {
      name: 'more than half of the links makes a perspective dominant',
      goals: [goal(['patient']), goal(['patient']), goal(['unemployed'])],
      active: ['patient', 'unemployed'] as PerspectiveId[],
      counts: { patient: 2, unemployed: 1 },
      dominant: 'patient',
    },
    {
      name: 'exactly half is not dominant',
      goals: [goal(['patient']), goal(['unemployed']), goal(['refugee']), goal(['patient'])],
      active: ['patient', 'unemployed', 'refugee'] as PerspectiveId[],
      counts: { patient: 2, unemployed: 1, refugee: 1 },
      dominant: null,
    },
    {
      name: 'a single active perspective is never dominant',
      goals: [goal(['patient']), goal(['patient'])],
      active: ['patient'] as PerspectiveId[],
      counts: { patient: 2 },
      dominant: null,
    },
    {
      name: 'custom perspectives count like the defaults',
      goals: [goal(['custom-mantelzorger']), goal(['custom-mantelzorger']), goal(['patient'])],
      active: ['patient', 'custom-mantelzorger'] as PerspectiveId[],
      counts: { patient: 1, 'custom-mantelzorger': 2 },
      dominant: 'custom-mantelzorger',
    },
  ];
  for (const { name, goals, active, counts, dominant } of cases) {
    it(name, () => {
      const balance = perspectiveBalance(goals, active);
      expect(Object.fromEntries(balance.shares.map((s) => [s.perspective, s.goals]))).toEqual(counts);
      expect(balance.dominant).toBe(dominant);
    });
  }

  it('counts goals, not tags: each share is a part of the goals that count', () => {
    // The board: 12 goals, 8 serve the patient; some serve two perspectives.
    const goals = [
      ...Array.from({ length: 6 }, () => goal(['patient'])),
      goal(['patient', 'unemployed']),
      goal(['patient', 'unemployed']),
      goal(['unemployed']),
      goal(['refugee']),
      goal([]),
      goal([]),
      goal(['patient'], 'dropped'),
    ];
    const balance = perspectiveBalance(goals, ['patient', 'unemployed', 'refugee']);
    expect(balance.total).toBe(12);
    expect(balance.shares.map((s) => [s.perspective, s.goals, Math.round(s.share * 100)])).toEqual([
      ['patient', 8, 67],
      ['unemployed', 3, 25],
      ['refugee', 1, 8],
    ]);
    expect(balance.dominant).toBe('patient');
  });

  it('lists shares in the order of the active perspectives', () => {
    const active: PerspectiveId[] = ['refugee', 'patient', 'unemployed'];
    const balance = perspectiveBalance(
      [goal(['patient', 'unemployed']), goal(['refugee']), goal(['patient'])],
      active,
    );
    expect(balance.shares.map((s) => s.perspective)).toEqual(active);
    expect(balance.shares.map((s) => s.share)).toEqual([1 / 3, 2 / 3, 1 / 3]);
  });

  it('two perspectives that every goal serves are both in balance', () => {
    const balance = perspectiveBalance(
      [goal(['patient', 'unemployed']), goal(['patient', 'unemployed'])],
      ['patient', 'unemployed'],
    );
    expect(balance.shares.map((s) => s.share)).toEqual([1, 1]);
    expect(balance.dominant).toBeNull();
  });

  it('a goal naming a perspective twice counts once', () => {
    const balance = perspectiveBalance([goal(['patient', 'patient'])], ['patient', 'unemployed']);
    expect(balance.shares[0]).toMatchObject({ goals: 1, share: 1 });
  });

  it('a plan without goals has zero shares and nothing dominant', () => {
    const balance = perspectiveBalance([], ['patient', 'unemployed']);
    expect(balance.total).toBe(0);
    expect(balance.shares.map((s) => s.share)).toEqual([0, 0]);
    expect(balance.dominant).toBeNull();
  });
});
