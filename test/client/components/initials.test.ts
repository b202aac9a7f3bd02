import { describe, expect, it } from 'vitest';
import { initialsOf } from '../../../client/src/components/initials.js';

describe('initials on an avatar or in the presence bar', () => {
  it.each([
    { name: 'Sevda Kaya', initials: 'SK' },
    { name: 'Jan de Vries', initials: 'JV' },
    { name: 'Ahmet Yılmaz', initials: 'AY' },
    { name: 'Huisarts', initials: 'H' },
    { name: '  linh   tran ', initials: 'LT' },
    { name: 'Linh (GGZ)', initials: 'L' },
    { name: '', initials: '' },
  ])('$name → $initials', ({ name, initials }) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
