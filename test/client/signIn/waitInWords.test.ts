import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../client/src/i18n/en.js';
import { nl } from '../../../client/src/i18n/nl.js';
import { waitInWords } from '../../../client/src/signIn/waitInWords.js';

/** The wait after too many sign-in attempts, in words (SPEC AS2), Dutch first. */
const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: 'nl' });
});

describe('how long to wait, in words', () => {
  const rows = [
    { seconds: 1, nl: 'Probeer het over 1 seconde opnieuw.', en: 'Try again in 1 second.' },
    { seconds: 42, nl: 'Probeer het over 42 seconden opnieuw.', en: 'Try again in 42 seconds.' },
    { seconds: 60, nl: 'Probeer het over 1 minuut opnieuw.', en: 'Try again in 1 minute.' },
    { seconds: 61, nl: 'Probeer het over 2 minuten opnieuw.', en: 'Try again in 2 minutes.' },
    { seconds: 900, nl: 'Probeer het over 15 minuten opnieuw.', en: 'Try again in 15 minutes.' },
    { seconds: 3600, nl: 'Probeer het over 1 uur opnieuw.', en: 'Try again in 1 hour.' },
    { seconds: 86_400, nl: 'Probeer het over 24 uur opnieuw.', en: 'Try again in 24 hours.' },
  ];
  for (const row of rows) {
    it(`${row.seconds} s: "${row.nl}" / "${row.en}" (rounded up, never less)`, () => {
      expect(waitInWords(i18n.getFixedT('nl'), row.seconds)).toBe(row.nl);
      expect(waitInWords(i18n.getFixedT('en'), row.seconds)).toBe(row.en);
    });
  }
});
