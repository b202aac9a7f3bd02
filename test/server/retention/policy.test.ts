import { describe, expect, it } from 'vitest';
import { dueParts, isLastPart, partOfDocument, periodEnds } from '../../../server/retention/policy.js';
import { parseDocumentName } from '../../../shared/protocol.js';

const periods = { medicalYears: 20, socialYears: 7 };
const closed = (closedAt: string, erased: ('social' | 'medical')[] = []) => ({
  status: 'closed' as const,
  closedAt,
  erased: new Set(erased),
});

describe('[RT1][RT2] when a part of a closed case passed its period', () => {
  it.each([
    ['the day before the social period ends', '2033-03-14T23:59:59Z', []],
    ['the day the social period ends', '2033-03-15T00:00:00Z', ['social']],
    ['the day before the medical period ends', '2046-03-14T12:00:00Z', ['social']],
    ['the day the medical period ends', '2046-03-15T00:00:00Z', ['social', 'medical']],
  ])('%s', (_label, now, expected) => {
    const due = dueParts(closed('2026-03-15T10:00:00Z'), periods, new Date(now));
    expect(due.map((d) => d.part)).toEqual(expected);
  });

  it('an open case is never due, however old', () => {
    expect(
      dueParts({ status: 'open', closedAt: null, erased: new Set() }, periods, new Date('2100-01-01')),
    ).toEqual([]);
  });

  it('an erased part is not listed again', () => {
    const due = dueParts(closed('2000-01-01T00:00:00Z', ['social']), periods, new Date('2030-01-01'));
    expect(due.map((d) => d.part)).toEqual(['medical']);
  });

  it('29 February ends on the 28th', () => {
    expect(periodEnds('2028-02-29T09:00:00Z', 7)).toBe('2035-02-28');
  });

  it('the last part left takes the case with it', () => {
    expect(isLastPart(new Set(), 'social')).toBe(false);
    expect(isLastPart(new Set(['social']), 'medical')).toBe(true);
  });

  it.each([
    ['case:c1:shared', 'social'],
    ['case:c1:social', 'social'],
    ['case:c1:medical', 'medical'],
    ['meeting:m1:case:c1', 'social'],
    ['meeting:m1', null],
  ])('%s follows the %s period', (name, part) => {
    expect(partOfDocument(parseDocumentName(name)!)).toBe(part);
  });
});
