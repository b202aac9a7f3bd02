import type { EventEmitter } from 'node:events';
import type { Bus } from './bus.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Makes an in-process emitter of the live streams (notifications, consents, meeting actions,
 * the client's plan) fire on every instance (SPEC SI4): what is emitted here is emitted here
 * and published; what another instance emitted is emitted here. Arguments travel as JSON, so
 * they must be plain values (ids, and a notification as stored). The
 * listeners read current state from the database, so a message the bus loses costs at most a
 * late list, and the next change or reload brings it.
 */
export function shareEvents(emitter: EventEmitter, bus: Bus, topic: string): () => void {
  const emitHere = emitter.emit.bind(emitter);
  emitter.emit = (event: string | symbol, ...args: unknown[]) => {
    if (typeof event === 'string')
      bus.publish(`events:${topic}`, encoder.encode(JSON.stringify([event, args])));
    return emitHere(event, ...args);
  };
  const unsubscribe = bus.subscribe(`events:${topic}`, (payload) => {
    const [event, args] = JSON.parse(decoder.decode(payload)) as [string, unknown[]];
    emitHere(event, ...args);
  });
  return () => {
    unsubscribe();
    emitter.emit = emitHere;
  };
}
