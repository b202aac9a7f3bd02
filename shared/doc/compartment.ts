import * as Y from 'yjs';
import { newId } from './board.js';

/** Typed access to a consent compartment document. */
export interface CompartmentNote {
  id: string;
  text: string;
  authorId: string;
  createdAt: string;
}

export const notesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('notes');

export function readNotes(doc: Y.Doc): CompartmentNote[] {
  return [...notesOf(doc).entries()]
    .map(([id, map]) => ({
      id,
      text: (map.get('text') as Y.Text | undefined)?.toString() ?? '',
      authorId: String(map.get('authorId') ?? ''),
      createdAt: String(map.get('createdAt') ?? ''),
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function addNote(doc: Y.Doc, authorId: string, content = ''): string {
  const id = newId();
  doc.transact(() => {
    const note = new Y.Map<unknown>();
    const t = new Y.Text();
    if (content) t.insert(0, content);
    note.set('text', t);
    note.set('authorId', authorId);
    note.set('createdAt', new Date().toISOString());
    notesOf(doc).set(id, note);
  });
  return id;
}

export function noteText(doc: Y.Doc, id: string): Y.Text {
  const note = notesOf(doc).get(id);
  if (!note) throw new Error(`no note with id ${id}`);
  return note.get('text') as Y.Text;
}

export function deleteNote(doc: Y.Doc, id: string): void {
  notesOf(doc).delete(id);
}
