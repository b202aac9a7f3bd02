import { useCallback, useEffect, useState } from 'react';
import type { ConsentsAnswer } from '../../../shared/api.js';
import { getJson } from '../api.js';
import { useEventStream } from '../useEventStream.js';

/**
 * A case's consents, kept live: read once, then again whenever the server says one was recorded,
 * withdrawn or ended (the `…/stream` next to `path`), and after a lost stream came back.
 * `onChanged` runs after each change the stream announced (e.g. to read the case's access again).
 */
export function useConsents<T extends ConsentsAnswer>(path: string, onChanged?: () => void) {
  const [answer, setAnswer] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    getJson<T>(path)
      .then((body) => {
        setAnswer(body);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [path]);
  useEffect(load, [load]);
  useEventStream(
    `${path}/stream`,
    {
      changed: () => {
        load();
        onChanged?.();
      },
    },
    load,
  );
  return { answer, error, reload: load };
}
