/**
 * The reference server under test, in its own process: `@y/websocket-server` 0.1.1's
 * `setupWSConnection` behind the `ws` package's WebSocketServer on a plain HTTP server, as its
 * own bin (src/server.js) does, without persistence (YPERSISTENCE unset) and without callbacks.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { serveDriver } from '../lib/ipc.js';

if (process.env.YPERSISTENCE !== undefined || process.env.CALLBACK_URL !== undefined) {
  throw new Error('run the reference server without YPERSISTENCE and CALLBACK_URL');
}
// Imported after the check: the module reads its environment when loaded.
const { docs, setupWSConnection } = await import('@y/websocket-server/utils');

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request);
  });
});
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, '127.0.0.1', resolve);
});

serveDriver(
  (server.address() as AddressInfo).port,
  async () => {
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
  {},
  // Without persistence it keeps every document in memory for good (it unloads only persisted ones).
  () => docs.size,
);
