import type { FileAccess } from '../../../shared/api.js';

/** One visit to the client's file: the same person acting several times close together. */
export interface Visit {
  /** The newest time of the visit. */
  at: string;
  name: string;
  role: string | null;
  /** The distinct events of the visit, in the order first seen. */
  events: string[];
  count: number;
}

/**
 * Folds the access log (newest first) into visits, so the client reads "Youssef looked at your
 * plan (6 times)" instead of six rows from one minute. A person's visit goes on while they act
 * again within `gapMinutes`, even when someone else acts in between.
 */
export function groupVisits(entries: readonly FileAccess[], gapMinutes = 30): Visit[] {
  const visits: (Visit & { oldest: number })[] = [];
  for (const entry of entries) {
    const at = Date.parse(entry.at);
    const visit = visits.find(
      (v) => v.name === entry.name && v.role === entry.role && v.oldest - at <= gapMinutes * 60_000,
    );
    if (visit) {
      visit.count++;
      visit.oldest = at;
      if (!visit.events.includes(entry.event)) visit.events.push(entry.event);
    } else {
      visits.push({
        at: entry.at,
        name: entry.name,
        role: entry.role,
        events: [entry.event],
        count: 1,
        oldest: at,
      });
    }
  }
  return visits.map(({ oldest: _oldest, ...visit }) => visit);
}
