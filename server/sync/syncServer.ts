import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { closeCodes, parseDocumentName, syncPath } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import { Connection } from './connection.js';
import { DocumentRegistry, NotStored } from './documentRegistry.js';
import type { DocumentReplication } from './documentRegistry.js';
import type { SyncExtension } from './extension.js';
import { SyncRefusal } from './extension.js';
import { Pipeline } from './pipeline.js';
import type { HoldLimits } from './heldUpdates.js';

const recheckSlices = 10;

/**
 * Enough for a reconnect after a long offline session: the live edits a person types while the
 * stock provider's sync step 2 (which carries the offline work) is still on its way.
 */
export const defaultHoldLimits = (maxMessageBytes: number): HoldLimits => ({
  maxUpdates: 5_000,
  maxBytes: Math.max(16 * 1024 * 1024, maxMessageBytes * 4),
  maxMs: 60_000,
});

export interface SyncServerOptions {
  extensions: SyncExtension[];
  maxMessageBytes: number;
  unloadAfterMs: number;
  /** Updates that wait for what they depend on, per connection (SPEC V5); defaults below. */
  hold?: Partial<HoldLimits>;
  log: Logger;
  pingIntervalMs?: number;
  /** How often open connections are checked against current rights (0: only on request). */
  accessRecheckMs?: number;
  /** Other instances holding the same documents (SPEC SI2); none when this one is alone. */
  replication?: DocumentReplication;
}

/**
 * The y-websocket compatible sync server at `/sync/<documentName>` on the app's HTTP port.
 * Refusals are sent as close codes after the upgrade, so the stock provider stops retrying and
 * the UI can say why (SPEC C1).
 */
export class SyncServer {
  readonly registry: DocumentRegistry;
  private readonly pipeline: Pipeline;
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly ping: NodeJS.Timeout;
  private readonly recheckTimer: NodeJS.Timeout | null;

  constructor(private readonly options: SyncServerOptions) {
    this.pipeline = new Pipeline(options.extensions, options.log);
    this.registry = new DocumentRegistry(
      this.pipeline,
      options.unloadAfterMs,
      options.log,
      options.replication ?? null,
    );
    // ws refuses anything beyond twice the limit outright; up to that, the connection closes
    // with our own "too large" code so the client can tell the user (SPEC S6).
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes * 2 });
    const alive = new WeakSet<WebSocket>();
    this.ping = setInterval(() => {
      for (const ws of this.wss.clients) {
        if (!alive.has(ws)) {
          ws.terminate();
          continue;
        }
        alive.delete(ws);
        ws.ping();
      }
    }, options.pingIntervalMs ?? 30_000);
    this.ping.unref();
    const every = options.accessRecheckMs ?? 0;
    // The periodic check runs in slices, so hundreds of connections never stall the event loop
    // at once; every connection is still checked every `accessRecheckMs`.
    this.recheckTimer = every > 0 ? setInterval(() => this.recheckSlice(), every / recheckSlices) : null;
    this.recheckTimer?.unref();
    this.wss.on('connection', (ws: WebSocket) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
    });
  }

  /** Takes over an HTTP upgrade if it is for the sync path; returns false otherwise. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${syncPath}/`)) return false;
    let documentName: string;
    try {
      documentName = decodeURIComponent(url.pathname.slice(syncPath.length + 1));
    } catch {
      documentName = '';
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      this.wss.emit('connection', ws, request);
      void this.accept(ws, request, documentName);
    });
    return true;
  }

  private async accept(ws: WebSocket, request: IncomingMessage, documentName: string) {
    ws.binaryType = 'nodebuffer';
    const parsed = parseDocumentName(documentName);
    if (!parsed) {
      ws.close(closeCodes.notFound, 'unknown document');
      return;
    }
    const context = { documentName, document: parsed, request, readOnly: false, actor: null, data: {} };
    const connection = new Connection(
      ws,
      context,
      this.pipeline,
      {
        maxMessageBytes: this.options.maxMessageBytes,
        maxBufferedBytes: Math.max(16 * 1024 * 1024, this.options.maxMessageBytes * 4),
        hold: { ...defaultHoldLimits(this.options.maxMessageBytes), ...this.options.hold },
      },
      this.options.log,
    );
    this.connections.add(connection);
    let document: Awaited<ReturnType<DocumentRegistry['acquire']>> | null = null;
    ws.on('message', (data: Buffer) => connection.receive(new Uint8Array(data)));
    ws.on('error', () => connection.close(1011, 'socket error'));
    ws.on('close', () => {
      connection.closed = true;
      this.connections.delete(connection);
      if (document) this.registry.release(document, connection);
      this.pipeline.onDisconnect(context);
    });
    try {
      await this.pipeline.onConnect(context);
      if (connection.closed) return;
      document = await this.registry.acquire(documentName, connection);
      if (connection.closed) {
        this.registry.release(document, connection);
        return;
      }
      connection.attach(document);
    } catch (error) {
      if (error instanceof SyncRefusal) connection.close(error.code, error.reason);
      else if (error instanceof NotStored) connection.close(closeCodes.notStored, 'not stored, try again');
      else {
        this.options.log.error('opening a document failed', { document: documentName, error: String(error) });
        connection.close(1011, 'server error');
      }
    }
  }

  /**
   * Checks every open connection against the current rights: a revoked member, a withdrawn
   * consent or an ended session closes that person's connections at once (SPEC A4).
   */
  recheck(): Promise<void> {
    return this.checkAll([...this.connections]);
  }

  private recheckTick = 0;
  private recheckSlice(): void {
    const slice = this.recheckTick++ % recheckSlices;
    let index = 0;
    const due = [...this.connections].filter(() => index++ % recheckSlices === slice);
    void this.checkAll(due); // never rejects: each failure is handled in `check`
  }

  /**
   * Starts every check at once (in the same tick, so they share one pass of facts: one query per
   * case) and resolves when all are done; each closes or downgrades its connection as it ends.
   */
  private async checkAll(connections: readonly Connection[]): Promise<void> {
    await Promise.all(connections.map((connection) => this.check(connection)));
  }

  private async check(connection: Connection): Promise<void> {
    if (connection.closed) return;
    try {
      await this.pipeline.checkAccess(connection.context);
      // A downgrade (a closed meeting or case) or an upgrade reaches the browser at once.
      if (connection.attached) connection.sendAccess();
    } catch (error) {
      if (connection.closed) return;
      if (error instanceof SyncRefusal) connection.close(error.code, error.reason);
      else this.options.log.error('checking access failed', { error: String(error) });
    }
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  async close(): Promise<void> {
    clearInterval(this.ping);
    if (this.recheckTimer) clearInterval(this.recheckTimer);
    // Wait until every socket has closed, so their disconnect hooks (the access log's
    // document-close) run before the caller closes the database; cut off clients that do not answer.
    const sockets = [...this.wss.clients].filter((ws) => ws.readyState !== ws.CLOSED);
    const allClosed = Promise.all(sockets.map((ws) => new Promise((resolve) => ws.once('close', resolve))));
    for (const connection of this.connections) connection.close(closeCodes.goingAway, 'server stops');
    const cutOff = setTimeout(() => sockets.forEach((ws) => ws.terminate()), 1_000);
    await allClosed;
    clearTimeout(cutOff);
    await this.registry.destroy();
    await this.pipeline.onDestroy();
    this.wss.close();
  }
}
