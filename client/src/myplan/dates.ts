import { locale } from '../i18n/index.js';

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD day or an ISO moment as a Date; a bare day is taken at noon, so no zone moves it. */
const toDate = (iso: string) => new Date(dateOnly.test(iso) ? `${iso}T12:00:00` : iso);

/**
 * A date in full words, "20 januari 2027" (nl) or "20 January 2027" (en): a reader who reads with
 * difficulty, and the voice that reads the plan aloud, get no abbreviations and no numbers to decode.
 */
export function fullDate(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(locale(lng), { day: 'numeric', month: 'long', year: 'numeric' }).format(
    toDate(iso),
  );
}

/** A moment in full words with its time: "20 januari 2027 om 14:05" (nl), "20 January 2027 at 14:05" (en). */
export function fullDateTime(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(locale(lng), { dateStyle: 'long', timeStyle: 'short' }).format(toDate(iso));
}

const isoDay = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
// Day-month-year as the Dutch write it (also English in Europe): 20-1-2027, 20/01/2027, 20.1.2027.
const numericDay = /\b(\d{1,2})([-/.])(\d{1,2})\2(\d{4})\b/g;

/** A day only if it exists (no 31 February), as YYYY-MM-DD. */
function validDay(year: string, month: string, day: string): string | null {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = toDate(iso);
  return date.getMonth() + 1 === Number(month) && date.getDate() === Number(day) ? iso : null;
}

/**
 * Text to be read aloud with every written date in full words, so the voice says "20 januari
 * 2027" where the team typed 2027-01-20 or 20-1-2027. `lang` is the voice's language (nl-NL, en-GB).
 */
export function datesInWords(text: string, lang: string): string {
  return text
    .replace(isoDay, (match, y: string, m: string, d: string) => {
      const day = validDay(y, m, d);
      return day ? fullDate(day, lang) : match;
    })
    .replace(numericDay, (match, d: string, _sep: string, m: string, y: string) => {
      const day = validDay(y, m, d);
      return day ? fullDate(day, lang) : match;
    });
}
