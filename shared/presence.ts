/** What each person on a document shares through awareness (never stored in the document). */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

const palette = ['#1f6feb', '#b3261e', '#0b7a3e', '#8250df', '#bc4c00', '#0a7ea4', '#a3386a', '#5a6b00'];

/** A stable colour per person, the same on every screen. */
export function colorFor(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length]!;
}
