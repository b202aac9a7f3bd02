import { useCallback, useState } from 'react';
import type { ActionRow } from '../../../shared/meetingApi.js';
import { putJson } from '../api.js';
import { actionKey, actionPath } from './actionList.js';

/**
 * Marks actions done or open again: the list shows the change at once, saves it, and fetches
 * again afterwards (also after a failure, so the list never shows what the server does not hold).
 */
export function useActionDone(reload: () => Promise<void>, patch: (key: string, done: boolean) => void) {
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  const toggle = useCallback(
    (action: ActionRow, done: boolean) => {
      const key = actionKey(action);
      setError(null);
      setBusy((current) => new Set(current).add(key));
      patch(key, done);
      putJson(actionPath(action), { done })
        .catch((e: Error) => setError(e.message))
        .finally(() => {
          setBusy((current) => {
            const next = new Set(current);
            next.delete(key);
            return next;
          });
          void reload();
        });
    },
    [reload, patch],
  );
  return { toggle, busy, error };
}
