import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiRequestError, getJson } from './api.js';

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

/**
 * A refusal (4xx) is the server's answer, asked again only on reload; a lost connection or a
 * server error is tried once more first.
 */
const retryOnce = (failures: number, error: Error) =>
  failures < 1 && !(error instanceof ApiRequestError && error.status < 500);

/**
 * Reads one REST resource for a component, through TanStack Query: every component showing the
 * same path shares one read and its cache (per signed-in person, App.tsx), a page visited again
 * shows what it had at once while it reads anew, and `reload` (or a live stream's
 * `invalidateQueries` on the path) brings every one of them up to date. `keepPrevious`: while
 * a new path is read, the last answer stays (suggestions as one types; never for a page of its own).
 * `freshForMs`: for that long an answer is not read again when another component starts showing
 * it (the district's terms, shown by every card: a card that moves cells reads nothing).
 */
export function useApi<T>(path: string | null, { keepPrevious = false, freshForMs = 0 } = {}): Resource<T> {
  const query = useQuery<T, Error>({
    queryKey: [path],
    queryFn: () => getJson<T>(path!),
    enabled: path !== null,
    retry: retryOnce,
    staleTime: freshForMs,
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  if (path === null) return { data: null, error: null, status: null, reload };
  const error = query.error;
  return {
    data: query.data ?? null,
    error: error?.message ?? null,
    status: error instanceof ApiRequestError ? error.status : null,
    reload,
  };
}
