import { describe, expect, it } from 'vitest';
import { AppliedSequence } from '../../../server/sync/extensions/appliedSequence.js';

describe('[D3] the sequence a loaded copy holds every update through', () => {
  it.each([
    { loaded: 0, own: [1, 2, 3], through: 3 },
    { loaded: 4, own: [5, 7], through: 5 }, // 6 went to another instance: stop before it
    { loaded: 4, own: [7, 6, 5], through: 7 }, // resolved out of order, no gap left
    { loaded: 10, own: [3, 10], through: 10 }, // already held
    { loaded: 0, own: [2, 3], through: 0 },
  ])('loaded through $loaded, own appends $own: through $through', ({ loaded, own, through }) => {
    const applied = new AppliedSequence(loaded);
    for (const seq of own) applied.add(seq);
    expect(applied.through).toBe(through);
  });
});
