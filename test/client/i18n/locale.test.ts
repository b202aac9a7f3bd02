import { describe, expect, it } from 'vitest';
import { locale } from '../../../client/src/i18n/index.js';

describe('the locale of a page language', () => {
  it('reads aloud and formats in nl-NL for Dutch pages and en-GB for English ones', () => {
    expect([locale('nl'), locale('en'), locale('en-GB')]).toEqual(['nl-NL', 'en-GB', 'en-GB']);
  });
});
