/**
 * Standard letters (SPEC LT1–LT4): templates a district keeps for referrals between the two sides,
 * with merge fields in double braces (`{{cliënt.naam}}`), filled from the referral when it is made
 * and then edited by the referrer before it is sent.
 */

export const letterSides = ['medical', 'social', 'any'] as const;
export type LetterSide = (typeof letterSides)[number];

export interface LetterTemplate {
  id: string;
  districtId: string;
  title: string;
  /** What the letter is for, in one sentence (shown when choosing one). */
  purpose: string;
  fromSide: LetterSide;
  toSide: LetterSide;
  body: string;
  /** The legal basis the letter rests on (e.g. the client's explicit consent, AVG art. 9 lid 2a). */
  legalBasis: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** The merge fields a template may use, and what each is filled with. */
export const mergeFields = {
  'cliënt.naam': "the client's name",
  'cliënt.geboortedatum': "the client's date of birth (in words), or 'onbekend'",
  'verwijzer.naam': "the referrer's name",
  'verwijzer.functie': "the referrer's role",
  'verwijzer.organisatie': "the referrer's organisation",
  'verwijzer.telefoon': "the referrer's phone",
  'verwijzer.email': "the referrer's e-mail",
  'ontvanger.naam': "the receiver's name",
  'ontvanger.functie': "the receiver's role",
  'ontvanger.organisatie': "the receiver's organisation",
  reden: 'the reason for referring',
  vraag: 'the question to the receiver',
  doel: "the goal's title, or 'geen specifiek doel'",
  dienst: "the service's name, or 'geen specifieke dienst'",
  toestemming: 'what the consent shares, or that no information of the other side goes along',
  'toestemming.datum': 'the day the client gave the consent (in words)',
  datum: "today's date (in words)",
} as const;
export type MergeField = keyof typeof mergeFields;

export type MergeValues = Record<MergeField, string>;

const fieldPattern = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The merge fields a template body names that do not exist: refused when a template is saved. */
export function unknownFields(body: string): string[] {
  const known = new Set<string>(Object.keys(mergeFields));
  return [...new Set([...body.matchAll(fieldPattern)].map((m) => m[1]!).filter((f) => !known.has(f)))];
}

/**
 * Fills a template's merge fields. A field without a value stays visible as `[veld]` and is listed
 * in `missing`, so the referrer sees what to fill in by hand before sending.
 */
export function mergeLetter(
  body: string,
  values: Partial<MergeValues>,
): { text: string; missing: MergeField[] } {
  const missing = new Set<MergeField>();
  const text = body.replace(fieldPattern, (whole, name: string) => {
    if (!(name in mergeFields)) return whole;
    const value = values[name as MergeField];
    if (value === undefined || value.trim() === '') {
      missing.add(name as MergeField);
      return `[${name}]`;
    }
    return value;
  });
  return { text, missing: [...missing] };
}
