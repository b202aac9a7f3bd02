import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { closeCodes, messageTypes, syncPath } from '../../../shared/protocol.js';
import type { SyncNotice } from '../../../shared/protocol.js';
import { parseSyncNotice } from '../../../shared/syncNotice.js';

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'online' }
  | { kind: 'offline' }
  /** The server asked this browser to come back (1001, 4503, 4509): it does, nothing is lost. */
  | { kind: 'reconnecting' }
  /** The server refused a change (4400, 4413, 4422): the board is fetched again and the work re-applied. */
  | { kind: 'recovering'; code: number }
  /** The server closed the connection for good (44xx); `code` says why, `again` after a recovery. */
  | { kind: 'refused'; code: number; again?: boolean };

export interface CaseDocumentOptions {
  /** Where the sync server is, e.g. `ws://127.0.0.1:3000/sync`; the page's own host by default. */
  baseUrl?: string;
  /** A WebSocket class (Node tests pass one that sends a session cookie). */
  WebSocket?: typeof globalThis.WebSocket;
  /** The largest update a recovery sends at once (SPEC C3); 8 KiB by default. */
  maxUpdateBytes?: number;
}

/** Close codes after which the provider reconnects by itself: not an error for the person. */
const comesBack = new Set<number>([closeCodes.goingAway, closeCodes.notStored, closeCodes.resync]);

const noticeHandlers = new WeakMap<WebsocketProvider, (notice: SyncNotice) => void>();

/** A stock y-websocket provider for one document, which also reads our notices (SPEC R2). */
export function connectProvider(name: string, doc: Y.Doc, options: CaseDocumentOptions): WebsocketProvider {
  const base =
    options.baseUrl ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${syncPath}`;
  const provider = new WebsocketProvider(base, name, doc, {
    disableBc: true,
    maxBackoffTime: 5000,
    ...(options.WebSocket ? { WebSocketPolyfill: options.WebSocket } : {}),
  });
  // Nothing is written to the encoder: a notice needs no answer.
  provider.messageHandlers[messageTypes.notice] = (_encoder, decoder, from) => {
    const notice = parseSyncNotice(decoding.readVarString(decoder));
    if (notice) noticeHandlers.get(from)?.(notice);
  };
  return provider;
}

/** A copy of the document the recovery built (recovery.ts), already synced with the server. */
export interface Adopted {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** When the recovery finished, so a refusal right after it is not recovered again. */
  recoveredAt: number;
  /** The copy is the server's, unchanged here (a read-only refresh): nothing of it to check. */
  fromServer?: boolean;
}

/**
 * One open case document in the browser: kept in IndexedDB (edits made offline survive a reload
 * and merge when the server is back) and synced over the y-websocket protocol.
 */
export class CaseDocument {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly local: IndexeddbPersistence;
  state: ConnectionState = { kind: 'connecting' };
  localReady = false;
  /** Counts changes of the document since it was opened, so views know when to re-read it. */
  version = 0;
  readonly recoveredAt: number | null;
  /** The page closed it: nothing may be re-applied or stored for it any more. */
  destroyed = false;
  /** Set by the session (documentSession.ts): the server closed this connection for good. */
  onRefused: ((code: number) => void) | null = null;
  /** Set by the session: the server says something about this person's typing (R2). */
  onNotice: ((notice: SyncNotice) => void) | null = null;
  /** Whether the server takes this browser's writes (its access notice); null until it said. */
  access: 'read' | 'write' | null = null;
  /**
   * Whether this copy may hold writes the server does not have and, while read-only, drops
   * (SPEC A2): typed here, or brought from IndexedDB. The session checks it against the server.
   */
  mayHoldUnsaved = false;
  /** Set by the session: the connection is read-only and this copy may hold what it dropped. */
  onReadOnlyWrites: (() => void) | null = null;
  private lastClose: number | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly changeListeners = new Set<() => void>();

  constructor(
    readonly name: string,
    readonly options: CaseDocumentOptions = {},
    adopted?: Adopted,
  ) {
    this.doc = adopted?.doc ?? new Y.Doc();
    this.recoveredAt = adopted?.recoveredAt ?? null;
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      this.version++;
      // Anything but the server's own messages: typing, or what IndexedDB kept of earlier work.
      // (A copy the read-only check took from the server brings nothing of its own from IndexedDB.)
      if (origin !== this.provider && !(adopted?.fromServer && origin === this.local))
        this.mayHoldUnsaved = true;
      if (this.mayHoldUnsaved && this.access === 'read') this.onReadOnlyWrites?.();
      for (const l of this.changeListeners) l();
    });
    this.local = new IndexeddbPersistence(name, this.doc);
    void this.local.whenSynced.then(() => {
      this.localReady = true;
      this.emit();
    });
    this.provider = adopted?.provider ?? connectProvider(name, this.doc, options);
    noticeHandlers.set(this.provider, (notice) => {
      if (notice.kind !== 'access') return this.onNotice?.(notice);
      if (notice.access === this.access) return;
      this.access = notice.access;
      this.emit();
      if (notice.access === 'read' && this.mayHoldUnsaved) this.onReadOnlyWrites?.();
    });
    if (adopted) {
      this.localReady = true;
      this.state = this.provider.synced ? { kind: 'online' } : { kind: 'connecting' };
    }
    this.provider.on('connection-close', (event) => {
      this.lastClose = event?.code ?? null;
    });
    this.provider.on('status', ({ status }) => {
      if (this.state.kind === 'refused' || this.state.kind === 'recovering') return;
      if (status === 'connected')
        this.setState(this.provider.synced ? { kind: 'online' } : { kind: 'connecting' });
      else if (this.lastClose !== null && comesBack.has(this.lastClose))
        this.setState({ kind: 'reconnecting' });
      else this.setState({ kind: 'offline' });
    });
    this.provider.on('sync', (isSynced: boolean) => {
      if (isSynced && this.state.kind !== 'refused' && this.state.kind !== 'recovering')
        this.setState({ kind: 'online' });
    });
    this.provider.on('closed', ({ code }) => {
      if (this.onRefused) this.onRefused(code);
      else this.setState({ kind: 'refused', code });
    });
  }

  get awareness() {
    return this.provider.awareness;
  }

  setState(state: ConnectionState) {
    this.state = state;
    this.emit();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called after every change of the document. */
  subscribeChanges = (listener: () => void) => {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  };

  private emit() {
    for (const l of this.listeners) l();
  }

  /**
   * Makes `doc`'s state the only thing IndexedDB keeps of this document, and stops storing this
   * copy (SPEC C3: IndexedDB never keeps an update that blocks the next session). One IndexedDB
   * transaction clears and writes, so a tab closed halfway keeps either the old copy or the new
   * one; it is created before the new copy opens the database, which IndexedDB runs in order.
   */
  replaceStoredCopy(doc: Y.Doc): void {
    const db = this.local.db;
    if (db) {
      const updates = db.transaction('updates', 'readwrite').objectStore('updates');
      updates.clear();
      updates.add(Y.encodeStateAsUpdate(doc));
      void this.local.destroy();
      return;
    }
    // The store never opened: forget it; the new copy writes its whole state when it opens.
    void this.local.clearData();
  }

  destroy() {
    this.destroyed = true;
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
  }
}
