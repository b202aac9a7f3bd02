import { foldName } from './search.js';

/**
 * Shared terms of a district (SPEC GL1–GL8): what a word means to the medical side, to the social
 * side, and the meaning both agreed on. Board texts underline the terms they contain (GL5–GL7).
 */
export interface GlossaryTerm {
  id: string;
  districtId: string;
  term: string;
  /** Other forms the administrator adds: irregular plurals, compounds, synonyms (GL6). */
  variants: string[];
  medicalMeaning: string;
  socialMeaning: string;
  sharedMeaning: string;
  /** Ids of related terms of the same district; the relation goes both ways (GL3). */
  related: string[];
  updatedAt: string;
}

/** What the administrator enters for a term (the id, district and time are the server's). */
export type GlossaryFields = Omit<GlossaryTerm, 'id' | 'districtId' | 'updatedAt'>;

/** GET /api/glossary: one district's terms and the districts one may pick. */
export interface GlossaryAnswer {
  districtId: string | null;
  districts: { id: string; name: string }[];
  terms: GlossaryTerm[];
}

/** Where a term stands in a text: UTF-16 offsets into the original text, `end` exclusive. */
export interface TermMatch {
  start: number;
  end: number;
  termId: string;
}

type MatchableTerm = Pick<GlossaryTerm, 'id' | 'term' | 'variants'>;

/** A term's key as the database keeps it unique per district: folded, inner whitespace single. */
export function termKey(term: string): string {
  return foldName(term.trim().replace(/\s+/g, ' '));
}

const apostrophes = ["'", '’'];
const vowel = /[aeiouy]$/;
const consonant = /[bcdfghjklmnpqrstvwxz]$/;

/**
 * The common Dutch plural (and genitive) forms of one folded word (GL6): -s, -'s, -en, -n after
 * -e, -ën after a stressed -ie/-ee, a doubled consonant after a short vowel (terugval →
 * terugvallen), an undoubled long vowel (maan → manen), f→v and s→z (brief → brieven), -heid →
 * -heden. A form that is not Dutch costs nothing: it only matches if someone writes it.
 */
export function dutchPlurals(word: string): string[] {
  const forms = new Set<string>();
  for (const a of apostrophes) forms.add(`${word}${a}s`);
  if (!/[a-z]/.test(word.slice(-1))) return [...forms];
  if (!/s$/.test(word)) forms.add(`${word}s`);
  if (word.endsWith('heid')) forms.add(`${word.slice(0, -4)}heden`);
  if (word.endsWith('e')) {
    forms.add(`${word}n`);
    if (/[ie]e$/.test(word)) forms.add(`${word.slice(0, -1)}een`); // knieën, folded
  } else if (consonant.test(word)) {
    forms.add(`${word}en`);
    // A short vowel keeps short: its consonant doubles (terugval → terugvallen).
    // Not after an unstressed ending (zorgmijder → zorgmijders, not zorgmijderren).
    if (/(^|[^aeiou])[aeiou][bdfgklmnprst]$/.test(word) && !/(er|el|em|en|ig)$/.test(word))
      forms.add(`${word}${word.slice(-1)}en`);
    // A long vowel written twice is written once in an open syllable (maan → manen).
    const undoubled = /([aeou])\1([bcdfgklmnprstvz])$/.test(word) ? word.replace(/(.)(.)$/, '$2') : word;
    if (undoubled !== word) forms.add(`${undoubled}en`);
    if (/f$/.test(undoubled)) forms.add(`${undoubled.slice(0, -1)}ven`);
    if (/s$/.test(undoubled)) forms.add(`${undoubled.slice(0, -1)}zen`);
  } else if (vowel.test(word)) {
    forms.add(`${word}s`);
  }
  return [...forms];
}

