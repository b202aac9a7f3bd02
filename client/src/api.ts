import type { ApiError } from '../../shared/api.js';

let csrfToken: string | null = null;

/** The session's CSRF token, sent with every request that changes something. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const signedOutListeners = new Set<() => void>();
/** Called when the server answers that nobody is signed in (the session expired or ended elsewhere). */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The answer's machine-readable fields beside `error` (e.g. `code`, `retryAfterSeconds`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  /** A file's own text and type, sent as it is (e.g. a FHIR bundle as application/fhir+json). */
  file?: { text: string; type: string },
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (file) headers['content-type'] = file.type;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    body: file ? file.text : body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.status === 204) return undefined as T;
  const parsed = (await response.json().catch(() => ({}))) as T & Partial<ApiError>;
  if (response.status === 401 && !path.startsWith('/api/session')) for (const l of signedOutListeners) l();
  if (!response.ok)
    throw new ApiRequestError(
      response.status,
      parsed.error ?? `${response.status} ${response.statusText}`,
      parsed as Record<string, unknown>,
    );
  return parsed;
}

/** Reads JSON from the REST API; a failed request throws with the server's message. */
export const getJson = <T>(path: string) => request<T>('GET', path);
export const postJson = <T>(path: string, body: unknown = {}) => request<T>('POST', path, body);
export const putJson = <T>(path: string, body: unknown = {}) => request<T>('PUT', path, body);
export const deleteJson = <T>(path: string) => request<T>('DELETE', path);
/** Sends a file's text as it is, with its type; the answer is JSON like the rest. */
export const putFile = <T>(path: string, text: string, type: string) =>
  request<T>('PUT', path, undefined, { text, type });
