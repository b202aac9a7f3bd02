import { describe, expect, it } from 'vitest';
import { en } from '../../../client/src/i18n/en.js';
import { nl } from '../../../client/src/i18n/nl.js';
import { ACCESS_EVENTS } from '../../../shared/accessLog.js';

/**
 * The admin's access-log search filters by event and names each line's event: every event the
 * server writes has words in both languages, never a code such as `case-erased`.
 */
describe("the admin's access-log events", () => {
  it.each([
    ['nl', nl],
    ['en', en],
  ])('has words in %s for every event of the log', (_language, texts) => {
    const words = texts.admin.event as Record<string, string>;
    expect(ACCESS_EVENTS.filter((event) => !words[event])).toEqual([]);
  });
});
