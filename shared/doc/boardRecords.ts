import * as Y from 'yjs';

/**
 * The low-level pieces of the shared board document that goals and steps both read and write:
 * its top-level maps, typed reads of one field, new texts and new ids.
 */
export type YRecord = Y.Map<unknown>;

/** The board's goals and perspectives, each a map of records by id. */
export const goalsOf = (doc: Y.Doc) => doc.getMap<YRecord>('goals');
export const perspectivesOf = (doc: Y.Doc) => doc.getMap<YRecord>('perspectives');

/** A string field, or null when it holds none. */
export const str = (map: YRecord, key: string): string | null => {
  const v = map.get(key);
  return typeof v === 'string' ? v : null;
};
/** The content of a text field, or '' when it holds none. */
export const textOf = (map: YRecord, key: string): string => {
  const v = map.get(key);
  return v instanceof Y.Text ? v.toString() : '';
};

/** A random 16-character id; getRandomValues also works outside secure contexts. */
export function newId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new co-edited text holding `content`. */
export const textWith = (content: string) => {
  const t = new Y.Text();
  if (content) t.insert(0, content);
  return t;
};

/** The map of one goal; throws when the board has no goal with that id. */
export const goalMap = (doc: Y.Doc, id: string): YRecord => {
  const goal = goalsOf(doc).get(id);
  if (!goal) throw new Error(`no goal with id ${id}`);
  return goal;
};
