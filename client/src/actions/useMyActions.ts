import type { ActionsAnswer } from '../../../shared/meetingApi.js';
import { useApi } from '../useApi.js';
import { useEventStream } from '../useEventStream.js';

/**
 * The signed-in professional's actions from every meeting, kept current: the server says over
 * Server-Sent Events when one of them changed (in a meeting or on another screen), and we fetch again.
 */
export function useMyActions() {
  const { data, error, reload } = useApi<ActionsAnswer>('/api/actions/mine');
  // After a lost connection the list is fetched again, so nothing changed meanwhile is missed.
  useEventStream('/api/actions/mine/stream', { changed: reload }, reload);
  return { actions: data?.actions ?? null, error, reload };
}
