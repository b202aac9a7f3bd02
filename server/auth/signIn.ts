import type { Db } from '../db/database.js';
import type { AccountService } from '../services/accounts.js';
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
  db: Db;
  accounts: AccountService;
  throttle: LoginThrottle;
  devices: DeviceStore;
  twoFactor: TwoFactorService;
}) {
  const { db, accounts, throttle, devices, twoFactor } = deps;
  const userByName = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE username = ?');
  const insertChallenge = db.prepare(
    'INSERT INTO sign_in_challenges (token_hash, user_id, expires_at) VALUES (?, ?, ?)',
  );
  const challengeOf = db.prepare<[string, string], { userId: string }>(
    'SELECT user_id AS userId FROM sign_in_challenges WHERE token_hash = ? AND expires_at > ?',
  );
  const removeChallenge = db.prepare('DELETE FROM sign_in_challenges WHERE token_hash = ?');
  const purgeChallenges = db.prepare('DELETE FROM sign_in_challenges WHERE expires_at <= ?');

  /** Counts the attempt, then checks the password: the user id when it is right. */
  async function checkPassword(
    username: string,
    password: string,
    from: Origin,
  ): Promise<
    { kind: 'throttled'; retryAfterSeconds: number } | { kind: 'wrong' } | { kind: 'right'; userId: string }
  > {
    const known = userByName.get(username)?.id ?? null;
    const verdict = await throttle.password({
      username,
      address: from.address,
      knownDevice: known && devices.knows(from.device, known) ? from.device : null,
      knownAddress: !!known && devices.knowsAddress(from.address, known),
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
      if (!twoFactor.isEnabled(userId)) return { kind: 'signed-in', userId, secondFactor: null };
      if (devices.skipsSecondStep(from.device, userId))
        return { kind: 'signed-in', userId, secondFactor: 'remembered-device' };
      const challenge = newToken();
      const now = Date.now();
      purgeChallenges.run(new Date(now).toISOString());
      insertChallenge.run(
        hashToken(challenge),
        userId,
        new Date(now + challengeMinutes * 60_000).toISOString(),
      );
      return { kind: 'code', userId, challenge };
    },

    /** The second step: a code from the authenticator app or a recovery code. */
    async code(challenge: string, code: string): Promise<CodeOutcome> {
      const pending = challengeOf.get(hashToken(challenge), new Date().toISOString());
      if (!pending) return { kind: 'expired' };
      const verdict = await throttle.code(pending.userId);
      if (!verdict.allowed) return { kind: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds };
      const used = twoFactor.verify(pending.userId, code);
      if (!used) return { kind: 'wrong', userId: pending.userId };
      await throttle.succeeded(verdict.ticket);
      removeChallenge.run(hashToken(challenge));
      return { kind: 'signed-in', userId: pending.userId, secondFactor: used };
    },

    /** Remembers this browser and address for the account after a full sign-in. */
    signedIn(userId: string, from: Origin & { device: string }, rememberSecondStep = false): void {
      devices.signedIn(from.device, from.address, userId, rememberSecondStep);
    },
  };
}
export type SignInService = ReturnType<typeof signInService>;
