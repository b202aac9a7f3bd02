import * as Y from 'yjs';

/** Everything one edit produced, as the provider would send it (all its transactions merged). */
export function capture(doc: Y.Doc, edit: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listen = (update: Uint8Array) => updates.push(update);
  doc.on('update', listen);
  edit();
  doc.off('update', listen);
  return Y.mergeUpdates(updates);
}

/** A new document holding everything `doc` holds, as a client is after its first sync. */
export function inSyncWith(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
