import type { Db } from './database.js';

/**
 * Durable storage of Yjs documents as a log of updates per document. Each accepted update is
 * appended; compaction replaces a document's log by one merged state in a single transaction.
 */
export interface DocumentStore {
  load(name: string): Uint8Array[];
  /** Appends an accepted update with the user who sent it (null: the server's own edit). */
  append(name: string, update: Uint8Array, userId?: string | null): void;
  /** Replaces every stored update of `name` by `state` (the document's full state). */
  replace(name: string, state: Uint8Array): void;
  count(name: string): number;
}

export function sqliteDocumentStore(db: Db): DocumentStore {
  const select = db.prepare<[string], { data: Buffer }>(
    'SELECT data FROM document_updates WHERE document_name = ? ORDER BY id',
  );
  const insert = db.prepare<[string, Buffer, string | null]>(
    'INSERT INTO document_updates (document_name, data, user_id) VALUES (?, ?, ?)',
  );
  const remove = db.prepare<[string]>('DELETE FROM document_updates WHERE document_name = ?');
  const countRows = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM document_updates WHERE document_name = ?',
  );
  const replace = db.transaction((name: string, state: Uint8Array) => {
    remove.run(name);
    insert.run(name, Buffer.from(state), null);
  });
  const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  return {
    load: (name) => select.all(name).map((row) => new Uint8Array(row.data)),
    append: (name, update, userId = null) => void insert.run(name, toBuffer(update), userId),
    replace: (name, state) => replace(name, state),
    count: (name) => countRows.get(name)?.n ?? 0,
  };
}
