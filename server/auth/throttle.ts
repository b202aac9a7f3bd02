import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Data } from '../storage/data.js';
import { hashToken } from './tokens.js';

/** One counter: `points` attempts per `durationSeconds`; past them, wait `blockSeconds`. */
export interface Limit {
  points: number;
  durationSeconds: number;
  blockSeconds: number;
}

export interface ThrottleLimits {
  /** Consecutive failures of one username from one address, or from one browser that signed in to it before. */
  consecutive: Limit;
  /** Failures from one address, over every account (a practice behind one NAT shares it). */
  addressPerDay: Limit;
  /** Failures for one account from addresses and browsers that never signed in to it (the ceiling). */
  account: Limit;
  /** Consecutive wrong codes in the second step, per account. */
  code: Limit;
  /** Wrong codes per account per day. */
  codePerDay: Limit;
}

const day = 86_400;
/**
 * rate-limiter-flexible's login-protection recipe (consecutive failures per username and address,
 * failures per address per day, a per-account ceiling), with the ceiling applied only to strangers.
 */
export const defaultLimits: ThrottleLimits = {
  consecutive: { points: 10, durationSeconds: 90 * day, blockSeconds: 15 * 60 },
  addressPerDay: { points: 100, durationSeconds: day, blockSeconds: day },
  account: { points: 50, durationSeconds: day, blockSeconds: 60 * 60 },
  code: { points: 5, durationSeconds: day, blockSeconds: 15 * 60 },
  codePerDay: { points: 20, durationSeconds: day, blockSeconds: day },
};

/** Who is trying: a browser that signed in to this account before, or an address it signed in from. */
export interface SignInAttempt {
  username: string;
  address: string;
  /** The `vz_device` cookie when that browser signed in to this account before; else null. */
  knownDevice: string | null;
  /** The account signed in from this address in the last weeks. */
  knownAddress: boolean;
}

/** What an attempt consumed, to give back when it succeeds. */
export interface Ticket {
  consumed: { limiter: RateLimiterAbstract; key: string; consecutive: boolean }[];
}

export type Verdict = { allowed: true; ticket: Ticket } | { allowed: false; retryAfterSeconds: number };

/**
 * Sign-in throttling with rate-limiter-flexible in the database (`login_limits`: its SQLite store
 * on SQLite, its Postgres store on PostgreSQL, so every instance counts the same attempts). Every
 * attempt is counted before the password hash runs, so a burst of parallel requests is throttled
 * exactly like a sequence; a success gives its points back.
 * The library reads `Date.now()` itself: tests move that clock (vi.setSystemTime), never sleep.
 */
export function loginThrottle(data: Data, limits: ThrottleLimits = defaultLimits) {
  const limiter = (keyPrefix: string, limit: Limit): RateLimiterAbstract => {
    const common = {
      // The table is made by the migrations (server/db/migrations 0010, storage migration 0002).
      tableName: 'login_limits',
      tableCreated: true,
      keyPrefix,
      points: limit.points,
      duration: limit.durationSeconds,
      blockDuration: limit.blockSeconds,
    };
    const { client } = data;
    if (client.engine === 'postgres')
      return new RateLimiterPostgres({ ...common, storeClient: client.pool, storeType: 'pool' });
    return new RateLimiterSQLite({ ...common, storeClient: client.connection, storeType: 'better-sqlite3' });
  };
  const consecutive = limiter('pair', limits.consecutive);
  const byAddress = limiter('address', limits.addressPerDay);
  const byAccount = limiter('account', limits.account);
  const byCode = limiter('code', limits.code);
  const byCodePerDay = limiter('code-day', limits.codePerDay);

  /** Consumes one point of each in order; the first that is used up refuses the attempt. */
  async function consume(steps: Ticket['consumed']): Promise<Verdict> {
    for (const step of steps) {
      try {
        await step.limiter.consume(step.key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      }
    }
    return { allowed: true, ticket: { consumed: steps } };
  }

  return {
    /** Counts a password attempt; call before checking the password. */
    password(attempt: SignInAttempt): Promise<Verdict> {
      const user = attempt.username.trim().toLowerCase();
      if (attempt.knownDevice) {
        // A browser that signed in to this account before has a counter of its own: a burst from
        // elsewhere (the same address too) neither locks it out nor counts against it.
        const key = `${user}|device:${hashToken(attempt.knownDevice)}`;
        return consume([{ limiter: consecutive, key, consecutive: true }]);
      }
      return consume([
        { limiter: consecutive, key: `${user}|${attempt.address}`, consecutive: true },
        { limiter: byAddress, key: attempt.address, consecutive: false },
        ...(attempt.knownAddress ? [] : [{ limiter: byAccount, key: user, consecutive: false }]),
      ]);
    },
    /** Counts a code of the second step; call before checking it. */
    code(userId: string): Promise<Verdict> {
      return consume([
        { limiter: byCode, key: userId, consecutive: true },
        { limiter: byCodePerDay, key: userId, consecutive: false },
      ]);
    },
    /** The attempt was right: its consecutive count starts again and the others get their point back. */
    async succeeded(ticket: Ticket): Promise<void> {
      for (const { limiter, key, consecutive: isConsecutive } of ticket.consumed) {
        if (isConsecutive) await limiter.delete(key);
        else await limiter.reward(key, 1);
      }
      await data.db.deleteFrom('login_limits').where('expire', '<', Date.now()).execute();
    },
  };
}
export type LoginThrottle = ReturnType<typeof loginThrottle>;
