import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of a server, so a test can cut the network under open WebSockets: the
 * connections drop without a close frame, as a lost Wi-Fi or a load balancer resetting them would.
 */
export interface TcpProxy {
  /** The proxy's address, to give to clients instead of the server's. */
  url: string;
  /** How many connections go through the proxy right now. */
  readonly open: number;
  /** Destroys every open connection on both sides; new connections are let through again. */
  cut(): void;
  /** New connections go to this server from now on (open ones stay where they are). */
  retarget(targetUrl: string): void;
  /** While down, every new connection is closed at once (the server behind seems gone). */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1, port 0, that forwards every connection to `targetUrl`'s port. */
export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  let targetPort = Number(new URL(targetUrl).port);
  let down = false;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    if (down) return void client.destroy();
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) {
      socket.on('error', end);
      socket.on('close', end);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const cut = () => {
    for (const [client, upstream] of [...pairs]) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    get open() {
      return pairs.size;
    },
    cut,
    retarget(url) {
      targetPort = Number(new URL(url).port);
    },
    setDown(value) {
      down = value;
    },
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
