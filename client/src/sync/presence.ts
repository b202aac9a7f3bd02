import { useSyncExternalStore, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '../../../shared/presence.js';

export { colorFor } from '../../../shared/presence.js';

/** What each person on a board shares through awareness (never stored in the document). */
export interface PresenceState {
  user: PresenceUser;
  /** The goal card this person has open, if any. */
  editing: string | null;
}

export interface Peer extends PresenceState {
  clientId: number;
  self: boolean;
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
