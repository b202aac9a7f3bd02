import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { waitingDutch } from './dutch.js';
import { nlCore } from './nl/core.js';
import { loadPageTexts } from './pageTexts.js';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'veelzijdig.language';
/** The locale of a page language (nl-NL or en-GB), for dates and for the voice that reads aloud. */
export const locale = (lng: string) => (lng.startsWith('en') ? 'en-GB' : 'nl-NL');

/** English is loaded when someone chooses it: most people read Dutch and never download it. */
async function loaded(lng: Language): Promise<void> {
  if (lng === 'nl') return;
  if (!i18next.hasResourceBundle(lng, 'translation')) {
    const { en } = await import('./en.js');
    i18next.addResourceBundle('en', 'translation', en);
  }
  await loadPageTexts(lng);
}

/** Dutch first, English second; the choice is kept in this browser. Resolves when it can be shown. */
export async function initI18n(): Promise<typeof i18next> {
  const stored = localStorage.getItem(storageKey);
  const lng: Language = stored === 'en' ? 'en' : 'nl';
  await i18next.use(initReactI18next).init({
    // The words around every page; each page's own come with it (./dutch.ts).
    resources: { nl: { translation: { ...nlCore, ...waitingDutch() } } },
    lng: 'nl',
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
  });
  // Without English (offline, say) the page still opens, in Dutch.
  await loaded(lng).then(
    () => i18next.changeLanguage(lng),
    () => undefined,
  );
  document.documentElement.lang = i18next.language;
  return i18next;
}

export function setLanguage(lng: Language): void {
  localStorage.setItem(storageKey, lng);
  void loaded(lng).then(async () => {
    await i18next.changeLanguage(lng);
    document.documentElement.lang = lng;
  });
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

/**
 * A name the server made with a date in it, e.g. a meeting's version "Casusoverleg Molenwijk
 * (2026-11-10)": the date as people write it ("10 nov 2026"), never as YYYY-MM-DD.
 */
export function readableName(name: string, lng: string): string {
  return name.replace(/\((\d{4}-\d{2}-\d{2})\)$/, (_whole, iso: string) => `(${formatDate(iso, lng)})`);
}
