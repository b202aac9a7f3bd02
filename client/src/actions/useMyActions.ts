import { useCallback, useEffect, useState } from 'react';
import type { ActionRow, ActionsAnswer } from '../../../shared/meetingApi.js';
import { getJson } from '../api.js';
import { actionKey } from './actionList.js';

/**
 * The signed-in professional's actions from every meeting, kept current: the server says over
 * Server-Sent Events when one of them changed (in a meeting or on another screen), and we fetch again.
 */
export function useMyActions() {
  const [actions, setActions] = useState<ActionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      getJson<ActionsAnswer>('/api/actions/mine')
        .then((body) => {
          setActions(body.actions);
          setError(null);
        })
        .catch((e: Error) => setError(e.message)),
    [],
  );

  useEffect(() => {
    void load();
    const events = new EventSource('/api/actions/mine/stream');
    events.addEventListener('changed', () => void load());
    // After a lost connection the list is fetched again, so nothing changed meanwhile is missed.
    let connectedBefore = false;
    events.addEventListener('open', () => {
      if (connectedBefore) void load();
      connectedBefore = true;
    });
    return () => events.close();
  }, [load]);

  const patch = useCallback((key: string, done: boolean) => {
    setActions((current) => current?.map((a) => (actionKey(a) === key ? { ...a, done } : a)) ?? null);
  }, []);

  return { actions, error, reload: load, patch };
}
