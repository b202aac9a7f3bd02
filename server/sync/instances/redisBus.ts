import { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';
import type { Bus } from './bus.js';
import { newInstanceId } from './bus.js';

const idBytes = 8;

export interface RedisBusOptions {
  /** Channel names start with this, so several deployments can share one Redis; default "vz:". */
  prefix?: string;
}

/**
 * The bus over Redis pub/sub (ioredis): one connection publishes, one subscribes. Each message
 * starts with the sender's instance id, so an instance skips its own. ioredis reconnects and
 * subscribes again by itself; `onReconnect` handlers run once it is back, to read from the
 * database what was published meanwhile. Publishing while Redis is away drops the message (no
 * offline queue that would grow without bound): the others find the change in the database.
 */
export function redisBus(url: string, log: Logger, options: RedisBusOptions = {}): Bus {
  const prefix = options.prefix ?? 'vz:';
  const instanceId = newInstanceId();
  const ownId = Buffer.from(instanceId, 'hex');
  const connect = (name: string) => {
    const client = new Redis(url, {
      connectionName: `veelzijdig-${name}-${instanceId}`,
      lazyConnect: false,
      maxRetriesPerRequest: name === 'publish' ? 0 : null,
      enableOfflineQueue: name !== 'publish',
      // What is published in one tick (a burst of edits) goes to Redis in one write.
      enableAutoPipelining: name === 'publish',
      retryStrategy: (times) => Math.min(times * 100, 2_000),
    });
    // Once per drop, not once per retry.
    let warned = false;
    client.on('error', (error: Error) => {
      if (warned) return;
      warned = true;
      log.warn('the connection to Redis failed', { connection: name, error: error.message });
    });
    client.on('ready', () => (warned = false));
    return client;
  };
  const publisher = connect('publish');
  const subscriber = connect('subscribe');
  const handlers = new Map<string, Set<(payload: Uint8Array) => void>>();
  const reconnectHandlers = new Set<() => void>();
  let dropped = false;
  let closing = false;

  subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    if (message.length < idBytes || message.subarray(0, idBytes).equals(ownId)) return;
    const topic = channel.toString().slice(prefix.length);
    const payload = new Uint8Array(message.buffer, message.byteOffset + idBytes, message.length - idBytes);
    for (const handler of handlers.get(topic) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        log.error('a bus message handler failed', { topic: topic.split(':')[0], error: String(error) });
      }
    }
  });
  subscriber.on('close', () => {
    if (!closing) dropped = true;
  });
  subscriber.on('ready', () => {
    if (!dropped) return;
    dropped = false;
    log.info('the connection to Redis is back: reading what was missed from the database');
    for (const handler of reconnectHandlers) handler();
  });

  return {
    instanceId,
    publish(topic, payload) {
      if (publisher.status !== 'ready') return;
      const message = Buffer.concat([ownId, payload]);
      publisher.publish(prefix + topic, message).catch(() => undefined); // best effort, see above
    },
    subscribe(topic, handler) {
      let set = handlers.get(topic);
      if (!set) {
        handlers.set(topic, (set = new Set()));
        subscriber.subscribe(prefix + topic).catch(() => undefined); // resubscribed on reconnect
      }
      set.add(handler);
      return () => {
        set.delete(handler);
        if (set.size > 0 || handlers.get(topic) !== set) return;
        handlers.delete(topic);
        subscriber.unsubscribe(prefix + topic).catch(() => undefined);
      };
    },
    onReconnect(handler) {
      reconnectHandlers.add(handler);
      return () => reconnectHandlers.delete(handler);
    },
    async close() {
      closing = true;
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
