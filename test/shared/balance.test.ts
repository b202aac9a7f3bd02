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

  it('lists shares in the order of the active perspectives and they add up to one', () => {
    const active: PerspectiveId[] = ['refugee', 'patient', 'unemployed'];
    const balance = perspectiveBalance(
      [goal(['patient', 'unemployed']), goal(['refugee']), goal(['patient'])],
      active,
    );
    expect(balance.shares.map((s) => s.perspective)).toEqual(active);
    expect(balance.shares.map((s) => s.share)).toEqual([0.25, 0.5, 0.25]);
  });

  it('a plan without goals has zero shares and nothing dominant', () => {
    const balance = perspectiveBalance([], ['patient', 'unemployed']);
    expect(balance.shares.map((s) => s.share)).toEqual([0, 0]);
    expect(balance.dominant).toBeNull();
  });
});
