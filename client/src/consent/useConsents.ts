import { useQueryClient } from '@tanstack/react-query';
import type { ConsentsAnswer } from '../../../shared/api.js';
import { useApi } from '../useApi.js';
import { useEventStream } from '../useEventStream.js';

/**
 * A case's consents, kept live: read through the shared cache (useApi), and read again wherever
 * they are shown whenever the server says one was recorded, withdrawn or ended (the `…/stream`
 * next to `path`), and after a lost stream came back. `onChanged` runs after each change the
 * stream announced (e.g. to read the case's access again).
 */
export function useConsents<T extends ConsentsAnswer>(path: string, onChanged?: () => void) {
  const client = useQueryClient();
  const { data, error, reload } = useApi<T>(path);
  useEventStream(
    `${path}/stream`,
    {
      changed: () => {
        void client.invalidateQueries({ queryKey: [path] });
        onChanged?.();
      },
    },
    reload,
  );
  return { answer: data, error, reload };
}
