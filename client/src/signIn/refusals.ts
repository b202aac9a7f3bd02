import type { TFunction } from 'i18next';
import { ApiRequestError } from '../api.js';
import { passwordLength } from '../../../shared/passwordPolicy.js';
import type { PasswordWarning } from '../../../shared/passwordPolicy.js';
import { waitInWords } from './waitInWords.js';
import '../i18n/nl/access.js';
import '../i18n/nl/signIn.js';

/** The code the server sent beside its message, if any. */
export const codeOf = (error: unknown): string | null =>
  error instanceof ApiRequestError && typeof error.details.code === 'string' ? error.details.code : null;

/** "Wait 15 minutes" for a 429, from its `retryAfterSeconds`; null for other errors. */
export function tooManyInWords(t: TFunction, error: unknown): string | null {
  if (!(error instanceof ApiRequestError) || error.status !== 429) return null;
  const seconds = Number(error.details.retryAfterSeconds) || 60;
  return t('signIn.tooMany', { wait: waitInWords(t, seconds) });
}

/**
 * Any other refusal in whole sentences of the reader's language: the server's own message is
 * English and meant for developers, so only its status (or no answer at all) is read here.
 */
export function refusalInWords(t: TFunction, error: unknown): string {
  const tooMany = tooManyInWords(t, error);
  if (tooMany) return tooMany;
  if (!(error instanceof ApiRequestError)) return t('refusal.unreachable');
  if (error.status >= 500) return t('refusal.serverError');
  if (error.status === 401) return t('refusal.signedOut');
  if (error.status === 403) return t('refusal.forbidden');
  return t('refusal.invalid');
}

/** Why the password step or the code step of signing in was refused. */
export function signInRefusal(t: TFunction, error: unknown): string {
  switch (codeOf(error)) {
    case 'wrong-credentials':
      return t('signIn.wrong');
    case 'wrong-code':
      return t('signIn.code.wrong');
    case 'challenge-expired':
      return t('signIn.code.expired');
  }
  const status = error instanceof ApiRequestError ? error.status : 0;
  // A 400 is a field the form let through: a blank name, a password longer than any, a short code.
  if (status === 400) {
    const field = (error as Error).message.split(':')[0];
    if (field === 'challenge') return t('signIn.code.expired');
    return field === 'code' ? t('signIn.code.wrong') : t('signIn.wrong');
  }
  return refusalInWords(t, error);
}

/** Why zxcvbn finds a password easy to guess, in the reader's words. */
export const warningInWords = (t: TFunction, warning: PasswordWarning | null): string =>
  warning ? t(`passwordStrength.warning.${warning}`) : '';

/** The server's reason a new password was refused, in the reader's language. */
export function passwordError(t: TFunction, error: unknown): string {
  const message = (error as Error).message;
  if (message.startsWith('currentPassword:')) return t('password.wrongCurrent');
  const tooMany = tooManyInWords(t, error);
  if (tooMany) return tooMany;
  switch (codeOf(error)) {
    case 'password-too-short':
      return t('password.tooShort', { count: passwordLength.min });
    case 'password-too-long':
      return t('passwordStrength.tooLong', { count: passwordLength.max });
    case 'password-too-weak': {
      const warning = (error as ApiRequestError).details.warning as PasswordWarning | null;
      return [t('passwordStrength.tooWeak'), warningInWords(t, warning)].filter(Boolean).join(' ');
    }
    default:
      return refusalInWords(t, error);
  }
}
