import { describe, expect, it } from 'vitest';
import type { FileAccess } from '../../../shared/api.js';
import { groupVisits } from '../../../client/src/myplan/visits.js';

const entry = (
  at: string,
  name: string,
  event = 'api-read',
  role: string | null = 'professional',
): FileAccess => ({
  at: `2026-05-12T${at}:00.000Z`,
  event,
  name,
  role,
});

describe('who looked at my file, as visits', () => {
  it.each([
    { what: 'no entries', entries: [], visits: [] },
    {
      what: 'one person acting several times in a row is one visit, newest time first',
      entries: [
        entry('10:05', 'Youssef', 'document-open'),
        entry('10:04', 'Youssef'),
        entry('10:00', 'Youssef'),
      ],
      visits: [
        { at: '2026-05-12T10:05:00.000Z', name: 'Youssef', events: ['document-open', 'api-read'], count: 3 },
      ],
    },
    {
      what: 'two people on the file at the same time are one visit each',
      entries: [entry('10:05', 'Youssef'), entry('10:04', 'Sevda'), entry('10:03', 'Youssef')],
      visits: [
        { name: 'Youssef', count: 2 },
        { name: 'Sevda', count: 1 },
      ],
    },
    {
      what: 'a visit goes on while the pauses stay short, however long it lasts',
      entries: [entry('11:00', 'Youssef'), entry('10:40', 'Youssef'), entry('10:20', 'Youssef')],
      visits: [{ at: '2026-05-12T11:00:00.000Z', count: 3 }],
    },
    {
      what: 'a long pause starts a new visit',
      entries: [entry('11:00', 'Youssef'), entry('10:00', 'Youssef')],
      visits: [
        { at: '2026-05-12T11:00:00.000Z', count: 1 },
        { at: '2026-05-12T10:00:00.000Z', count: 1 },
      ],
    },
    {
      what: '[H4] someone who changed the plan while they had it open: the change comes first',
      entries: [entry('10:30', 'Youssef', 'document-change'), entry('10:00', 'Youssef', 'document-open')],
      visits: [{ name: 'Youssef', events: ['document-change', 'document-open'], count: 2 }],
    },
    {
      what: 'the same name in another role is another visit',
      entries: [entry('10:05', 'Sam', 'api-read', 'coordinator'), entry('10:04', 'Sam')],
      visits: [{ role: 'coordinator' }, { role: 'professional' }],
    },
  ])('$what', ({ entries, visits }) => {
    const result = groupVisits(entries);
    expect(result).toHaveLength(visits.length);
    visits.forEach((v, i) => expect(result[i]).toMatchObject(v));
  });
});
