import { useCallback, useEffect, useState } from 'react';
import type { ActionRow } from '../../../shared/meetingApi.js';
import { putJson } from '../api.js';
import { actionKey, actionPath, unsettled } from './actionList.js';
import type { PendingDone } from './actionList.js';

/**
 * Marks actions done or open again. A tick shows at once through `pending` (render the list with
 * `withPending`) until the server's list shows it; that list is fetched again by the page's event
 * stream. After a failure the tick is dropped and the list fetched again, so the page never shows
 * what the server does not hold.
 */
export function useActionDone(actions: readonly ActionRow[] | null, reload: () => void) {
  const [pending, setPending] = useState<PendingDone>(new Map());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  // A fresh list from the server settles the ticks it shows.
  useEffect(() => {
    if (actions) setPending((current) => unsettled(current, actions));
  }, [actions]);

  const toggle = useCallback(
    (action: ActionRow, done: boolean) => {
      const key = actionKey(action);
      setError(null);
      setBusy((current) => new Set(current).add(key));
      setPending((current) => new Map(current).set(key, done));
      putJson(actionPath(action), { done })
        .catch((e: Error) => {
          setError(e.message);
          setPending((current) => {
            const next = new Map(current);
            next.delete(key);
            return next;
          });
          reload();
        })
        .finally(() =>
          setBusy((current) => {
            const next = new Set(current);
            next.delete(key);
            return next;
          }),
        );
    },
    [reload],
  );
  return { toggle, busy, pending, error };
}
