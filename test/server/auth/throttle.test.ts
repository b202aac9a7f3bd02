import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loginThrottle } from '../../../server/auth/throttle.js';
import type { LoginThrottle, SignInAttempt } from '../../../server/auth/throttle.js';
import { openDatabase } from '../../../server/db/database.js';
import type { Db } from '../../../server/db/database.js';
import { sqliteData } from '../../../server/storage/sqlite.js';

/**
 * The sign-in throttle (SPEC AS1–AS3) on its own, with the default limits. rate-limiter-flexible
 * reads Date.now(), so the tests move that clock (vi.setSystemTime) instead of sleeping.
 */
let db: Db;
let throttle: LoginThrottle;
beforeEach(() => {
  db = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-throttle-')));
  throttle = loginThrottle(sqliteData(db));
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.parse('2026-03-02T09:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

const stranger = (username = 'anna', address = '192.0.2.10'): SignInAttempt => ({
  username,
  address,
  knownDevice: null,
  knownAddress: false,
});
/** `count` attempts that all fail; returns how many were let through to the password check. */
async function fail(count: number, attempt = stranger()): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < count; i++) if ((await throttle.password(attempt)).allowed) allowed++;
  return allowed;
}
const waitOf = async (attempt: SignInAttempt) => {
  const verdict = await throttle.password(attempt);
  return verdict.allowed ? 0 : verdict.retryAfterSeconds;
};

describe('login throttling', () => {
  const schedule = [
    { failures: 1, wait: 0, why: 'one typo costs nothing' },
    { failures: 9, wait: 0, why: 'nine typos in a row still cost nothing' },
    { failures: 10, wait: 900, why: 'after ten in a row from one address the next try waits 15 minutes' },
    { failures: 40, wait: 900, why: 'more guesses while waiting do not make the wait longer' },
  ];
  for (const { failures, wait, why } of schedule) {
    it(`[AS2] ${why} (${failures} failures → ${wait} s)`, async () => {
      await fail(failures);
      expect(await waitOf(stranger())).toBe(wait);
    });
  }

  it('[AS2] the wait counts down, and after it the user may try again', async () => {
    await fail(11); // the eleventh is refused: the wait starts then
    vi.setSystemTime(Date.now() + 600_000);
    expect(await waitOf(stranger())).toBe(300);
    vi.setSystemTime(Date.now() + 300_000);
    expect(await waitOf(stranger())).toBe(0);
  });

  it('[AS1] counts the username whatever the capitals and spaces', async () => {
    await fail(10, stranger('Anna '));
    expect(await waitOf(stranger('ANNA'))).toBe(900);
  });

  it('[AS1] a success starts the consecutive count again and gives the other counters their point back', async () => {
    await fail(9);
    const verdict = await throttle.password(stranger());
    expect(verdict.allowed).toBe(true);
    if (verdict.allowed) await throttle.succeeded(verdict.ticket);
    expect(await fail(9)).toBe(9);
  });

  it('[AS3] the same account from another address is not slowed by one address’s failures', async () => {
    await fail(30);
    expect(await waitOf(stranger('anna', '198.51.100.7'))).toBe(0);
  });

  it('[AS2] the account’s ceiling: 50 failures a day from strangers, then strangers wait an hour', async () => {
    for (let i = 0; i < 5; i++) expect(await fail(10, stranger('anna', `203.0.113.${i}`))).toBe(10);
    expect(await waitOf(stranger('anna', '203.0.113.99'))).toBe(3600);
    // …but not an address the account signed in from recently, nor a browser that signed in before.
    expect(await waitOf({ ...stranger('anna', '203.0.113.100'), knownAddress: true })).toBe(0);
    expect(await waitOf({ ...stranger('anna', '203.0.113.99'), knownDevice: 'device-token' })).toBe(0);
  });

  it('[AS3] a browser that signed in before has a counter of its own, apart from its address', async () => {
    await fail(30); // the attacker, at the same address as her browser
    const mine = { ...stranger(), knownDevice: 'device-token' };
    expect(await fail(10, mine)).toBe(10);
    expect(await waitOf(mine)).toBe(900); // her own typos still slow her own browser
    expect(await waitOf({ ...stranger(), knownDevice: 'another-browser' })).toBe(0);
  });

  it('[AS2] one address: 100 failures a day over any accounts, then that address waits a day', async () => {
    for (let i = 0; i < 10; i++) expect(await fail(10, stranger(`user${i}`))).toBe(10);
    expect(await waitOf(stranger('someone-new'))).toBe(86_400);
    expect(await waitOf(stranger('someone-new', '203.0.113.5'))).toBe(0);
  });

  it('[AS4] codes of the second step: five wrong ones in a row, then 15 minutes', async () => {
    for (let i = 0; i < 5; i++) expect((await throttle.code('user-1')).allowed).toBe(true);
    const sixth = await throttle.code('user-1');
    expect(sixth.allowed ? 0 : sixth.retryAfterSeconds).toBe(900);
    expect((await throttle.code('user-2')).allowed).toBe(true);
  });

  it('[AS1] an attempt that is refused changes nothing in the counters of the others', async () => {
    await fail(10);
    await fail(100); // all refused at the first counter: the address and the account are not charged
    expect(await waitOf(stranger('bob'))).toBe(0);
    const count = db
      .prepare<[], { points: number }>("SELECT points FROM login_limits WHERE key = 'address:192.0.2.10'")
      .get();
    expect(count?.points).toBe(11);
  });
});
