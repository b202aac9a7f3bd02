import type { PerspectiveId, RecoveryPhase, LifeDomain } from './domain.js';
import type { SignalState } from './risk.js';

/** Payloads of the meeting routes (`/api/meetings`, `/api/actions`), shared by client and server. */
export const guestRelations = ['client', 'family', 'other'] as const;
export type GuestRelation = (typeof guestRelations)[number];

export interface MeetingAttendee {
  id: string;
  /** Null for a guest (the client or family). */
  professionalId: string | null;
  name: string;
  roleTitle: string | null;
  relation: GuestRelation | null;
}

export interface MeetingSummary {
  id: string;
  title: string;
  startsAt: string;
  neighbourhoodId: string;
  neighbourhoodName: string;
  chairId: string;
  chairName: string;
  status: 'planned' | 'closed';
  closedAt: string | null;
  caseCount: number;
}

export interface MeetingAgendaCase {
  caseId: string;
  alias: string;
  /** Whether the viewer is a member of the case; only then do they see more than the agenda line. */
  member: boolean;
  clientName: string | null;
  access: 'write' | 'read' | null;
}

export interface MeetingDetails extends MeetingSummary {
  attendees: MeetingAttendee[];
  /** The chair's account, to find the chair in the presence of the meeting document. */
  chairUserId: string | null;
  agenda: MeetingAgendaCase[];
  iAmChair: boolean;
}

export interface MeetingsAnswer {
  meetings: MeetingSummary[];
}

export interface ActionRow {
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: string;
  caseId: string;
  /** The client's name for members of the case, otherwise the alias. */
  caseLabel: string;
  actionId: string;
  text: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  done: boolean;
  goalId: string | null;
  stepId: string | null;
}

export interface ActionsAnswer {
  actions: ActionRow[];
}

export type BoardChange =
  | { kind: 'goal-added'; goalId: string; title: string; domain: LifeDomain; phase: RecoveryPhase }
  | { kind: 'goal-removed'; goalId: string; title: string }
  | {
      kind: 'goal-moved';
      goalId: string;
      title: string;
      from: { domain: LifeDomain; phase: RecoveryPhase };
      to: { domain: LifeDomain; phase: RecoveryPhase };
    }
  | { kind: 'goal-achieved'; goalId: string; title: string }
  | { kind: 'goal-stalled'; goalId: string; title: string }
  | { kind: 'signal-state'; from: SignalState | null; to: SignalState | null }
  | { kind: 'observation'; at: string; state: SignalState; authorName: string; note: string };

export interface ChangesAnswer {
  /** The version compared with: kept when an earlier meeting closed; null when there is none. */
  since: { meetingId: string | null; name: string; at: string } | null;
  changes: BoardChange[];
}

export interface MinutesCase {
  caseId: string;
  alias: string;
  question: string;
  /** False for a reader who is not a member of the case: only the agenda line is shown. */
  visible: boolean;
  /** The notes typed together, as they were at the close. */
  notes: string;
  decisions: string[];
  actions: { text: string; ownerName: string; dueDate: string }[];
  /** The client's questions marked discussed in this meeting, with who marked them. */
  clientQuestions: { text: string; askedAt: string; discussedBy: string }[];
  perspectives: PerspectiveId[];
  /** The Dutch name of each perspective discussed at the close (a custom one has only this). */
  perspectiveNames: Partial<Record<PerspectiveId, string>>;
  usedMinutes: number;
  slotMinutes: number;
}

export interface Minutes {
  meetingId: string;
  title: string;
  startsAt: string;
  closedAt: string;
  neighbourhoodName: string;
  chairName: string;
  attendees: { name: string; detail: string }[];
  cases: MinutesCase[];
}

export interface AttentionAnswer {
  /** Minutes per perspective over the cases the viewer may see, time split over the tags of each case. */
  spread: { perspective: PerspectiveId; minutes: number; share: number }[];
}
