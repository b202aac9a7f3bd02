import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { SyncNotice } from '../../shared/protocol.js';
import type { Actor } from './extension.js';
import type { AwarenessEntry } from './awarenessCodec.js';
import { decodeAwareness, encodeAwareness } from './awarenessCodec.js';
import { outgoing } from './messages.js';
import { Outbox } from './outbox.js';

/** What a document needs of a connection: a way to send and to close, and whose edits it carries. */
export interface Peer {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Yjs client ids whose changes came in on this connection (the authors behind it). */
  readonly authors: ReadonlySet<number>;
}

/** The owner of presence states that came from another instance. */
const elsewhere: Peer = { send: () => undefined, close: () => undefined, authors: new Set() };

/**
 * A loaded document with its awareness (presence) and the connections editing it. It owns which
 * connection brought which awareness client id, so nobody can take over someone else's presence
 * (SPEC A5). Updates are sent to every connection but the one they came from; awareness to everyone.
 */
export class SharedDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Peer>();
  /** Which connection brought each awareness client id (its presence is that connection's). */
  private readonly awarenessOwners = new Map<number, Peer>();
  private readonly awarenessOf = new Map<Peer, Set<number>>();
  /** Changes go out only once stored, in the order they were made (SPEC D1). */
  readonly outbox = new Outbox();
  unloadTimer: NodeJS.Timeout | null = null;
  /** Storing a change failed: this copy holds what storage may not; it is dropped (SPEC D1). */
  failed = false;
  /** Calls of `DocumentRegistry.use` under way: the document stays in memory meanwhile. */
  users = 0;
  /** On whose behalf the server is editing right now (set around `DocumentRegistry.use`). */
  actor: Actor | null = null;
  /** The stored state the document was read from, while it holds exactly that (no change since). */
  private storedState: Uint8Array | null = null;
  /** Awareness client ids changed since the last awareness broadcast, and that broadcast's turn. */
  private readonly awarenessChanged = new Set<number>();
  private awarenessTurn: NodeJS.Immediate | null = null;

  constructor(readonly name: string) {
    this.doc.on('update', () => (this.storedState = null));
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        // A state that timed out or was taken back no longer belongs to anyone.
        for (const id of removed) {
          this.awarenessOf.get(this.awarenessOwners.get(id)!)?.delete(id);
          this.awarenessOwners.delete(id);
        }
        for (const ids of [added, updated, removed]) for (const id of ids) this.awarenessChanged.add(id);
        this.awarenessTurn ??= setImmediate(() => this.broadcastAwareness());
      },
    );
  }

  /**
   * Sends every presence change since the last time as one message, once the messages read
   * together have been handled: when many people arrive at once, each of them gets one message
   * per turn with all newcomers instead of one per newcomer (states are encoded as they are now).
   */
  private broadcastAwareness(): void {
    this.awarenessTurn = null;
    const ids = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    if (ids.length > 0) this.broadcast(outgoing.awareness(this.awareness, ids), null);
  }

  /** Filled from storage; `storedState`: the one stored state it holds exactly, if so. */
  loaded(storedState: Uint8Array | null): void {
    this.storedState = storedState;
  }

  /**
   * What a client with `stateVector` lacks (the sync step 2 answer). A client that has nothing
   * (an empty state vector) of a document unchanged since it was read from one stored state
   * gets that state as it was stored: the same content, without encoding the document again.
   */
  updateFor(stateVector: Uint8Array): Uint8Array {
    const hasNothing = stateVector.byteLength === 1 && stateVector[0] === 0;
    if (hasNothing && this.storedState) return this.storedState;
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  /** The connection's greeting: sync step 1 and everyone's presence (SPEC S2). */
  greet(peer: Peer): void {
    peer.send(outgoing.step1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) peer.send(outgoing.awareness(this.awareness, states));
  }

  /** Every presence state, for a client that asks. */
  allAwareness(): Uint8Array {
    return outgoing.awareness(this.awareness, [...this.awareness.getStates().keys()]);
  }

  /**
   * Presence from one connection: states of client ids another connection owns are dropped, the
   * rest is applied (after `rewrite`, which sets the identity from the session).
   */
  applyAwareness(peer: Peer, entries: AwarenessEntry[], rewrite: (entries: AwarenessEntry[]) => void): void {
    const own = entries.filter((e) => {
      const owner = this.awarenessOwners.get(e.clientId);
      return owner === undefined || owner === peer;
    });
    if (own.length === 0) return;
    rewrite(own);
    const ids = this.awarenessOf.get(peer) ?? new Set<number>();
    this.awarenessOf.set(peer, ids);
    for (const e of own) {
      if (e.state === null) {
        ids.delete(e.clientId);
        this.awarenessOwners.delete(e.clientId);
      } else {
        ids.add(e.clientId);
        this.awarenessOwners.set(e.clientId, peer);
      }
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwareness(own), peer);
  }

  /**
   * Presence of people connected to another instance (SPEC SI3): applied as it came, and its
   * client ids marked as theirs, so no connection here can take them over (A5).
   */
  applyRemoteAwareness(update: Uint8Array, origin: unknown): void {
    for (const e of decodeAwareness(update)) {
      const owner = this.awarenessOwners.get(e.clientId);
      if (owner !== undefined && owner !== elsewhere) return; // someone here holds that id
      if (e.state === null) this.awarenessOwners.delete(e.clientId);
      else this.awarenessOwners.set(e.clientId, elsewhere);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin);
  }

  /** A connection left: its presence goes with it (SPEC S3). */
  remove(peer: Peer): boolean {
    if (!this.connections.delete(peer)) return false;
    const ids = [...(this.awarenessOf.get(peer) ?? [])];
    this.awarenessOf.delete(peer);
    for (const id of ids) this.awarenessOwners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    return true;
  }

  /** Sends an accepted document update to everyone but the connection it came from. */
  broadcastUpdate(update: Uint8Array, origin: unknown): void {
    this.broadcast(outgoing.update(update), origin);
  }

  /** Tells the connections whose authors wrote something what happened to it (SPEC R2). */
  notifyAuthors(client: number, notice: SyncNotice): void {
    for (const peer of this.connections) if (peer.authors.has(client)) peer.send(outgoing.notice(notice));
  }

  broadcast(message: Uint8Array, except: unknown): void {
    for (const peer of this.connections) {
      if (peer !== except) peer.send(message);
    }
  }

  destroy(): void {
    if (this.awarenessTurn) clearImmediate(this.awarenessTurn);
    this.awarenessTurn = null;
    this.awareness.destroy();
    this.doc.destroy();
  }
}
