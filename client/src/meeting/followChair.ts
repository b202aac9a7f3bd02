import type { Awareness } from 'y-protocols/awareness';
import { useRef, useSyncExternalStore } from 'react';
import type { AgendaItem } from '../../../shared/doc/meeting.js';

/** What the chair shares through awareness: the agenda item on everyone's screen. */
export interface MeetingPresence {
  current: string | null;
}

/**
 * The item the chair is discussing: from the chair's presence (awareness), or, while the chair's
 * screen is not connected, the item whose clock runs in the agenda document.
 */
export function useChairCurrent(awareness: Awareness, chairUserId: string | null, agenda: AgendaItem[]) {
  const last = useRef<{ present: boolean; current: string | null }>({ present: false, current: null });
  const fromPresence = useSyncExternalStore(
    (notify) => {
      awareness.on('change', notify);
      return () => awareness.off('change', notify);
    },
    () => {
      let found: { present: boolean; current: string | null } = { present: false, current: null };
      for (const [clientId, state] of awareness.getStates()) {
        const s = state as { user?: { id: string }; meeting?: MeetingPresence };
        if (clientId === awareness.clientID || !s.user || s.user.id !== chairUserId) continue;
        found = { present: true, current: s.meeting?.current ?? null };
      }
      if (found.present !== last.current.present || found.current !== last.current.current)
        last.current = found;
      return last.current;
    },
  );
  const running = agenda.find((item) => item.startedAt !== null)?.id ?? null;
  return { present: fromPresence.present, current: fromPresence.present ? fromPresence.current : running };
}

/** The chair tells everyone's screen which item is being discussed. */
export function shareCurrent(awareness: Awareness, current: string | null): void {
  awareness.setLocalStateField('meeting', { current } satisfies MeetingPresence);
}
