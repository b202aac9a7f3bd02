import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseloadAnswer, CaseloadRow, CaseloadSort } from '../../../shared/api.js';
import { caseloadSorts } from '../../../shared/api.js';
import { getJson } from '../api.js';

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
  loading: boolean;
  error: string | null;
  loadMore(): void;
}

/** The caseload for these filters, a page at a time; answers to older filters are dropped. */
export function useCaseload(filters: CaseloadFilters): Caseload {
  const query = queryOf(filters);
  const [rows, setRows] = useState<CaseloadRow[]>([]);
  const [total, setTotal] = useState(0);
  const [neighbourhoods, setNeighbourhoods] = useState<CaseloadAnswer['neighbourhoods']>([]);
  const [lastVisitAt, setLastVisitAt] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const firstAnswer = useRef(true);

  const load = useCallback(
    (offset: number) => {
      const request = ++latest.current;
      setLoading(true);
      getJson<CaseloadAnswer>(`/api/caseload?${query}&offset=${offset}`)
        .then((answer) => {
          if (request !== latest.current) return;
          setRows((current) => (offset === 0 ? answer.rows : [...current, ...answer.rows]));
          setTotal(answer.total);
          if (answer.neighbourhoods.length > 0) setNeighbourhoods(answer.neighbourhoods);
          if (firstAnswer.current) {
            firstAnswer.current = false;
            setLastVisitAt(answer.lastVisitAt);
          }
          setError(null);
        })
        .catch((e: Error) => request === latest.current && setError(e.message))
        .finally(() => request === latest.current && setLoading(false));
    },
    [query],
  );

  useEffect(() => load(0), [load]);

  return {
    rows,
    total,
    neighbourhoods,
    lastVisitAt,
    loading,
    error,
    loadMore: () => load(rows.length),
  };
}
