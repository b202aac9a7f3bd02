import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { nl } from './nl.js';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'veelzijdig.language';
/** The locale of a page language (nl-NL or en-GB), for dates and for the voice that reads aloud. */
export const locale = (lng: string) => (lng.startsWith('en') ? 'en-GB' : 'nl-NL');

/** Dutch first, English second; the choice is kept in this browser. */
export function initI18n(): typeof i18next {
  const stored = localStorage.getItem(storageKey);
  const lng: Language = stored === 'en' ? 'en' : 'nl';
  void i18next.use(initReactI18next).init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng,
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function setLanguage(lng: Language): void {
  localStorage.setItem(storageKey, lng);
  document.documentElement.lang = lng;
  void i18next.changeLanguage(lng);
}

/** Formats a YYYY-MM-DD date for the current language. */
export function formatDate(iso: string, lng: string): string {
  const date = new Date(`${iso}T12:00:00`);
  return new Intl.DateTimeFormat(locale(lng), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date);
}

/** Formats an ISO date and time (e.g. from the access log) for the current language. */
export function formatDateTime(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(locale(lng), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A time or a YYYY-MM-DD date (e.g. a meeting planned for a day) for the current language. */
export function formatMoment(iso: string, lng: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso, lng) : formatDateTime(iso, lng);
}

/** "5 minutes ago", "yesterday", up to a week back; older times as a date. */
export function formatRelative(iso: string, lng: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const format = new Intl.RelativeTimeFormat(locale(lng), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return i18next.t('common.justNow', { lng });
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
  return formatMoment(iso, lng);
}
