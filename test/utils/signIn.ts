import http from 'node:http';
import type { RunningServer } from '../../server/app.js';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown> | null;
  /** name → value of the cookies the answer set. */
  cookies: Record<string, string>;
}

/**
 * Sends a JSON request from a given loopback address (127.0.0.x: Linux routes the whole block to
 * this machine), so a test can be an attacker at one address and the real user at another.
 */
export function requestFrom(
  server: RunningServer,
  method: string,
  path: string,
  {
    body,
    address = '127.0.0.1',
    cookies = {},
    csrfToken,
  }: {
    body?: unknown;
    address?: string;
    cookies?: Record<string, string>;
    csrfToken?: string;
  } = {},
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        localAddress: address,
        method,
        path,
        agent: false,
        headers: {
          origin: server.url,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...(cookie ? { cookie } : {}),
          ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const set: Record<string, string> = {};
          for (const line of response.headers['set-cookie'] ?? []) {
            const [pair] = line.split(';');
            const at = pair!.indexOf('=');
            set[pair!.slice(0, at)] = pair!.slice(at + 1);
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body:
              text && response.headers['content-type']?.includes('json')
                ? (JSON.parse(text) as Record<string, unknown>)
                : null,
            cookies: set,
          });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** `POST /api/session` with a username and password, from an address and with a browser's cookies. */
export const signInFrom = (
  server: RunningServer,
  username: string,
  password: string,
  options: { address?: string; cookies?: Record<string, string> } = {},
) => requestFrom(server, 'POST', '/api/session', { ...options, body: { username, password } });
