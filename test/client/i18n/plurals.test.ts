import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../../client/src/i18n/en.js';
import { nl } from '../../../client/src/i18n/nl.js';

/** Words that follow the number (issue 14, item 12: "0 of 1 steps done"). */
describe('counted words on the board', () => {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  it.each([
    ['nl', 1, '0 van 1 stap klaar'],
    ['nl', 3, '0 van 3 stappen klaar'],
    ['en', 1, '0 of 1 step done'],
    ['en', 3, '0 of 3 steps done'],
  ])('%s: a goal with %i step(s) says "%s"', (lng, count, words) => {
    expect(i18n.t('goal.stepsProgress', { lng, done: 0, count })).toBe(words);
  });
});
