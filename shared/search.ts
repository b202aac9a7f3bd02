/** A name as people search for it: case and accents do not matter (Özlem ~ ozlem, Yılmaz ~ yilmaz). */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase();
}

/**
 * `%term%` for SQL LIKE on a folded key (`… LIKE ? ESCAPE '\\'`): the search folded, its inner
 * spaces single, LIKE's own characters escaped; null for an empty search.
 */
export function foldedLikePattern(q: string | undefined): string | null {
  const folded = foldName(q?.trim().replace(/\s+/g, ' ') ?? '');
  return folded ? `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}
