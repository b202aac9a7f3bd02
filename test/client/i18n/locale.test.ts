import { describe, expect, it } from 'vitest';
import { locale, readableName } from '../../../client/src/i18n/index.js';

describe('the locale of a page language', () => {
  it('reads aloud and formats in nl-NL for Dutch pages and en-GB for English ones', () => {
    expect([locale('nl'), locale('en'), locale('en-GB')]).toEqual(['nl-NL', 'en-GB', 'en-GB']);
  });
});

describe('a name the server made with a date in it', () => {
  it('shows the date as people write it, never as YYYY-MM-DD', () => {
    expect(readableName('Casusoverleg Molenwijk (2026-11-10)', 'nl')).toBe(
      'Casusoverleg Molenwijk (10 nov 2026)',
    );
    expect(readableName('Casusoverleg Molenwijk (2026-11-10)', 'en')).toBe(
      'Casusoverleg Molenwijk (10 Nov 2026)',
    );
    // A name without a date, or with one elsewhere, stays as it is.
    expect(readableName('Voor de verhuizing', 'nl')).toBe('Voor de verhuizing');
  });
});
