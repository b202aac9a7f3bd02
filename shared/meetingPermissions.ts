import { caseGrant } from './permissions.js';
import type { CaseFacts, DocumentGrant, Viewer } from './permissions.js';

/**
 * Who may see and change what of a meeting. Pure rules over facts read from SQL, used by REST,
 * sync connections and their re-checks alike.
 */
export interface MeetingFacts {
  meetingId: string;
  chairId: string;
  status: 'planned' | 'closed';
  /** Professional ids of the attendees (the chair may or may not be among them). */
  attendeeIds: readonly string[];
  agendaCaseIds: readonly string[];
}

/** The agenda: the chair and every attendee; closed meetings can only be read. */
export function meetingGrant(viewer: Viewer, meeting: MeetingFacts): DocumentGrant | null {
  const me = viewer.professionalId;
  if (!me) return null;
  const chair = meeting.chairId === me;
  if (!chair && !meeting.attendeeIds.includes(me)) return null;
  return {
    access: meeting.status === 'planned' ? 'write' : 'read',
    authorization: chair ? 'meeting:chair' : 'meeting:attendee',
  };
}

/**
 * One case in the meeting (notes, decisions, actions, what changed): attendees who are also
 * members of the case. Any other attendee sees only the agenda line (alias and question).
 */
export function meetingCaseGrant(
  viewer: Viewer,
  meeting: MeetingFacts,
  facts: CaseFacts,
): DocumentGrant | null {
  const inMeeting = meetingGrant(viewer, meeting);
  if (!inMeeting || !meeting.agendaCaseIds.includes(facts.caseId)) return null;
  const onCase = caseGrant(viewer, facts);
  if (!onCase) return null;
  return {
    access: inMeeting.access === 'write' && onCase.access === 'write' ? 'write' : 'read',
    authorization: `${inMeeting.authorization}+${onCase.authorization}`,
  };
}

/** Changing the meeting itself (time, attendees, closing it) is the chair's job. */
export function mayChairMeeting(viewer: Viewer, meeting: MeetingFacts): boolean {
  return viewer.professionalId !== null && viewer.professionalId === meeting.chairId;
}
