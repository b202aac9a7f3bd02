import { useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { boardShape } from '../../../../shared/doc/boardShape.js';

export interface Undo {
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
}

/** The board's roots a person edits (the server-only ones are never theirs to undo). */
const editableRoots = Object.entries(boardShape)
  .filter(([, root]) => !('serverOnly' in root && root.serverOnly))
  .map(([name]) => name);

/**
 * Undo and redo of this person's own changes on the board: Yjs's UndoManager tracks only
 * transactions made in this browser (origin null), never what arrives from others or from the
 * browser's own store, so Ctrl+Z never takes back a colleague's work.
 */
export function useUndo(doc: Y.Doc, enabled: boolean): Undo {
  // Made in an effect, not memoised: React may unmount and mount again (StrictMode), and a
  // destroyed manager would silently stop recording.
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  useEffect(() => {
    const created = new Y.UndoManager(
      editableRoots.map((name) => doc.getMap(name)),
      { captureTimeout: 500 },
    );
    setManager(created);
    return () => created.destroy();
  }, [doc]);
  const stacks = useSyncExternalStore(
    (notify) => {
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
      for (const e of events) manager?.on(e, notify);
      return () => {
        for (const e of events) manager?.off(e, notify);
      };
    },
    () => (manager ? `${manager.undoStack.length}/${manager.redoStack.length}` : '0/0'),
  );
  const [undoCount, redoCount] = stacks.split('/').map(Number);
  const undo = () => void (enabled && manager?.undo());
  const redo = () => void (enabled && manager?.redo());

  useEffect(() => {
    if (!enabled || !manager) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      // A plain form field (e.g. an observation being written) keeps the browser's own undo.
      const target = event.target as HTMLElement | null;
      const field = target?.closest('input, textarea, select, [contenteditable]');
      if (field && !field.hasAttribute('data-collab')) return;
      event.preventDefault();
      if (key === 'y' || event.shiftKey) manager.redo();
      else manager.undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, manager]);

  return { canUndo: enabled && undoCount! > 0, canRedo: enabled && redoCount! > 0, undo, redo };
}