/** The forms of a term or variant: itself, and its plurals formed on its last word. */
function formsOf(text: string): { own: string; generated: string[] } {
  const own = termKey(text);
  const at = own.lastIndexOf(' ') + 1;
  // An abbreviation in capitals (POH-GGZ, Wmo is not one) only takes -'s and -s.
  const last = text.trim().split(/\s+/).pop() ?? '';
  const generated =
    last.length > 1 && last === last.toUpperCase() && /\p{Lu}/u.test(last)
      ? [...apostrophes.map((a) => `${own}${a}s`), `${own}s`]
      : dutchPlurals(own.slice(at)).map((f) => own.slice(0, at) + f);
  return { own, generated };
}

/** A folded copy of a text and, per UTF-16 unit of it, the range of the original it came from. */
function foldWithOffsets(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const char of text) {
    const f = foldName(char);
    if (f === '') {
      // A combining mark written apart belongs to the letter before it.
      if (to.length) to[to.length - 1] = i + char.length;
    } else {
      for (let k = 0; k < f.length; k++) {
        from.push(i);
        to.push(i + char.length);
      }
      folded += f;
    }
    i += char.length;
  }
  return { folded, from, to };
}

interface Compiled {
  pattern: RegExp | null;
  termOf: Map<string, string>;
}
const compiledFor = new WeakMap<readonly MatchableTerm[], Compiled>();
const escape = (s: string) => s.replace(/[\^$.*+?()[\]{}|/\\]/g, '\\$&');

function compile(terms: readonly MatchableTerm[]): Compiled {
  const termOf = new Map<string, string>();
  // The forms an administrator wrote come first, so a generated plural never takes another term's word.
  const all = terms.map((t) => ({ id: t.id, forms: [t.term, ...t.variants].map(formsOf) }));
  for (const t of all) for (const f of t.forms) if (f.own && !termOf.has(f.own)) termOf.set(f.own, t.id);
  for (const t of all)
    for (const f of t.forms) for (const g of f.generated) if (!termOf.has(g)) termOf.set(g, t.id);
  if (termOf.size === 0) return { pattern: null, termOf };
  // Longest first: the alternation takes the first that fits, so "sociaal wijkteam" beats "wijkteam".
  const alternatives = [...termOf.keys()]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((f) => escape(f).replace(/ /g, '\\s+'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return { pattern, termOf };
}

/**
 * Where the district's terms occur in a text (GL5–GL7): accents and case do not matter, whole
 * words only (letters and digits are word characters; an apostrophe, a hyphen, a space or a
 * punctuation mark ends a word), common Dutch plurals without listing them, a compound written
 * as one word only when listed as a variant, longest match first and never overlapping, a term
 * of several words across any whitespace. Offsets are into the original text. The compiled
 * pattern is kept per terms array, so a list that stays the same array is compiled once.
 */
export function findTerms(text: string, terms: readonly MatchableTerm[]): TermMatch[] {
  if (!text || terms.length === 0) return [];
  let compiled = compiledFor.get(terms);
  if (!compiled) {
    compiled = compile(terms);
    compiledFor.set(terms, compiled);
  }
  const { pattern, termOf } = compiled;
  if (!pattern) return [];
  const { folded, from, to } = foldWithOffsets(text);
  const matches: TermMatch[] = [];
  for (const m of folded.matchAll(pattern)) {
    const termId = termOf.get(m[0].replace(/\s+/g, ' '));
    if (!termId) continue;
    matches.push({ start: from[m.index]!, end: to[m.index + m[0].length - 1]!, termId });
  }
  return matches;
}

/** A text cut into plain pieces and recognised terms, in order, for a view to render. */
export function splitByTerms(
  text: string,
  matches: readonly TermMatch[],
): ({ text: string; termId?: undefined } | { text: string; termId: string })[] {
  const pieces: ({ text: string; termId?: undefined } | { text: string; termId: string })[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start > at) pieces.push({ text: text.slice(at, m.start) });
    pieces.push({ text: text.slice(m.start, m.end), termId: m.termId });
    at = m.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}
