import { describe, expect, it } from 'vitest';
import { addMonths, consentPeriodProblem, consentState, defaultValidUntil } from '../../shared/consent.js';

const limits = { defaultMonths: 12, maxMonths: 24 };

describe('[A7] a consent holds through its last day, unless withdrawn', () => {
  // prettier-ignore
  const rows: [validUntil: string, withdrawnAt: string | null, today: string, expected: ReturnType<typeof consentState>][] = [
    ['2026-05-10', null,                       '2026-05-09', 'in-force'],
    ['2026-05-10', null,                       '2026-05-10', 'in-force'],
    ['2026-05-10', null,                       '2026-05-11', 'expired'],
    ['2026-05-10', '2026-05-01T10:00:00.000Z', '2026-05-02', 'withdrawn'],
    ['2026-05-10', '2026-05-01T10:00:00.000Z', '2026-06-01', 'withdrawn'],
  ];
  for (const [validUntil, withdrawnAt, today, expected] of rows) {
    it(`until ${validUntil}${withdrawnAt ? ', withdrawn' : ''}, on ${today}: ${expected}`, () =>
      expect(consentState({ validUntil, withdrawnAt }, today)).toBe(expected));
  }
});

describe('[A7] the period of a consent', () => {
  it('months are calendar months; the end of a short month is its last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-03-10', -3)).toBe('2025-12-10');
    expect(defaultValidUntil('2026-05-10', limits)).toBe('2027-05-10');
  });

  // prettier-ignore
  const rows: [givenOn: string, validUntil: string, problem: RegExp | null, why: string][] = [
    ['2026-05-10', '2027-05-10', null,                    'a year from today is fine'],
    ['2026-05-10', '2028-05-10', null,                    'the maximum is fine'],
    ['2026-05-10', '2028-05-11', /^validUntil: .*24 months/, 'one day past the maximum is not'],
    ['2026-05-11', '2026-06-01', /^givenOn: /,            'the client cannot have given it tomorrow'],
    ['2026-01-01', '2026-05-09', /^validUntil: /,         'a consent that ended already is not recorded'],
    ['2024-01-01', '2026-05-10', /^validUntil: .*24 months/, 'given long ago, it cannot last longer than the maximum from then'],
  ];
  for (const [givenOn, validUntil, problem, why] of rows) {
    it(why, () => {
      const found = consentPeriodProblem(givenOn, validUntil, '2026-05-10', limits);
      if (problem) expect(found).toMatch(problem);
      else expect(found).toBeNull();
    });
  }
});
