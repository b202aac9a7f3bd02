import type { Db } from '../db/database.js';
import { hashToken } from './tokens.js';

/** A browser counts as one that signed in to an account for this long after it last did. */
const knownForDays = 180;
/** An address counts as one the account signs in from for this long after a success from it. */
const addressForDays = 30;
/** A browser may skip the second step of signing in for at most this long (remembered device). */
export const rememberTwoFactorDays = 30;

/**
 * What the sign-in remembers of where an account signed in before: browsers (the `vz_device`
 * cookie, an opaque random token stored hashed) and addresses (hashed). Attempts from them are
 * not held back by the per-account ceiling, so an attacker's failures do not lock the real user out.
 */
export function deviceStore(db: Db) {
  const device = db.prepare<[string, string], { signedInAt: string; twoFactorUntil: string | null }>(
    `SELECT signed_in_at AS signedInAt, two_factor_until AS twoFactorUntil
     FROM sign_in_devices WHERE device_hash = ? AND user_id = ?`,
  );
  const upsertDevice =
    db.prepare(`INSERT INTO sign_in_devices (device_hash, user_id, signed_in_at, two_factor_until)
    VALUES (@device, @user, @at, @until) ON CONFLICT (device_hash, user_id) DO UPDATE SET signed_in_at = excluded.signed_in_at,
    two_factor_until = coalesce(excluded.two_factor_until, two_factor_until)`);
  const forgetTwoFactor = db.prepare(
    'UPDATE sign_in_devices SET two_factor_until = NULL WHERE user_id = ? AND device_hash <> ?',
  );
  const addressRow = db.prepare<[string, string], { signedInAt: string }>(
    'SELECT signed_in_at AS signedInAt FROM sign_in_addresses WHERE user_id = ? AND address_hash = ?',
  );
  const upsertAddress =
    db.prepare(`INSERT INTO sign_in_addresses (user_id, address_hash, signed_in_at) VALUES (?, ?, ?)
    ON CONFLICT (user_id, address_hash) DO UPDATE SET signed_in_at = excluded.signed_in_at`);
  const purge = db.prepare('DELETE FROM sign_in_addresses WHERE signed_in_at < ?');
  const daysAgo = (days: number, now: number) => new Date(now - days * 86_400_000).toISOString();

  return {
    /** Whether this browser signed in to the account before (recently enough). */
    knows(deviceToken: string | null, userId: string, now = Date.now()): boolean {
      if (!deviceToken) return false;
      const row = device.get(hashToken(deviceToken), userId);
      return !!row && row.signedInAt >= daysAgo(knownForDays, now);
    },
    /** Whether the account signed in from this address in the last weeks. */
    knowsAddress(address: string, userId: string, now = Date.now()): boolean {
      const row = addressRow.get(userId, hashToken(address));
      return !!row && row.signedInAt >= daysAgo(addressForDays, now);
    },
    /** Whether this browser may skip the second step for the account (a remembered device). */
    skipsSecondStep(deviceToken: string | null, userId: string, now = Date.now()): boolean {
      if (!deviceToken) return false;
      const until = device.get(hashToken(deviceToken), userId)?.twoFactorUntil;
      return !!until && until > new Date(now).toISOString();
    },
    /** A full sign-in from this browser and address; `rememberSecondStep` for 30 days. */
    signedIn(
      deviceToken: string,
      address: string,
      userId: string,
      rememberSecondStep = false,
      now = Date.now(),
    ) {
      const at = new Date(now).toISOString();
      const until = rememberSecondStep
        ? new Date(now + rememberTwoFactorDays * 86_400_000).toISOString()
        : null;
      upsertDevice.run({ device: hashToken(deviceToken), user: userId, at, until });
      upsertAddress.run(userId, hashToken(address), at);
      purge.run(daysAgo(addressForDays, now));
    },
    /** Every browser but this one must pass the second step again (sign out everywhere, a reset). */
    forgetSecondStep(userId: string, exceptDeviceToken: string | null = null): void {
      forgetTwoFactor.run(userId, exceptDeviceToken ? hashToken(exceptDeviceToken) : '');
    },
  };
}
export type DeviceStore = ReturnType<typeof deviceStore>;
