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
