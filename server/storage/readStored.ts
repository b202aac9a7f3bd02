import * as Y from 'yjs';
import type { DocumentLog } from './documentLog.js';

/**
 * A stored document as it is now, read into a document of its own (every accepted change is
 * stored before it is sent on): copies and exports never load or change a live board.
 */
export async function readStored<T>(
  documents: Pick<DocumentLog, 'load'>,
  name: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const doc = new Y.Doc();
  try {
    for (const { data: update } of await documents.load(name)) Y.applyUpdate(doc, update);
    return read(doc);
  } finally {
    doc.destroy();
  }
}
