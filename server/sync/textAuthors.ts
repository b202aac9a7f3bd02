import * as Y from 'yjs';

interface ItemInternals {
  right: Y.Item | null;
  deleted: boolean;
  content: Y.Item['content'];
  id: Y.ID;
}

/**
 * Who wrote the characters of `text` from `index` on: the text each Yjs client id contributed
 * there, in order. Used to tell each author what a repair cut off (SPEC R2).
 */
export function textAuthorsFrom(text: Y.Text, index: number): Map<number, string> {
  const byClient = new Map<number, string>();
  let position = 0;
  let item = (text as unknown as { _start: ItemInternals | null })._start;
  for (; item; item = item.right as unknown as ItemInternals | null) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    const content = item.content.str;
    const from = Math.max(0, index - position);
    if (from < content.length) {
      const client = item.id.client;
      byClient.set(client, (byClient.get(client) ?? '') + content.slice(from));
    }
    position += content.length;
  }
  return byClient;
}
