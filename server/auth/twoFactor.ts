import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import type { SessionUser } from '../../shared/api.js';
import type { Db } from '../db/database.js';
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
export function twoFactorService(db: Db, box: SecretBox, issuer = 'Veelzijdig') {
  const row = db.prepare<
    [string],
    {
      secret: string | null;
      pendingSecret: string | null;
      enabledAt: string | null;
      lastTimeStep: number | null;
    }
  >(
    `SELECT secret, pending_secret AS pendingSecret, enabled_at AS enabledAt, last_time_step AS lastTimeStep
     FROM two_factor WHERE user_id = ?`,
  );
  const setPending = db.prepare(`INSERT INTO two_factor (user_id, pending_secret) VALUES (?, ?)
    ON CONFLICT (user_id) DO UPDATE SET pending_secret = excluded.pending_secret`);
  const enable = db.prepare(
    'UPDATE two_factor SET secret = pending_secret, pending_secret = NULL, enabled_at = ?, last_time_step = ? WHERE user_id = ?',
  );
  const useStep = db.prepare(
    'UPDATE two_factor SET last_time_step = ? WHERE user_id = ? AND (last_time_step IS NULL OR last_time_step < ?)',
  );
  const remove = db.prepare('DELETE FROM two_factor WHERE user_id = ?');
  const removeCodes = db.prepare('DELETE FROM recovery_codes WHERE user_id = ?');
  const insertCode = db.prepare(
    'INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)',
  );
  const useCode = db.prepare(
    'UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL',
  );
  const hashCode = (userId: string, code: string) => box.mac(`${userId}:${normalise(code)}`);
  const codesLeft = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL',
  );

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

  const freshRecoveryCodes = (userId: string, now: number): string[] => {
    const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    db.transaction(() => {
      removeCodes.run(userId);
      for (const code of codes) insertCode.run(userId, hashCode(userId, code), new Date(now).toISOString());
    })();
    return codes;
  };

  return {
    status(userId: string): TwoFactorStatus {
      const enabled = !!row.get(userId)?.enabledAt;
      return { enabled, recoveryCodesLeft: enabled ? (codesLeft.get(userId)?.n ?? 0) : 0 };
    },
    isEnabled: (userId: string) => !!row.get(userId)?.enabledAt,
    /** A new secret to set up (the one in use, if any, stays until the new one is confirmed). */
    async begin(userId: string, label: string): Promise<{ secret: string; uri: string; qrCode: string }> {
      const secret = generateSecret();
      setPending.run(userId, box.seal(secret));
      const uri = generateURI({ issuer, label, secret });
      const qrCode = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
      return { secret, uri, qrCode };
    },
    /** Confirms the secret being set up with a code from the app; returns the recovery codes, once. */
    confirm(userId: string, code: string, now = Date.now()): string[] | null {
      const pending = row.get(userId)?.pendingSecret;
      if (!pending) return null;
      const step = matchingStep(pending, code.trim(), null, now);
      if (step === null) return null;
      enable.run(new Date(now).toISOString(), step, userId);
      return freshRecoveryCodes(userId, now);
    },
    /** Checks a code of the second step: a TOTP code (each works once) or an unused recovery code. */
    verify(userId: string, code: string, now = Date.now()): 'totp' | 'recovery-code' | null {
      const current = row.get(userId);
      if (!current?.secret || !current.enabledAt) return null;
      const typed = code.trim().replace(/\s/g, '');
      const step = matchingStep(current.secret, typed, current.lastTimeStep, now);
      if (step !== null) return useStep.run(step, userId, step).changes === 1 ? 'totp' : null;
      if (normalise(typed).length !== 10) return null;
      const used = useCode.run(new Date(now).toISOString(), userId, hashCode(userId, typed));
      return used.changes === 1 ? 'recovery-code' : null;
    },
    /** New recovery codes; the old ones stop working. */
    renewRecoveryCodes: (userId: string, now = Date.now()) => freshRecoveryCodes(userId, now),
    /** Turns two-factor sign-in off for this account (and forgets its secret and codes). */
    disable(userId: string): void {
      db.transaction(() => {
        remove.run(userId);
        removeCodes.run(userId);
      })();
    },
  };
}
export type TwoFactorService = ReturnType<typeof twoFactorService>;

/** The roles that read client data: they must use two-factor sign-in when REQUIRE_2FA is on. */
export const twoFactorRoles: readonly SessionUser['role'][] = ['professional', 'coordinator', 'admin'];
