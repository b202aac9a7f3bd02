/**
 * The rule a new password must meet (NIST SP 800-63B): long enough, not too long to type, and
 * not easy to guess: no common or breached-style password, no keyboard row or repeat, not the
 * person's own name. The strength itself is judged by zxcvbn (`shared/passwordStrength.ts`, which
 * carries the dictionaries); this file is what both sides need without them.
 */
export const passwordLength = { min: 12, max: 200 } as const;

/** zxcvbn's score (0–4) a password needs: 3 is "safely unguessable" (about 10^8 guesses). */
export const minPasswordScore = 3;

/** Why a password is refused; the API sends it as `code`, the pages say it in their language. */
export type PasswordProblem = 'password-too-short' | 'password-too-long' | 'password-too-weak';

/** zxcvbn's reasons (its translation keys), which the pages translate. */
export const passwordWarnings = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned',
] as const;
export type PasswordWarning = (typeof passwordWarnings)[number];

export interface PasswordVerdict {
  problem: PasswordProblem | null;
  /** 0 (guessed at once) to 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  /** What makes it easy to guess, when zxcvbn can name it. */
  warning: PasswordWarning | null;
}

/** The words of a person's own name and username, which a password should not lean on. */
export function personalWords(...names: (string | null | undefined)[]): string[] {
  const words = names.flatMap((name) => (name ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u));
  // Also as typed on a keyboard without accents: "Yılmaz" as yilmaz, "Özdemir" as ozdemir.
  const plain = (word: string) =>
    word.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').replace(/ß/g, 'ss');
  return [...new Set(words.flatMap((w) => [w, plain(w)]).filter((w) => w.length >= 3))];
}

/** The verdict on a password from its length and zxcvbn's score and warning. */
export function verdictOf(
  password: string,
  score: PasswordVerdict['score'],
  warning: string | null,
): PasswordVerdict {
  const known = (passwordWarnings as readonly string[]).includes(warning ?? '')
    ? (warning as PasswordWarning)
    : null;
  const length = [...password].length;
  const problem: PasswordProblem | null =
    length < passwordLength.min
      ? 'password-too-short'
      : length > passwordLength.max
        ? 'password-too-long'
        : score < minPasswordScore
          ? 'password-too-weak'
          : null;
  return { problem, score, warning: known };
}
