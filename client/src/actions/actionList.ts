import type { ActionRow } from '../../../shared/meetingApi.js';

/** An open action whose due date (YYYY-MM-DD) lies before today's local date. */
export function isOverdue(action: Pick<ActionRow, 'done' | 'dueDate'>, today: string): boolean {
  return !action.done && action.dueDate < today;
}

const byDueDate = (a: ActionRow, b: ActionRow) =>
  a.dueDate.localeCompare(b.dueDate) || a.meetingStartsAt.localeCompare(b.meetingStartsAt);

/** "My actions" in two lists: open ones by due date (earliest first), done ones last due first. */
export function splitActions(actions: readonly ActionRow[]): { open: ActionRow[]; done: ActionRow[] } {
  return {
    open: actions.filter((a) => !a.done).sort(byDueDate),
    done: actions.filter((a) => a.done).sort((a, b) => byDueDate(b, a)),
  };
}

/** The same action in two lists (a key for React and for pending saves). */
export const actionKey = (a: Pick<ActionRow, 'meetingId' | 'caseId' | 'actionId'>): string =>
  `${a.meetingId}/${a.caseId}/${a.actionId}`;

/** The REST address that marks one action done or open again. */
export const actionPath = (a: Pick<ActionRow, 'meetingId' | 'caseId' | 'actionId'>): string =>
  `/api/actions/${[a.meetingId, a.caseId, a.actionId].map(encodeURIComponent).join('/')}`;

/** Ticks saved or being saved that the server's list may not show yet: done or open, by `actionKey`. */
export type PendingDone = ReadonlyMap<string, boolean>;

/** The list as the person sees it: their pending ticks over what the server sent. */
export const withPending = (actions: readonly ActionRow[], pending: PendingDone): ActionRow[] =>
  actions.map((a) => {
    const done = pending.get(actionKey(a));
    return done === undefined || done === a.done ? a : { ...a, done };
  });

/**
 * The pending ticks a fresh list from the server does not yet show. A tick it shows is settled, and
 * so is one whose action left the list (the case board lists open actions only).
 */
export function unsettled(pending: PendingDone, actions: readonly ActionRow[]): PendingDone {
  const served = new Map(actions.map((a) => [actionKey(a), a.done]));
  const left = [...pending].filter(([key, done]) => served.has(key) && served.get(key) !== done);
  return left.length === pending.size ? pending : new Map(left);
}
