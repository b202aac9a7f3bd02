import type { EventEmitter } from 'node:events';
import type { Bus } from './bus.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface ShareOptions {
  /**
   * For events that only say "this changed" (a document, read again by the listener): the same
   * event reaches the other instances at most once per this many ms, and once more after a
   * burst. Default 0: every event is sent.
   */
  coalesceMs?: number;
}

/**
 * Makes an in-process emitter of the live streams (notifications, consents, meeting actions,
 * the client's plan) fire on every instance (SPEC SI4): what is emitted here is emitted here
 * and published; what another instance emitted is emitted here. Arguments travel as JSON, so
 * they must be plain values (ids, and a notification as stored). The
 * listeners read current state from the database, so a message the bus loses costs at most a
 * late list, and the next change or reload brings it.
 */
export function shareEvents(
  emitter: EventEmitter,
  bus: Bus,
  topic: string,
  options: ShareOptions = {},
): () => void {
  const emitHere = emitter.emit.bind(emitter);
  const publish = (message: string) => bus.publish(`events:${topic}`, encoder.encode(message));
  // The same event with the same arguments again within `coalesceMs`: one more message at the
  // end of that time, however many there were.
  const windows = new Map<string, { again: boolean; timer: NodeJS.Timeout }>();
  const send = (message: string) => {
    const ms = options.coalesceMs ?? 0;
    if (ms <= 0) return publish(message);
    const open = windows.get(message);
    if (open) {
      open.again = true;
      return;
    }
    publish(message);
    const window = {
      again: false,
      timer: setTimeout(() => {
        windows.delete(message);
        if (window.again) send(message);
      }, ms),
    };
    window.timer.unref();
    windows.set(message, window);
  };
  emitter.emit = (event: string | symbol, ...args: unknown[]) => {
    if (typeof event === 'string') send(JSON.stringify([event, args]));
    return emitHere(event, ...args);
  };
  const unsubscribe = bus.subscribe(`events:${topic}`, (payload) => {
    const [event, args] = JSON.parse(decoder.decode(payload)) as [string, unknown[]];
    emitHere(event, ...args);
  });
  return () => {
    for (const window of windows.values()) clearTimeout(window.timer);
    windows.clear();
    unsubscribe();
    emitter.emit = emitHere;
  };
}
