import { addMonths } from '../../shared/consent.js';
import type { DocumentName } from '../../shared/protocol.js';
import { retentionParts } from '../../shared/rightsApi.js';
import type { RetentionPart } from '../../shared/rightsApi.js';

/**
 * When which part of a closed case passed its retention period (SPEC RT1–RT3). Pure: the clock
 * and the facts come in, so the daily check, the admin's confirmation and the tests agree.
 */
export interface RetentionPeriods {
  /** WGBO: the medical compartment, years after the case closed. */
  medicalYears: number;
  /** The shared board, the social compartment and everything else about the client. */
  socialYears: number;
}

export interface CaseRetention {
  status: 'open' | 'closed';
  /** When the case was closed (ISO time); null for an open case. */
  closedAt: string | null;
  /** The parts already erased. */
  erased: ReadonlySet<RetentionPart>;
}

export interface DuePart {
  part: RetentionPart;
  /** The first day the part may be erased (YYYY-MM-DD, UTC): the closing day, `years` later. */
  dueSince: string;
}

const yearsOf = (periods: RetentionPeriods, part: RetentionPart) =>
  part === 'medical' ? periods.medicalYears : periods.socialYears;

/** The day a part's period ends: the closing day (UTC) `years` later; 29 February ends on the 28th. */
export const periodEnds = (closedAt: string, years: number): string =>
  addMonths(closedAt.slice(0, 10), years * 12);

/** The parts of a case whose period passed by `now` and that are not erased yet; none while it is open. */
export function dueParts(c: CaseRetention, periods: RetentionPeriods, now: Date): DuePart[] {
  if (c.status !== 'closed' || !c.closedAt) return [];
  const today = now.toISOString().slice(0, 10);
  return retentionParts
    .filter((part) => !c.erased.has(part))
    .map((part) => ({ part, dueSince: periodEnds(c.closedAt!, yearsOf(periods, part)) }))
    .filter((due) => due.dueSince <= today);
}

/** Whether erasing `part` leaves nothing of the case, so the case itself goes too (SPEC RT3). */
export const isLastPart = (erased: ReadonlySet<RetentionPart>, part: RetentionPart): boolean =>
  retentionParts.every((p) => p === part || erased.has(p));

/**
 * The part a document of the case follows: the medical compartment its own period; the board,
 * the social compartment and the case's notes in meetings the social period. A meeting's agenda
 * is every attendee's, not one client's: the case's line in it goes with the social part.
 */
export function partOfDocument(name: DocumentName): RetentionPart | null {
  if (name.kind === 'meeting') return null;
  if (name.kind === 'meeting-case') return 'social';
  return name.part === 'medical' ? 'medical' : 'social';
}
