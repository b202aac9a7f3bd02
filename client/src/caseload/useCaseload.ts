import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseloadAnswer, CaseloadRow, CaseloadSort } from '../../../shared/api.js';
import { caseloadSorts } from '../../../shared/api.js';
import { getJson } from '../api.js';
import { useEventStream } from '../useEventStream.js';

export interface CaseloadFilters {
  /** '' the open cases, 'closed' the closed ones (they leave the caseload otherwise). */
  status: string;
  state: string;
  neighbourhood: string;
  perspective: string;
  owner: string;
  q: string;
  sort: CaseloadSort;
}

export const filterKeys = ['status', 'state', 'neighbourhood', 'perspective', 'owner', 'q'] as const;
export const pageSize = 100;

/** The filters as kept in the page's address, so going back to the list keeps them. */
export function filtersFrom(params: URLSearchParams): CaseloadFilters {
  const sort = params.get('sort');
  return {
    status: params.get('status') === 'closed' ? 'closed' : '',
    state: params.get('state') ?? '',
    neighbourhood: params.get('neighbourhood') ?? '',
    perspective: params.get('perspective') ?? '',
    owner: params.get('owner') ?? '',
    q: params.get('q') ?? '',
    sort: caseloadSorts.find((s) => s === sort) ?? 'risk',
  };
}

function queryOf(filters: CaseloadFilters): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (filters[key].trim()) params.set(key, filters[key].trim());
  params.set('sort', filters.sort);
  params.set('limit', String(pageSize));
  return params.toString();
}

export interface Caseload {
  rows: CaseloadRow[];
  total: number;
  neighbourhoods: CaseloadAnswer['neighbourhoods'];
  /** From the first answer of this visit: later requests move the server's "last visit" on. */
  lastVisitAt: string | null | undefined;
  /** Rows that changed while the page was open (live, SPEC CL10): marked until the filters change. */
  updated: ReadonlySet<string>;
  loading: boolean;
  error: string | null;
  loadMore(): void;
}

/**
 * The caseload for these filters, a page at a time (TanStack Query keeps and refetches it), kept
 * live: the server says which case changed (its risk, its team, its status) and that one row is
 * read again and put in place, or taken out when it no longer belongs in the list.
 */
export function useCaseload(filters: CaseloadFilters): Caseload {
  const query = queryOf(filters);
  const key = useMemo(() => ['caseload', query] as const, [query]);
  const client = useQueryClient();
  const answer = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => getJson<CaseloadAnswer>(`/api/caseload?${query}&offset=${pageParam}`),
    initialPageParam: 0,
    // Other filters show the rows (and neighbourhoods) they had until their own answer is in.
    placeholderData: keepPreviousData,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, page) => n + page.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
  });
  const pages = answer.data?.pages ?? [];
  const firstVisit = useRef<string | null | undefined>(undefined);
  if (firstVisit.current === undefined && pages[0]) firstVisit.current = pages[0].lastVisitAt;

  const [updated, setUpdated] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setUpdated(new Set()), [query]);
  const refreshRow = useCallback(
    async (caseId: string) => {
      const { row } = await getJson<{ row: CaseloadRow | null }>(
        `/api/caseload/rows/${encodeURIComponent(caseId)}?${query}`,
      );
      let shown = false;
      client.setQueryData<InfiniteData<CaseloadAnswer, number>>(key, (data) => {
        if (!data) return data;
        shown = data.pages.some((page) => page.rows.some((r) => r.caseId === caseId));
        if (!shown) return data;
        return {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            total: row ? page.total : page.total - 1,
            rows: row
              ? page.rows.map((r) => (r.caseId === caseId ? row : r))
              : page.rows.filter((r) => r.caseId !== caseId),
          })),
        };
      });
      // A case that now belongs in the list (a new member, a filter it now matches): read it again.
      if (!shown && row) await client.invalidateQueries({ queryKey: key });
      if (row) setUpdated((current) => new Set(current).add(caseId));
    },
    [client, key, query],
  );
  useEventStream(
    '/api/caseload/events',
    {
      changed: (data) => {
        const caseId = (data as { caseId?: unknown } | null)?.caseId;
        if (typeof caseId === 'string') void refreshRow(caseId).catch(() => undefined);
      },
    },
    // Back after a lost connection: whatever changed meanwhile comes with a fresh read.
    () => void client.invalidateQueries({ queryKey: ['caseload'] }),
  );

  return {
    rows: pages.flatMap((page) => page.rows),
    total: pages[0]?.total ?? 0,
    neighbourhoods: pages[0]?.neighbourhoods ?? [],
    lastVisitAt: firstVisit.current,
    updated,
    loading: answer.isFetching,
    error: answer.error ? answer.error.message : null,
    loadMore: () => void answer.fetchNextPage(),
  };
}
