import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginThrottle } from '../../../server/auth/throttle.js';
import type { LoginThrottle } from '../../../server/auth/throttle.js';
import { openDatabase } from '../../../server/db/database.js';
import type { Db } from '../../../server/db/database.js';

/**
 * Login throttling slows guessing without locking a real user out for long. The clock is passed
 * in, so "after the wait" needs no sleeping.
 */
let db: Db;
let throttle: LoginThrottle;
beforeEach(() => {
  db = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-throttle-')));
  throttle = loginThrottle(db);
});
afterEach(() => db.close());

const t0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(t0 + ms);
const address = '192.0.2.10';
/** `count` failures for `username`, one second apart from t0; returns when the last one was. */
function fail(count: number, username = 'anna', from = address): number {
  for (let i = 0; i < count; i++) throttle.failed(username, from, at(i * 1000));
  return (count - 1) * 1000;
}

describe('login throttling', () => {
  const schedule = [
    { failures: 1, wait: 0, why: 'one typo costs nothing' },
    { failures: 4, wait: 0, why: 'four failures still cost nothing' },
    { failures: 5, wait: 1_000, why: 'after five failures the next try waits one second' },
    { failures: 6, wait: 2_000, why: 'each further failure doubles the wait' },
    { failures: 8, wait: 8_000, why: 'three more: eight seconds' },
    { failures: 14, wait: 300_000, why: 'the wait never exceeds five minutes' },
    { failures: 40, wait: 300_000, why: 'however many guesses came before' },
  ];
  for (const { failures, wait, why } of schedule) {
    it(`${why} (${failures} failures → ${wait / 1000} s)`, () => {
      const last = fail(failures);
      expect(throttle.retryAfterMs('anna', address, t0 + last)).toBe(wait);
    });
  }

  it('lets the real user try again once the wait is over', () => {
    const last = fail(6);
    expect(throttle.retryAfterMs('anna', address, t0 + last + 1_999)).toBe(1);
    expect(throttle.retryAfterMs('anna', address, t0 + last + 2_000)).toBe(0);
  });

  it('counts the user whatever the capitals, from any address', () => {
    const last = fail(5, 'Anna', '198.51.100.1');
    expect(throttle.retryAfterMs('ANNA', address, t0 + last)).toBe(1_000);
  });

  it('forgets failures after 15 quiet minutes', () => {
    const last = fail(6);
    const later = t0 + last + 15 * 60_000 + 1;
    expect(throttle.retryAfterMs('anna', address, later)).toBe(0);
    throttle.failed('anna', address, new Date(later));
    expect(throttle.retryAfterMs('anna', address, later)).toBe(0); // counting starts again
  });

  it('a successful sign-in clears the count', () => {
    const last = fail(7);
    throttle.succeeded('anna', address);
    expect(throttle.retryAfterMs('anna', address, t0 + last)).toBe(0);
  });

  it('one address guessing many usernames is slowed after 20 failures; other addresses are not', () => {
    for (let i = 0; i < 20; i++) throttle.failed(`user${i}`, address, at(i));
    expect(throttle.retryAfterMs('someone-new', address, t0 + 19)).toBe(1_000);
    expect(throttle.retryAfterMs('someone-new', '203.0.113.5', t0 + 19)).toBe(0);
  });
});
