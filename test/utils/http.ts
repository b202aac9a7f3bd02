import type { RunningServer } from '../../server/app.js';
import { signIn } from './accounts.js';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body (other bodies as text); null for empty bodies and event streams (closed unread). */
  body: unknown;
}

/**
 * Sends one REST request as a browser of `userId` would: a fresh session cookie, and for requests
 * that change something the session's CSRF token; a body is sent as JSON. `userId` null is
 * someone who is not signed in.
 */
export async function api(
  server: RunningServer,
  userId: string | null,
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { origin: server.url, ...extraHeaders };
  if (userId) {
    const session = await signIn(server, userId);
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  }
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const controller = new AbortController();
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: controller.signal,
  });
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    controller.abort();
    return { status: response.status, headers: response.headers, body: null };
  }
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    // JSON answers parsed; anything else (an export) as its text.
    body: !text
      ? null
      : response.headers.get('content-type')?.includes('json')
        ? (JSON.parse(text) as unknown)
        : text,
  };
}

/** The `error` of a JSON error answer. */
export const errorOf = (answer: ApiAnswer): string => (answer.body as { error?: string } | null)?.error ?? '';
