/**
 * The Dutch citizen service number (burgerservicenummer): nine digits that pass the elfproef,
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11 (and not all zeros). People write it with
 * spaces or dots, and an old eight-digit number has a leading zero left off.
 */
export function normaliseBsn(input: string): string | null {
  const digits = input.replace(/[\s.]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return null;
  const bsn = digits.padStart(9, '0');
  return isValidBsn(bsn) ? bsn : null;
}

/** Nine digits passing the elfproef. */
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || /^0+$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(bsn[i]);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

/** The BSN as a screen shows it to the people who may see it: 1234.56.782. */
export const formatBsn = (bsn: string) => `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`;
