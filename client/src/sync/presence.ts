import { useSyncExternalStore, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** What each person on a board shares through awareness (never stored in the document). */
export interface PresenceState {
  user: { id: string; name: string; color: string };
  /** The goal card this person has open, if any. */
  editing: string | null;
}

export interface Peer extends PresenceState {
  clientId: number;
  self: boolean;
}

const palette = ['#1f6feb', '#b3261e', '#0b7a3e', '#8250df', '#bc4c00', '#0a7ea4', '#a3386a', '#5a6b00'];

/** A stable colour per person. */
export function colorFor(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length]!;
}

export function usePeers(awareness: Awareness): Peer[] {
  const cache = useRef<{ key: string; peers: Peer[] }>({ key: '', peers: [] });
  return useSyncExternalStore(
    (notify) => {
      awareness.on('change', notify);
      return () => awareness.off('change', notify);
    },
    () => {
      const peers: Peer[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        const s = state as Partial<PresenceState>;
        if (!s.user) continue;
        peers.push({
          clientId,
          self: clientId === awareness.clientID,
          user: s.user,
          editing: s.editing ?? null,
        });
      }
      peers.sort((a, b) => a.clientId - b.clientId);
      const key = JSON.stringify(peers);
      if (key !== cache.current.key) cache.current = { key, peers };
      return cache.current.peers;
    },
  );
}
