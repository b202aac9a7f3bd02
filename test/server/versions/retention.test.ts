import { describe, expect, it } from 'vitest';
import { versionsToThin } from '../../../server/versions/retention.js';

const now = new Date('2026-12-10T12:00:00.000Z');
const v = (id: number, createdAt: string) => ({ id, createdAt });

describe('automatic versions stay bounded', () => {
  const cases = [
    { name: 'nothing to thin on a new board', autos: [], drop: [] },
    {
      name: 'every version of the last two days stays',
      autos: [
        v(1, '2026-12-10T08:00:00.000Z'),
        v(2, '2026-12-09T08:00:00.000Z'),
        v(3, '2026-12-08T13:00:00.000Z'),
      ],
      drop: [],
    },
    {
      name: 'older ones keep only the latest of each day',
      autos: [
        v(1, '2026-12-01T08:00:00.000Z'),
        v(2, '2026-12-01T09:15:00.000Z'),
        v(3, '2026-12-01T17:40:00.000Z'),
        v(4, '2026-12-02T10:00:00.000Z'),
        v(5, '2026-12-10T11:00:00.000Z'),
      ],
      drop: [1, 2],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(versionsToThin(c.autos, now).sort()).toEqual(c.drop);
    });
  }
});
