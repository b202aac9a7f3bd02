import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { PresenceUser } from '../../../shared/presence.js';

/**
 * The awareness of the document whose texts are below (a board, a compartment, a meeting case):
 * where each person's caret is in a shared text travels through it, never through the document.
 */
export const CollabPresence = createContext<Awareness | null>(null);

export const useCollabPresence = () => useContext(CollabPresence);

/** A caret in a shared text, as a relative position (it stays put while others type before it). */
interface SharedCaret {
  at: unknown;
}

/**
 * Says where this person's caret is in `text` (null: in no shared text). Only a caret that moved
 * is sent: what others type before it moves its index, not its relative position, so their
 * typing never makes every open field send its caret again.
 */
export function shareCaret(awareness: Awareness, text: Y.Text, index: number | null): void {
  const caret: SharedCaret | null =
    index === null
      ? null
      : { at: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index)) };
  const current = (awareness.getLocalState() as { caret?: SharedCaret | null } | null)?.caret ?? null;
  if (JSON.stringify(current) === JSON.stringify(caret)) return;
  awareness.setLocalStateField('caret', caret);
}

export interface RemoteCaret {
  clientId: number;
  name: string;
  color: string;
  index: number;
}

/** The carets of the others in `text`, by position; re-read when anyone's presence changes. */
export function useRemoteCarets(awareness: Awareness | null, text: Y.Text): RemoteCaret[] {
  const cache = useRef<{ key: string; carets: RemoteCaret[] }>({ key: '', carets: [] });
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!awareness) return () => {};
      awareness.on('change', notify);
      // A caret's index also moves when text before it changes.
      text.observe(notify);
      return () => {
        awareness.off('change', notify);
        text.unobserve(notify);
      };
    },
    [awareness, text],
  );
  return useSyncExternalStore(subscribe, () => {
    const carets: RemoteCaret[] = [];
    if (awareness && text.doc) {
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const s = state as { user?: PresenceUser; caret?: SharedCaret | null };
        if (!s.user || !s.caret) continue;
        let absolute: Y.AbsolutePosition | null;
        try {
          absolute = Y.createAbsolutePositionFromRelativePosition(
            Y.createRelativePositionFromJSON(s.caret.at),
            text.doc,
          );
        } catch {
          continue; // not a position this browser can read: show nothing rather than guess
        }
        if (!absolute || absolute.type !== text) continue;
        carets.push({ clientId, name: s.user.name, color: s.user.color, index: absolute.index });
      }
    }
    carets.sort((a, b) => a.index - b.index || a.clientId - b.clientId);
    const key = JSON.stringify(carets);
    if (key !== cache.current.key) cache.current = { key, carets };
    return cache.current.carets;
  });
}
