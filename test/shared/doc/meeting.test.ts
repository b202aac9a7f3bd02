import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  moveAgendaItem,
  readAgenda,
  removeAgendaItem,
  startAgendaItem,
  usedTime,
} from '../../../shared/doc/meeting.js';
import type { AgendaItem } from '../../../shared/doc/meeting.js';
import { meetingJsonSchema } from '../../../shared/doc/meetingShape.js';

const item = (caseId: string, overrides: Partial<Parameters<typeof addAgendaItem>[1]> = {}) => ({
  caseId,
  alias: `${caseId.toUpperCase()}. 1980`,
  question: `Hoe verder met ${caseId}?`,
  slotMinutes: 15,
  addedAt: '2026-03-10T09:00:00.000Z',
  ...overrides,
});

/** An agenda with the given cases, added in that order. */
function agendaWith(...caseIds: string[]): Y.Doc {
  const doc = new Y.Doc();
  for (const id of caseIds) addAgendaItem(doc, item(id));
  return doc;
}

const ids = (doc: Y.Doc) => readAgenda(doc).map((i) => i.id);
const line = (doc: Y.Doc, id: string) => readAgenda(doc).find((i) => i.id === id)!;

/** Exchanges everything two replicas lack, in both directions. */
function merge(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

const minute = 60_000;

describe('the agenda', () => {
  it('cases put on the agenda show in the order they were added, with their line', () => {
    const doc = agendaWith('a', 'b', 'c');
    expect(ids(doc)).toEqual(['a', 'b', 'c']);
    expect(line(doc, 'b')).toMatchObject({
      alias: 'B. 1980',
      question: 'Hoe verder met b?',
      slotMinutes: 15,
      usedMs: 0,
      startedAt: null,
    });
  });

  it('a case taken off the agenda is gone, the others keep their place', () => {
    const doc = agendaWith('a', 'b', 'c');
    removeAgendaItem(doc, 'b');
    expect(ids(doc)).toEqual(['a', 'c']);
    expect(doc.getMap('cases').has('b')).toBe(false);
    expect(doc.getMap('agenda').has('b')).toBe(false);
  });

  const moves = [
    { moving: 'c', index: 0, order: ['c', 'a', 'b'] },
    { moving: 'a', index: 2, order: ['b', 'c', 'a'] },
    { moving: 'a', index: 1, order: ['b', 'a', 'c'] },
    { moving: 'b', index: 1, order: ['a', 'b', 'c'] },
  ];
  for (const { moving, index, order } of moves) {
    it(`dragging ${moving} to position ${index} shows ${order.join(', ')}`, () => {
      const doc = agendaWith('a', 'b', 'c');
      moveAgendaItem(doc, moving, index);
      expect(ids(doc)).toEqual(order);
    });
  }

  const concurrent = [
    { name: 'different items to different places', anna: ['a', 2], bram: ['d', 0] },
    { name: 'different items to the same place', anna: ['a', 1], bram: ['d', 1] },
    { name: 'the same item to different places', anna: ['b', 0], bram: ['b', 3] },
  ] as const;
  for (const { name, anna: annaMove, bram: bramMove } of concurrent) {
    it(`two attendees dragging ${name} at once end with the same agenda, every case once`, () => {
      const anna = agendaWith('a', 'b', 'c', 'd');
      const bram = new Y.Doc();
      merge(anna, bram);

      moveAgendaItem(anna, annaMove[0], annaMove[1]);
      moveAgendaItem(bram, bramMove[0], bramMove[1]);
      merge(anna, bram);

      expect(ids(anna)).toEqual(ids(bram));
      expect([...ids(anna)].sort()).toEqual(['a', 'b', 'c', 'd']);
    });
  }
});

describe('the chair’s clock', () => {
  it('moving on to the next case adds the time to the case left, and only one case runs', () => {
    const doc = agendaWith('a', 'b');
    startAgendaItem(doc, 'a', 0);
    startAgendaItem(doc, 'b', 4 * minute);
    expect(line(doc, 'a')).toMatchObject({ usedMs: 4 * minute, startedAt: null });
    expect(line(doc, 'b')).toMatchObject({ usedMs: 0, startedAt: 4 * minute });
    expect(
      readAgenda(doc)
        .filter((i) => i.startedAt !== null)
        .map((i) => i.id),
    ).toEqual(['b']);
  });

  it('stopping the clock adds the running stretch and leaves no case running', () => {
    const doc = agendaWith('a', 'b');
    startAgendaItem(doc, 'b', 0);
    startAgendaItem(doc, null, 3 * minute);
    expect(readAgenda(doc).map((i) => [i.id, i.usedMs, i.startedAt])).toEqual([
      ['a', 0, null],
      ['b', 3 * minute, null],
    ]);
  });

  it('starting the running case again does not reset its clock', () => {
    const doc = agendaWith('a');
    startAgendaItem(doc, 'a', 0);
    startAgendaItem(doc, 'a', 2 * minute);
    expect(line(doc, 'a').startedAt).toBe(0);
    expect(usedTime(line(doc, 'a'), 5 * minute)).toBe(5 * minute);
  });

  it('coming back to a case adds to the time it already had', () => {
    const doc = agendaWith('a', 'b');
    startAgendaItem(doc, 'a', 0);
    startAgendaItem(doc, 'b', 5 * minute);
    startAgendaItem(doc, 'a', 7 * minute);
    startAgendaItem(doc, null, 10 * minute);
    expect(line(doc, 'a').usedMs).toBe(8 * minute);
    expect(line(doc, 'b').usedMs).toBe(2 * minute);
  });

  const stretches: { name: string; usedMs: number; startedAt: number | null; now: number; used: number }[] = [
    {
      name: 'a stopped case shows the time it had',
      usedMs: 5_000,
      startedAt: null,
      now: 99_000,
      used: 5_000,
    },
    {
      name: 'a running case counts the running stretch',
      usedMs: 5_000,
      startedAt: 10_000,
      now: 13_000,
      used: 8_000,
    },
    {
      name: 'a clock started later than now (skewed clocks) adds nothing',
      usedMs: 5_000,
      startedAt: 20_000,
      now: 13_000,
      used: 5_000,
    },
  ];
  for (const { name, usedMs, startedAt, now, used } of stretches) {
    it(name, () => {
      const agendaItem: AgendaItem = {
        id: 'a',
        alias: 'A. 1980',
        question: '',
        slotMinutes: 10,
        order: 'a0',
        usedMs,
        startedAt,
      };
      expect(usedTime(agendaItem, now)).toBe(used);
    });
  }
});

describe('the shape of the meeting document', () => {
  it('accepts what adding, moving, timing and removing write', () => {
    const doc = agendaWith('a', 'b', 'c');
    addAgendaItem(doc, item('d', { question: '' }));
    moveAgendaItem(doc, 'c', 0);
    startAgendaItem(doc, 'a', 1_000);
    startAgendaItem(doc, 'b', 61_000);
    removeAgendaItem(doc, 'c');
    expect(meetingJsonSchema.safeParse(doc.toJSON()).error).toBeUndefined();
    startAgendaItem(doc, null, 90_000);
    expect(meetingJsonSchema.safeParse(doc.toJSON()).error).toBeUndefined();
  });

  it('refuses an agenda line with a slot longer than three hours', () => {
    const doc = agendaWith('a');
    doc.getMap<Y.Map<unknown>>('agenda').get('a')!.set('slotMinutes', 181);
    expect(meetingJsonSchema.safeParse(doc.toJSON()).success).toBe(false);
  });
});
