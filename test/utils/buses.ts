import type { Bus } from '../../server/sync/instances/bus.js';
import { newInstanceId } from '../../server/sync/instances/bus.js';

/**
 * Buses in one process that lose messages on purpose: every `dropEvery`-th message to an
 * instance never arrives, as when pub/sub drops a connection for a moment; with `delayMs`
 * every message arrives that much later (a busy network).
 */
export function lossyBuses(count: number, dropEvery: number, delayMs = 0): Bus[] {
  const subscribers = new Map<string, Map<string, Set<(p: Uint8Array) => void>>>();
  let sent = 0;
  return Array.from({ length: count }, () => {
    const instanceId = newInstanceId();
    const mine = new Map<string, Set<(p: Uint8Array) => void>>();
    subscribers.set(instanceId, mine);
    return {
      instanceId,
      publish(topic, payload) {
        for (const [id, topics] of subscribers) {
          if (id === instanceId) continue;
          if (++sent % dropEvery === 0) continue;
          const copy = payload.slice();
          for (const handler of topics.get(topic) ?? []) {
            if (delayMs > 0) setTimeout(() => handler(copy), delayMs);
            else queueMicrotask(() => handler(copy));
          }
        }
      },
      subscribe(topic, handler) {
        const set = mine.get(topic) ?? new Set();
        mine.set(topic, set.add(handler));
        return () => set.delete(handler);
      },
      onReconnect: () => () => undefined,
      close: async () => undefined,
    } satisfies Bus;
  });
}
