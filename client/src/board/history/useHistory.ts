import { useCallback, useEffect, useRef, useState } from 'react';
import type { HistoryAnswer, HistoryEntry, HistoryPerson } from '../../../../shared/historyApi.js';
import { getJson } from '../../api.js';

/** What the panel filters on: a person's id, and an item as `kind` or `kind:id` ('' for all). */
export interface HistoryFilter {
  userId: string;
  item: string;
}

interface Pages {
  entries: HistoryEntry[];
  people: HistoryPerson[];
  next: string | null;
  error: string | null;
}

const pageSize = 50;

function query(filter: HistoryFilter, before: string | null): string {
  const params = new URLSearchParams({ limit: String(pageSize) });
  if (filter.userId) params.set('userId', filter.userId);
  const [kind, ...id] = filter.item.split(':');
  if (kind) params.set('kind', kind);
  if (id.length) params.set('itemId', id.join(':'));
  if (before) params.set('before', before);
  return params.toString();
}

/**
 * The pages of a case's history for the panel, read only while `active` (every read is a line in
 * the client's access log). A newer request wins; an answer for an older filter is dropped.
 */
export function useHistory(caseId: string, filter: HistoryFilter, active: boolean) {
  const [pages, setPages] = useState<Pages | null>(null);
  const latestRequest = useRef(0);
  const { userId, item } = filter;
  const load = useCallback(
    (before: string | null = null) => {
      const request = ++latestRequest.current;
      const path = `/api/cases/${encodeURIComponent(caseId)}/history?${query({ userId, item }, before)}`;
      getJson<HistoryAnswer>(path)
        .then((answer) => {
          if (request !== latestRequest.current) return;
          setPages((current) => ({
            entries: before && current ? [...current.entries, ...answer.entries] : answer.entries,
            people: answer.people,
            next: answer.next,
            error: null,
          }));
        })
        .catch((error: Error) => {
          if (request !== latestRequest.current) return;
          setPages((current) => ({
            ...(current ?? { entries: [], people: [], next: null }),
            error: error.message,
          }));
        });
    },
    [caseId, userId, item],
  );
  useEffect(() => {
    if (active) load();
  }, [active, load]);
  return { pages, reload: () => load(), more: () => pages?.next && load(pages.next) };
}
