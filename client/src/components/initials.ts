/**
 * The first letters of someone's first and last name, e.g. "SK" for Sevda Kaya and "JV" for Jan
 * de Vries; words that do not start with a letter ("(GGZ)", "-") are skipped.
 */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
