import { describe, expect, it } from 'vitest';
import { defaultPerspectives } from '../../shared/domain.js';
import type { PerspectiveId } from '../../shared/domain.js';
import { attentionSpread } from '../../shared/meetingAttention.js';

const minute = 60_000;
const discussed = (minutes: number, perspectives: PerspectiveId[]) => ({
  usedMs: minutes * minute,
  perspectives,
});

describe('how a meeting’s time spread over the perspectives', () => {
  const cases: {
    name: string;
    cases: ReturnType<typeof discussed>[];
    spread: [PerspectiveId, number, number][];
    dominant: PerspectiveId | null;
  }[] = [
    {
      name: 'a case’s time is split evenly over the perspectives tagged on it',
      cases: [discussed(20, ['patient', 'unemployed'])],
      spread: [
        ['patient', 10, 0.5],
        ['unemployed', 10, 0.5],
      ],
      dominant: null,
    },
    {
      name: 'time adds up over cases',
      cases: [discussed(10, ['patient']), discussed(20, ['patient', 'refugee']), discussed(10, ['refugee'])],
      spread: [
        ['patient', 20, 0.5],
        ['refugee', 20, 0.5],
      ],
      dominant: null,
    },
    {
      name: 'cases without tags or without time spent on them are left out',
      cases: [discussed(30, []), discussed(0, ['refugee']), discussed(6, ['patient', 'unemployed'])],
      spread: [
        ['patient', 3, 0.5],
        ['unemployed', 3, 0.5],
      ],
      dominant: null,
    },
    {
      name: 'listed in the fixed neutral order, never by size',
      cases: [discussed(30, ['ex-detainee']), discussed(5, ['unemployed']), discussed(1, ['patient'])],
      spread: [
        ['patient', 1, 1 / 36],
        ['unemployed', 5, 5 / 36],
        ['ex-detainee', 30, 30 / 36],
      ],
      dominant: 'ex-detainee',
    },
    {
      name: 'custom perspectives come after the defaults, in the order they first appear',
      cases: [discussed(4, ['custom-zus']), discussed(4, ['custom-buurvrouw', 'low-literacy'])],
      spread: [
        ['low-literacy', 2, 0.25],
        ['custom-zus', 4, 0.5],
        ['custom-buurvrouw', 2, 0.25],
      ],
      dominant: null,
    },
    {
      name: 'exactly half of the time is not dominant',
      cases: [discussed(10, ['patient']), discussed(5, ['refugee']), discussed(5, ['unemployed'])],
      spread: [
        ['patient', 10, 0.5],
        ['unemployed', 5, 0.25],
        ['refugee', 5, 0.25],
      ],
      dominant: null,
    },
    {
      name: 'more than half of the time is dominant',
      cases: [discussed(11, ['refugee']), discussed(10, ['patient'])],
      spread: [
        ['patient', 10, 10 / 21],
        ['refugee', 11, 11 / 21],
      ],
      dominant: 'refugee',
    },
    {
      name: 'a single perspective discussed is not called dominant',
      cases: [discussed(15, ['patient'])],
      spread: [['patient', 15, 1]],
      dominant: null,
    },
    {
      name: 'minutes are rounded to one decimal, shares are not',
      cases: [discussed(20, ['patient', 'unemployed', 'refugee'])],
      spread: [
        ['patient', 6.7, 1 / 3],
        ['unemployed', 6.7, 1 / 3],
        ['refugee', 6.7, 1 / 3],
      ],
      dominant: null,
    },
    {
      name: 'a meeting without tagged time has an empty spread',
      cases: [],
      spread: [],
      dominant: null,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = attentionSpread(c.cases, defaultPerspectives);
      expect(result.spread.map((s) => s.perspective)).toEqual(c.spread.map(([p]) => p));
      expect(result.spread.map((s) => s.minutes)).toEqual(c.spread.map(([, minutes]) => minutes));
      result.spread.forEach((s, i) => expect(s.share).toBeCloseTo(c.spread[i]![2], 10));
      expect(result.dominant).toBe(c.dominant);
    });
  }

  for (const [usedMs, minutes] of [
    [100_000, 1.7],
    [90_000, 1.5],
    [2_000, 0],
  ] as const) {
    it(`${usedMs / 1000} seconds show as ${minutes} minutes (tenths of a minute)`, () => {
      const { spread } = attentionSpread([{ usedMs, perspectives: ['patient'] }], defaultPerspectives);
      expect(spread[0]!.minutes).toBe(minutes);
    });
  }
});
