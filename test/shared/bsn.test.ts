import { describe, expect, it } from 'vitest';
import { formatBsn, isValidBsn, normaliseBsn } from '../../shared/bsn.js';

describe('[CL2] the BSN passes the elfproef', () => {
  it.each([
    ['111222333', '111222333'],
    ['1112.22.333', '111222333'],
    ['111 222 333', '111222333'],
    ['12345672', '012345672'], // an old eight-digit number gets its leading zero back
  ])('%s is accepted as %s', (input, bsn) => expect(normaliseBsn(input)).toBe(bsn));

  it.each(['123456789', '000000000', '11122233', '1112223334', 'abcdefghi', ''])('%s is refused', (input) =>
    expect(normaliseBsn(input)).toBeNull(),
  );

  it('is shown as 1112.22.333', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(formatBsn('111222333')).toBe('1112.22.333');
  });
});
