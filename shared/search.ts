/** A name as people search for it: case and accents do not matter (Özlem ~ ozlem, Yılmaz ~ yilmaz). */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase();
}
