import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import type { Connection } from './connection.js';

export const messageSync = 0;
export const messageAwareness = 1;
export const messageQueryAwareness = 3;

/**
 * A loaded document with its awareness (presence) and the connections editing it. Updates are
 * sent to every connection but the one they came from; awareness to everyone.
 */
export class SharedDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Which connection brought each awareness client id (its presence is that connection's). */
  readonly awarenessOwners = new Map<number, Connection>();
  unloadTimer: NodeJS.Timeout | null = null;

  constructor(readonly name: string) {
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const changed = [...added, ...updated, ...removed];
        const connection = origin as Connection | null;
        if (connection && this.connections.has(connection)) {
          for (const id of added) {
            connection.awarenessIds.add(id);
            this.awarenessOwners.set(id, connection);
          }
          for (const id of removed) {
            connection.awarenessIds.delete(id);
            this.awarenessOwners.delete(id);
          }
        }
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, messageAwareness);
        encoding.writeVarUint8Array(
          encoder,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
        );
        this.broadcast(encoding.toUint8Array(encoder), null);
      },
    );
  }

  /** Sends an accepted document update to everyone but its origin. */
  broadcastUpdate(update: Uint8Array, origin: unknown): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeUpdate(encoder, update);
    this.broadcast(encoding.toUint8Array(encoder), origin);
  }

  broadcast(message: Uint8Array, except: unknown): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(message);
    }
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
