import type { ApiError } from '../../shared/api.js';

/** Reads JSON from the REST API; a failed request throws with the server's message. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => ({}))) as T & Partial<ApiError>;
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}
