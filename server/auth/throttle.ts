import type { Db } from '../db/database.js';

/**
 * Slows down password guessing without locking a real user out for long: after 5 failures for an
 * account (20 from one address) each further attempt must wait twice as long as the last, from 1 s
 * up to at most 5 minutes; 15 minutes without failures or one success clears it.
 */
const freeFailures = { user: 5, address: 20 }; // a practice shares one address
const maxWaitMs = 5 * 60_000;
const forgetAfterMs = 15 * 60_000;

export function loginThrottle(db: Db) {
  const select = db.prepare<[string], { failures: number; lastFailureAt: string }>(
    'SELECT failures, last_failure_at AS lastFailureAt FROM login_failures WHERE key = ?',
  );
  const upsert = db.prepare(`INSERT INTO login_failures (key, failures, last_failure_at) VALUES (?, 1, ?)
    ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at`);
  const reset = db.prepare('DELETE FROM login_failures WHERE key = ?');

  const waitFor = (key: string, free: number, now: number): number => {
    const row = select.get(key);
    if (!row) return 0;
    const last = Date.parse(row.lastFailureAt);
    if (now - last > forgetAfterMs) {
      reset.run(key);
      return 0;
    }
    if (row.failures < free) return 0;
    const wait = Math.min(1000 * 2 ** (row.failures - free), maxWaitMs);
    return Math.max(0, last + wait - now);
  };

  return {
    /** Milliseconds to wait before this username from this address may try again. */
    retryAfterMs(username: string, address: string, now = Date.now()): number {
      return Math.max(
        waitFor(`user:${username.toLowerCase()}`, freeFailures.user, now),
        waitFor(`addr:${address}`, freeFailures.address, now),
      );
    },
    failed(username: string, address: string, now = new Date()): void {
      upsert.run(`user:${username.toLowerCase()}`, now.toISOString());
      upsert.run(`addr:${address}`, now.toISOString());
    },
    succeeded(username: string, address: string): void {
      reset.run(`user:${username.toLowerCase()}`);
      reset.run(`addr:${address}`);
    },
  };
}
export type LoginThrottle = ReturnType<typeof loginThrottle>;
