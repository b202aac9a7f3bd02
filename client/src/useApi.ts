import { useCallback, useEffect, useState } from 'react';
import { getJson } from './api.js';

interface Loaded<T> {
  path: string;
  data: T | null;
  error: string | null;
}

/**
 * Reads one REST resource for a component: null until it arrives (or when `path` is null), the
 * server's message on failure, and `reload` to fetch it again after a change the page made. An
 * answer for a path the component no longer shows is dropped.
 */
export function useApi<T>(path: string | null): { data: T | null; error: string | null; reload(): void } {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const reload = useCallback(() => {
    if (path === null) return;
    let current = true;
    getJson<T>(path)
      .then((data) => current && setLoaded({ path, data, error: null }))
      .catch((e: Error) => current && setLoaded({ path, data: null, error: e.message }));
    return () => {
      current = false;
    };
  }, [path]);
  useEffect(reload, [reload]);
  const mine = loaded?.path === path ? loaded : null;
  return { data: mine?.data ?? null, error: mine?.error ?? null, reload };
}
