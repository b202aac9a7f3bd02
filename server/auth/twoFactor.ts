import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import type { SessionUser } from '../../shared/api.js';
import type { Data, Executor } from '../storage/data.js';
import type { SecretBox } from './secretBox.js';

/** Ten one-time codes for when the phone is lost, like `k7m2p-x9qht`. */
const recoveryCodeCount = 10;
const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i
const period = 30;

const newRecoveryCode = () => {
  const chars = Array.from({ length: 10 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
};
/** Spaces, dashes and capitals do not matter when a code is typed. */
const normalise = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

export interface TwoFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
}

/**
 * Two-factor sign-in with TOTP (otplib, RFC 6238, 30-second codes of 6 digits, one step of clock
 * drift either way) and one-time recovery codes. The secret is encrypted at rest and shown only
 * while it is being set up; recovery codes are stored hashed and shown once. A code works once:
 * the last time step used is kept, and an earlier or equal one is refused.
 */
export function twoFactorService(data: Data, box: SecretBox, issuer = 'Veelzijdig') {
  const { db } = data;
  const row = (userId: string, tx: Executor = db) =>
    tx
      .selectFrom('two_factor')
      .select([
        'secret',
        'pending_secret as pendingSecret',
        'enabled_at as enabledAt',
        'last_time_step as lastTimeStep',
      ])
      .where('user_id', '=', userId)
      .executeTakeFirst();
  const removeCodes = (userId: string, tx: Executor) =>
    tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const hashCode = (userId: string, code: string) => box.mac(`${userId}:${normalise(code)}`);
  const codesLeft = async (userId: string) => {
    const { n } = await db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(n);
  };
  /** Runs in the caller's write when it passes one, else in a write of its own. */
  const inWrite = <T>(tx: Executor | undefined, work: (trx: Executor) => Promise<T>) =>
    tx ? work(tx) : data.write(work);

  /** The time step a TOTP code matches (one step of drift either way), or null. */
  const matchingStep = (sealed: string, code: string, after: number | null, now: number): number | null => {
    if (!/^\d{6}$/.test(code)) return null;
    const result = verifySync({
      secret: box.open(sealed),
      token: code,
      epoch: Math.floor(now / 1000),
      epochTolerance: period,
      ...(after === null ? {} : { afterTimeStep: after }),
    });
    // A TOTP result (strategy totp) carries the time step it matched.
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  };

  const freshRecoveryCodes = async (userId: string, now: number): Promise<string[]> => {
    const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    const createdAt = new Date(now).toISOString();
    await data.write(async (trx) => {
      await removeCodes(userId, trx);
      await trx
        .insertInto('recovery_codes')
        .values(
          codes.map((code) => ({
            user_id: userId,
            code_hash: hashCode(userId, code),
            created_at: createdAt,
          })),
        )
        .execute();
    });
    return codes;
  };

  return {
    async status(userId: string): Promise<TwoFactorStatus> {
      const enabled = !!(await row(userId))?.enabledAt;
      return { enabled, recoveryCodesLeft: enabled ? await codesLeft(userId) : 0 };
    },
    /** Whether two-factor sign-in is on; `tx` inside a caller's write. */
    isEnabled: async (userId: string, tx: Executor = db) => !!(await row(userId, tx))?.enabledAt,
    /** A new secret to set up (the one in use, if any, stays until the new one is confirmed). */
    async begin(userId: string, label: string): Promise<{ secret: string; uri: string; qrCode: string }> {
      const secret = generateSecret();
      await db
        .insertInto('two_factor')
        .values({ user_id: userId, pending_secret: box.seal(secret) })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet((eb) => ({ pending_secret: eb.ref('excluded.pending_secret') })),
        )
        .execute();
      const uri = generateURI({ issuer, label, secret });
      const qrCode = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
      return { secret, uri, qrCode };
    },
    /** Confirms the secret being set up with a code from the app; returns the recovery codes, once. */
    async confirm(userId: string, code: string, now = Date.now()): Promise<string[] | null> {
      const pending = (await row(userId))?.pendingSecret;
      if (!pending) return null;
      const step = matchingStep(pending, code.trim(), null, now);
      if (step === null) return null;
      await db
        .updateTable('two_factor')
        .set((eb) => ({
          secret: eb.ref('pending_secret'),
          pending_secret: null,
          enabled_at: new Date(now).toISOString(),
          last_time_step: step,
        }))
        .where('user_id', '=', userId)
        .execute();
      return freshRecoveryCodes(userId, now);
    },
    /** Checks a code of the second step: a TOTP code (each works once) or an unused recovery code. */
    async verify(userId: string, code: string, now = Date.now()): Promise<'totp' | 'recovery-code' | null> {
      const current = await row(userId);
      if (!current?.secret || !current.enabledAt) return null;
      const typed = code.trim().replace(/\s/g, '');
      const step = matchingStep(current.secret, typed, current.lastTimeStep, now);
      if (step !== null) {
        const used = await db
          .updateTable('two_factor')
          .set({ last_time_step: step })
          .where('user_id', '=', userId)
          .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', step)]))
          .executeTakeFirst();
        return Number(used.numUpdatedRows) === 1 ? 'totp' : null;
      }
      if (normalise(typed).length !== 10) return null;
      const used = await db
        .updateTable('recovery_codes')
        .set({ used_at: new Date(now).toISOString() })
        .where('user_id', '=', userId)
        .where('code_hash', '=', hashCode(userId, typed))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(used.numUpdatedRows) === 1 ? 'recovery-code' : null;
    },
    /** New recovery codes; the old ones stop working. */
    renewRecoveryCodes: (userId: string, now = Date.now()) => freshRecoveryCodes(userId, now),
    /** Turns two-factor sign-in off for this account (and forgets its secret and codes); `tx` inside a caller's write. */
    async disable(userId: string, tx?: Executor): Promise<void> {
      await inWrite(tx, async (trx) => {
        await trx.deleteFrom('two_factor').where('user_id', '=', userId).execute();
        await removeCodes(userId, trx);
      });
    },
  };
}
export type TwoFactorService = ReturnType<typeof twoFactorService>;

/** The roles that read client data: they must use two-factor sign-in when REQUIRE_2FA is on. */
export const twoFactorRoles: readonly SessionUser['role'][] = ['professional', 'coordinator', 'admin'];
