import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';
import { passwordLength } from '../../shared/passwordPolicy.js';
import type { PasswordProblem, PasswordWarning } from '../../shared/passwordPolicy.js';
import type * as PasswordStrength from '../../shared/passwordStrength.js';

/**
 * Password hashing with scrypt (memory-hard, in Node's own crypto): 2^15 x 8 blocks of 128 bytes,
 * 32 MiB per hash, so guessing in bulk is expensive. Stored as `scrypt$N$r$p$salt$hash`.
 */
const params = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      keyLength,
      { ...options, maxmem: 128 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = stored?.split('$') ?? [];
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Spend the same time as a real check, so unknown users cannot be told apart by timing.
    await derive(password, Buffer.alloc(16), params);
    return false;
  }
  const [, N, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const reasons: Record<PasswordProblem, string> = {
  'password-too-short': `must be at least ${passwordLength.min} characters`,
  'password-too-long': `must be at most ${passwordLength.max} characters`,
  'password-too-weak': 'is too easy to guess',
};

/**
 * zxcvbn with its word lists (about 13 MB of the server's memory), loaded when the first new
 * password is judged: most of a server's life no one chooses a password.
 */
let loading: Promise<typeof PasswordStrength> | null = null;
const strength = () => (loading ??= import('../../shared/passwordStrength.js'));

/**
 * Why a new password is refused, or null (shared/passwordPolicy.ts): `message` in English,
 * `code` and zxcvbn's `warning` for the pages to say it in the person's language. `names` are
 * the person's own name and username.
 */
export async function passwordProblem(
  password: string,
  names: (string | null | undefined)[] = [],
): Promise<{ code: PasswordProblem; warning: PasswordWarning | null; message: string } | null> {
  const { judgePassword } = await strength();
  const { problem, warning } = judgePassword(password, names);
  if (!problem) return null;
  const why = problem === 'password-too-weak' && warning ? ` (${warning})` : '';
  return { code: problem, warning, message: `${reasons[problem]}${why}` };
}
