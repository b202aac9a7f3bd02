/** Short words ending in a full stop that do not end a sentence (Dutch and English). */
const abbreviations = new Set([
  'bijv',
  'bv',
  'o.a',
  'd.w.z',
  'm.b.v',
  'i.v.m',
  'z.s.m',
  'ca',
  'nr',
  'tel',
  'dhr',
  'mevr',
  'mw',
  'dr',
  'drs',
  'mr',
  'mrs',
  'ms',
  'ir',
  'prof',
  'st',
  'e.g',
  'i.e',
  'etc',
  'vs',
  'incl',
  'excl',
  'jan',
  'feb',
  'mrt',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'oct',
  'nov',
  'dec',
]);

/**
 * Splits one line of text into sentences for reading aloud one at a time (so the sentence being
 * read can be highlighted). A sentence ends at `.`, `!`, `?` or `…` followed by a space; common
 * abbreviations ("bijv.", "dr.") and initials ("A. Jansen") do not end one. Whitespace is tidied.
 */
export function splitSentences(line: string): string[] {
  const sentences: string[] = [];
  let current = '';
  const words = line.split(/\s+/).filter(Boolean);
  words.forEach((word, index) => {
    current = current ? `${current} ${word}` : word;
    const next = words[index + 1];
    if (next === undefined || !endsSentence(word, next)) return;
    sentences.push(current);
    current = '';
  });
  if (current) sentences.push(current);
  return sentences;
}

/** Text as lines of sentences: a line break ends a sentence, and stays a line break on screen. */
export const sentenceLines = (text: string): string[][] => text.split(/\r?\n/).map(splitSentences);

function endsSentence(word: string, next: string): boolean {
  // Closing quotes or brackets may follow the mark: «Echt?» or (zie boven.)
  const bare = word.replace(/["'”’»)\]]+$/, '');
  if (/[!?…]$/.test(bare)) return true;
  if (!bare.endsWith('.')) return false;
  const stem = bare.slice(0, -1).replace(/^["'“‘«([]+/, '');
  if (abbreviations.has(stem.toLowerCase())) return false;
  // An initial ("A.") before a capitalised name.
  if (/^\p{Lu}$/u.test(stem) && /^\p{Lu}/u.test(next)) return false;
  return true;
}
