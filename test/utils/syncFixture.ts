import * as Y from 'yjs';
import { goalsOf, perspectivesOf } from '../../shared/doc/board.js';
import { caseDocumentName } from '../../shared/protocol.js';
import { sqliteDocumentStore } from '../../server/db/documentStore.js';
import type { DocumentStore } from '../../server/db/documentStore.js';
import { connectClient, synced } from './clients.js';
import type { SyncClient } from './clients.js';
import { signedInMember } from './accounts.js';
import { insertCase, startTestServer } from './server.js';
import type { TestServer } from './server.js';

type ServerOptions = Parameters<typeof startTestServer>[0];

/** The board document as JSON, both roots always present. */
export const boardJson = (doc: Y.Doc) => ({
  goals: goalsOf(doc).toJSON(),
  perspectives: perspectivesOf(doc).toJSON(),
});

/**
 * A real server with one case, the name of that case's board document and the clients a test
 * opened; `close()` ends them all.
 */
export interface SyncFixture {
  server: TestServer;
  caseId: string;
  name: string;
  /** The signed-in member's cookie and Origin, for raw sockets. */
  headers(): Record<string, string>;
  /** A real y-websocket provider on the case's board. */
  connect(doc?: Y.Doc): SyncClient;
  /** A fresh client, already synced: what anyone opening the board now would see. */
  connectSynced(): Promise<SyncClient>;
  /** The board as the server serves it right now (via a fresh client). */
  snapshot(): Promise<ReturnType<typeof boardJson>>;
  /** The document store on the current server's database. */
  store(): DocumentStore;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startSyncFixture(options: ServerOptions = {}): Promise<SyncFixture> {
  const clients: SyncClient[] = [];
  const server = await startTestServer(options);
  const caseId = insertCase(server.db);
  const member = await signedInMember(server, caseId);
  let headers = member.headers;
  const fixture: SyncFixture = {
    server,
    caseId,
    name: caseDocumentName(caseId),
    headers: () => headers,
    connect(doc = new Y.Doc()) {
      const client = connectClient(fixture.server.url, fixture.name, doc, headers);
      clients.push(client);
      return client;
    },
    async connectSynced() {
      const client = fixture.connect();
      await synced(client);
      return client;
    },
    async snapshot() {
      const client = await fixture.connectSynced();
      const json = boardJson(client.doc);
      clients.splice(clients.indexOf(client), 1);
      client.destroy();
      return json;
    },
    store: () => sqliteDocumentStore(fixture.server.db),
    async restart() {
      for (const client of clients.splice(0)) client.destroy();
      fixture.server = await fixture.server.restart();
      // Sessions live in the database, so the same cookie works after a restart.
      headers = { ...headers, origin: fixture.server.url };
    },
    async close() {
      for (const client of clients.splice(0)) client.destroy();
      await fixture.server.close();
    },
  };
  return fixture;
}
