import type { ChangeAction, HistoryItemKind } from './history.js';

/** Where a change was made: the board, a consent compartment, or a case meeting. */
export type HistorySource = 'board' | 'medical' | 'social' | 'meeting';

/** One row of a board's history: one person's changes to one field of one item, close together. */
export interface HistoryEntry {
  id: number;
  /** When the first and the last of these changes were made. */
  firstAt: string;
  lastAt: string;
  /** How many changes the row stands for (typing a sentence is one row of many changes). */
  count: number;
  userId: string;
  kind: HistoryItemKind;
  itemId: string | null;
  /** The goal of a step. */
  parentId: string | null;
  field: string | null;
  action: ChangeAction;
  source: HistorySource;
  meetingId: string | null;
}

/** Someone who changed something in this history. */
export interface HistoryPerson {
  id: string;
  name: string;
  role: string;
}

/** `GET /api/cases/:caseId/history`: newest first; pass `next` as `before` for the next page. */
export interface HistoryAnswer {
  entries: HistoryEntry[];
  /** Everyone with a change this person may see, for the filter (not only those on this page). */
  people: HistoryPerson[];
  next: string | null;
}

/** The latest change of a goal (its steps included) or perspective of the board. */
export interface LatestChange {
  kind: 'goal' | 'perspective';
  itemId: string;
  userId: string;
  name: string;
  at: string;
}

/** The stream `GET /api/cases/:caseId/history/stream` sends `latest` events with this body. */
export interface LatestAnswer {
  latest: LatestChange[];
}
