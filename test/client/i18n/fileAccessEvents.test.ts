import { describe, expect, it } from 'vitest';
import { en } from '../../../client/src/i18n/en.js';
import { nl } from '../../../client/src/i18n/nl.js';
import { LOOKED_AT_EVENTS } from '../../../server/audit/accessLog.js';

/**
 * "Who looked at my file" (the client's plan and their copy) names every event the server lists
 * there in plain words, in both languages: never a code such as `case-registered`.
 */
describe("the client's 'who looked at my file'", () => {
  it.each([
    ['nl', nl],
    ['en', en],
  ])('has words in %s for every event it lists', (_language, texts) => {
    const words = texts.myPlan.event as Record<string, string>;
    const missing = [...LOOKED_AT_EVENTS, 'listed'].filter((event) => !words[event]);
    expect(missing).toEqual([]);
  });
});
