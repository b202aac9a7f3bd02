import { randomBytes } from 'node:crypto';

/**
 * The word between server instances (SPEC SI1): a message published on a topic reaches the
 * other instances that subscribed to it, never the one that sent it. Delivery is best effort:
 * whatever must not be lost is in the database first, and an instance that may have missed
 * messages (a gap, a dropped connection) reads it back from there.
 */
export interface Bus {
  /** This instance's id, different on every start. */
  readonly instanceId: string;
  /** Sends without waiting; a message the bus cannot send now is dropped (and counted). */
  publish(topic: string, payload: Uint8Array): void;
  /** Calls `handler` with what other instances publish on `topic`; returns the unsubscribe. */
  subscribe(topic: string, handler: (payload: Uint8Array) => void): () => void;
  /** Calls `handler` after the bus came back from a drop: messages may have been missed meanwhile. */
  onReconnect(handler: () => void): () => void;
  close(): Promise<void>;
}

export const newInstanceId = () => randomBytes(8).toString('hex');

/** One instance alone (SQLite, or no REDIS_URL): there is nobody to tell. */
export function singleInstanceBus(): Bus {
  return {
    instanceId: newInstanceId(),
    publish: () => undefined,
    subscribe: () => () => undefined,
    onReconnect: () => () => undefined,
    close: async () => undefined,
  };
}
