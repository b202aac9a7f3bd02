import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError, getJson } from './api.js';

interface Loaded<T> {
  path: string;
  data: T | null;
  error: string | null;
  status: number | null;
}

interface Resource<T> {
  /** Null until it arrives and when `path` is null; a failed reload keeps the last answer. */
  data: T | null;
  /** The server's message when the request failed. */
  error: string | null;
  /** The HTTP status of a failed request (null otherwise), so a page can tell "not yet" from "not found". */
  status: number | null;
  /** Fetches it again, after a change the page made or heard of. */
  reload(): void;
}

/** Reads one REST resource for a component. An answer for a path it no longer shows is dropped. */
export function useApi<T>(path: string | null): Resource<T> {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const reload = useCallback(() => {
    if (path === null) return;
    let current = true;
    getJson<T>(path)
      .then((data) => current && setLoaded({ path, data, error: null, status: null }))
      .catch(
        (e: Error) =>
          current &&
          // A failed reload keeps what the page already showed, next to the error.
          setLoaded((before) => ({
            path,
            data: before?.path === path ? before.data : null,
            error: e.message,
            status: e instanceof ApiRequestError ? e.status : null,
          })),
      );
    return () => {
      current = false;
    };
  }, [path]);
  useEffect(reload, [reload]);
  const mine = loaded?.path === path ? loaded : null;
  return { data: mine?.data ?? null, error: mine?.error ?? null, status: mine?.status ?? null, reload };
}
