import type { TFunction } from 'i18next';
import '../i18n/nl/signIn.js';

/** "Probeer het over 15 minuten opnieuw": a wait of some seconds in the reader's words, rounded up. */
export function waitInWords(t: TFunction, seconds: number): string {
  if (seconds < 60) return t('signIn.wait.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  if (seconds < 3600) return t('signIn.wait.minutes', { count: Math.ceil(seconds / 60) });
  return t('signIn.wait.hours', { count: Math.ceil(seconds / 3600) });
}
