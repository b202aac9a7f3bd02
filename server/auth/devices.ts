import type { Data } from '../storage/data.js';
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
export function deviceStore(data: Data) {
  const { db } = data;
  const device = (deviceToken: string, userId: string) =>
    db
      .selectFrom('sign_in_devices')
      .select(['signed_in_at as signedInAt', 'two_factor_until as twoFactorUntil'])
      .where('device_hash', '=', hashToken(deviceToken))
      .where('user_id', '=', userId)
      .executeTakeFirst();
  const daysAgo = (days: number, now: number) => new Date(now - days * 86_400_000).toISOString();

  return {
    /** Whether this browser signed in to the account before (recently enough). */
    async knows(deviceToken: string | null, userId: string, now = Date.now()): Promise<boolean> {
      if (!deviceToken) return false;
      const row = await device(deviceToken, userId);
      return !!row && row.signedInAt >= daysAgo(knownForDays, now);
    },
    /** Whether the account signed in from this address in the last weeks. */
    async knowsAddress(address: string, userId: string, now = Date.now()): Promise<boolean> {
      const row = await db
        .selectFrom('sign_in_addresses')
        .select('signed_in_at as signedInAt')
        .where('user_id', '=', userId)
        .where('address_hash', '=', hashToken(address))
        .executeTakeFirst();
      return !!row && row.signedInAt >= daysAgo(addressForDays, now);
    },
    /** Whether this browser may skip the second step for the account (a remembered device). */
    async skipsSecondStep(deviceToken: string | null, userId: string, now = Date.now()): Promise<boolean> {
      if (!deviceToken) return false;
      const until = (await device(deviceToken, userId))?.twoFactorUntil;
      return !!until && until > new Date(now).toISOString();
    },
    /** A full sign-in from this browser and address; `rememberSecondStep` for 30 days. */
    async signedIn(
      deviceToken: string,
      address: string,
      userId: string,
      rememberSecondStep = false,
      now = Date.now(),
    ): Promise<void> {
      const at = new Date(now).toISOString();
      const until = rememberSecondStep
        ? new Date(now + rememberTwoFactorDays * 86_400_000).toISOString()
        : null;
      await db
        .insertInto('sign_in_devices')
        .values({
          device_hash: hashToken(deviceToken),
          user_id: userId,
          signed_in_at: at,
          two_factor_until: until,
        })
        .onConflict((oc) =>
          oc.columns(['device_hash', 'user_id']).doUpdateSet((eb) => ({
            signed_in_at: eb.ref('excluded.signed_in_at'),
            two_factor_until: eb.fn.coalesce(
              eb.ref('excluded.two_factor_until'),
              eb.ref('sign_in_devices.two_factor_until'),
            ),
          })),
        )
        .execute();
      await db
        .insertInto('sign_in_addresses')
        .values({ user_id: userId, address_hash: hashToken(address), signed_in_at: at })
        .onConflict((oc) =>
          oc
            .columns(['user_id', 'address_hash'])
            .doUpdateSet((eb) => ({ signed_in_at: eb.ref('excluded.signed_in_at') })),
        )
        .execute();
      await db
        .deleteFrom('sign_in_addresses')
        .where('signed_in_at', '<', daysAgo(addressForDays, now))
        .execute();
    },
    /** Every browser but this one must pass the second step again (sign out everywhere, a reset). */
    async forgetSecondStep(userId: string, exceptDeviceToken: string | null = null): Promise<void> {
      await db
        .updateTable('sign_in_devices')
        .set({ two_factor_until: null })
        .where('user_id', '=', userId)
        .where('device_hash', '<>', exceptDeviceToken ? hashToken(exceptDeviceToken) : '')
        .execute();
    },
  };
}
export type DeviceStore = ReturnType<typeof deviceStore>;
