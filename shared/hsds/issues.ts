/**
 * Why HSDS data is refused, in English and Dutch (the admin page is Dutch first), from a zod issue
 * of the schemas here or from a rule of our own model. Shared: the admin page shows these.
 */
import type { z } from 'zod';

export interface ImportRefusal {
  /** The record: 'service "Naam" (id)' or 'organization "Naam" (id)'. */
  record: string;
  /** Where in the file: `services[2].contacts[0].email`. */
  path: string;
  message: string;
  messageNl: string;
}

const formatNames: Record<string, { en: string; nl: string }> = {
  uuid: { en: 'Not a valid UUID', nl: 'Geen geldige UUID' },
  email: { en: 'Not a valid email address', nl: 'Geen geldig e-mailadres' },
  url: { en: 'Not a valid URL', nl: 'Geen geldige URL' },
  date: { en: 'Not a valid date (YYYY-MM-DD)', nl: 'Geen geldige datum (JJJJ-MM-DD)' },
  datetime: { en: 'Not a valid date and time (RFC 3339)', nl: 'Geen geldige datum en tijd (RFC 3339)' },
};

/** Our wording of one zod issue; stable, so the admin page and the tests can rely on it. */
export function describeIssue(issue: z.core.$ZodIssue): { message: string; messageNl: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined)
        return { message: 'Required field is missing', messageNl: 'Verplicht veld ontbreekt' };
      return {
        message: `Wrong type: expected ${issue.expected}`,
        messageNl: `Verkeerd soort waarde: verwacht ${issue.expected}`,
      };
    case 'invalid_format': {
      if (issue.format === 'regex') {
        return { message: `Invalid value (${issue.message})`, messageNl: 'Ongeldige waarde (tijd of dagen)' };
      }
      const names = formatNames[issue.format];
      if (names) return { message: names.en, messageNl: names.nl };
      return { message: `Invalid ${issue.format}`, messageNl: `Ongeldig formaat (${issue.format})` };
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return {
        message: `Unknown value; allowed: ${allowed}`,
        messageNl: `Onbekende waarde; toegestaan: ${allowed}`,
      };
    }
    default:
      return { message: issue.message, messageNl: `Ongeldige waarde (${issue.message})` };
  }
}

/** `services[0]` + ['contacts', 0, 'email'] → `services[0].contacts[0].email`. */
export function joinPath(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    base,
  );
}

/** Names a record by what it has: its name and id, or its place in the file. */
export function recordName(kind: 'service' | 'organization', raw: unknown, fallback: string): string {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const name = typeof value.name === 'string' && value.name.trim() ? `"${value.name}"` : null;
  const id = typeof value.id === 'string' && value.id ? `(${value.id})` : null;
  if (!name && !id) return `${kind} ${fallback}`;
  return [kind, name, id].filter(Boolean).join(' ');
}
