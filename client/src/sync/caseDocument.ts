import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncPath } from '../../../shared/protocol.js';

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'online' }
  | { kind: 'offline' }
  /** The server closed the connection for good (44xx); `code` says why. */
  | { kind: 'refused'; code: number };

/**
 * One open case document in the browser: kept in IndexedDB (edits made offline survive a reload
 * and merge when the server is back) and synced over the y-websocket protocol.
 */
export class CaseDocument {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly local: IndexeddbPersistence;
  state: ConnectionState = { kind: 'connecting' };
  localReady = false;
  /** Counts changes of the document since it was opened, so views know when to re-read it. */
  version = 0;
  private readonly listeners = new Set<() => void>();
  private readonly changeListeners = new Set<() => void>();

  constructor(readonly name: string) {
    this.doc.on('update', () => {
      this.version++;
      for (const l of this.changeListeners) l();
    });
    this.local = new IndexeddbPersistence(name, this.doc);
    void this.local.whenSynced.then(() => {
      this.localReady = true;
      this.emit();
    });
    const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${syncPath}`;
    this.provider = new WebsocketProvider(base, name, this.doc, { disableBc: true, maxBackoffTime: 5000 });
    this.provider.on('status', ({ status }) => {
      if (this.state.kind === 'refused') return;
      this.setState(
        status === 'connected'
          ? this.provider.synced
            ? { kind: 'online' }
            : { kind: 'connecting' }
          : { kind: 'offline' },
      );
    });
    this.provider.on('sync', (isSynced: boolean) => {
      if (isSynced) this.setState({ kind: 'online' });
    });
    this.provider.on('closed', ({ code }) => this.setState({ kind: 'refused', code }));
  }

  get awareness() {
    return this.provider.awareness;
  }

  private setState(state: ConnectionState) {
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

  destroy() {
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
  }
}
