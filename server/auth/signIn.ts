import { sql } from 'kysely';
import type { AccountService } from '../services/accounts.js';
import type { Data } from '../storage/data.js';
import type { DeviceStore } from './devices.js';
import type { LoginThrottle } from './throttle.js';
import { hashToken, newToken } from './tokens.js';
import type { TwoFactorService } from './twoFactor.js';

/** How long a right password waits for the code of the second step. */
const challengeMinutes = 5;

/** Where an attempt comes from: the address and this browser's `vz_device` cookie. */
export interface Origin {
  address: string;
  device: string | null;
}

export type PasswordOutcome =
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'wrong' }
  /** The password was right and the second step is not needed (not set up, or a remembered browser). */
  | { kind: 'signed-in'; userId: string; secondFactor: 'remembered-device' | null }
  /** The password was right; the code of the second step comes next, with this challenge. */
  | { kind: 'code'; userId: string; challenge: string };

export type CodeOutcome =
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'expired' }
  | { kind: 'wrong'; userId: string }
  | { kind: 'signed-in'; userId: string; secondFactor: 'totp' | 'recovery-code' };

/**
 * Signing in, in one or two steps: the throttle counts the attempt before the password hash
 * (or the code check) runs; a right password of an account with two-factor sign-in gets a
 * short-lived challenge for the code, unless this browser is remembered for it.
 */
export function signInService(deps: {
  data: Data;
  accounts: AccountService;
  throttle: LoginThrottle;
  devices: DeviceStore;
  twoFactor: TwoFactorService;
}) {
  const { data, accounts, throttle, devices, twoFactor } = deps;
  const { db } = data;
  // Usernames match whatever the capitals (the SQLite column is COLLATE NOCASE; lower() works on both).
  const userByName = (username: string) =>
    db
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(username)`, '=', sql<string>`lower(${username})`)
      .executeTakeFirst();
  const challengeOf = (challenge: string, now: string) =>
    db
      .selectFrom('sign_in_challenges')
      .select('user_id as userId')
      .where('token_hash', '=', hashToken(challenge))
      .where('expires_at', '>', now)
      .executeTakeFirst();

  /** Counts the attempt, then checks the password: the user id when it is right. */
  async function checkPassword(
    username: string,
    password: string,
    from: Origin,
  ): Promise<
    { kind: 'throttled'; retryAfterSeconds: number } | { kind: 'wrong' } | { kind: 'right'; userId: string }
  > {
    const known = (await userByName(username))?.id ?? null;
    const verdict = await throttle.password({
      username,
      address: from.address,
      knownDevice: known && (await devices.knows(from.device, known)) ? from.device : null,
      knownAddress: !!known && (await devices.knowsAddress(from.address, known)),
    });
    if (!verdict.allowed) return { kind: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds };
    const userId = await accounts.authenticate(username, password);
    if (!userId) return { kind: 'wrong' };
    await throttle.succeeded(verdict.ticket);
    return { kind: 'right', userId };
  }

  return {
    /** The password again, before a change to how one signs in (throttled like signing in). */
    recheckPassword: checkPassword,

    async password(username: string, password: string, from: Origin): Promise<PasswordOutcome> {
      const checked = await checkPassword(username, password, from);
      if (checked.kind !== 'right') return checked;
      const { userId } = checked;
      if (!(await twoFactor.isEnabled(userId))) return { kind: 'signed-in', userId, secondFactor: null };
      if (await devices.skipsSecondStep(from.device, userId))
        return { kind: 'signed-in', userId, secondFactor: 'remembered-device' };
      const challenge = newToken();
      const now = Date.now();
      await db
        .deleteFrom('sign_in_challenges')
        .where('expires_at', '<=', new Date(now).toISOString())
        .execute();
      await db
        .insertInto('sign_in_challenges')
        .values({
          token_hash: hashToken(challenge),
          user_id: userId,
          expires_at: new Date(now + challengeMinutes * 60_000).toISOString(),
        })
        .execute();
      return { kind: 'code', userId, challenge };
    },

    /** The second step: a code from the authenticator app or a recovery code. */
    async code(challenge: string, code: string): Promise<CodeOutcome> {
      const pending = await challengeOf(challenge, new Date().toISOString());
      if (!pending) return { kind: 'expired' };
      const verdict = await throttle.code(pending.userId);
      if (!verdict.allowed) return { kind: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds };
      const used = await twoFactor.verify(pending.userId, code);
      if (!used) return { kind: 'wrong', userId: pending.userId };
      await throttle.succeeded(verdict.ticket);
      await db.deleteFrom('sign_in_challenges').where('token_hash', '=', hashToken(challenge)).execute();
      return { kind: 'signed-in', userId: pending.userId, secondFactor: used };
    },

    /** Remembers this browser and address for the account after a full sign-in. */
    async signedIn(
      userId: string,
      from: Origin & { device: string },
      rememberSecondStep = false,
    ): Promise<void> {
      await devices.signedIn(from.device, from.address, userId, rememberSecondStep);
    },
  };
}
export type SignInService = ReturnType<typeof signInService>;
