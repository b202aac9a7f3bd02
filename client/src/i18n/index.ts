import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { nl } from './nl.js';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'veelzijdig.language';

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
  return new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date);
}

/** Formats an ISO date and time (e.g. from the access log) for the current language. */
export function formatDateTime(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}
