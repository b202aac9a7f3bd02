import type { ColumnType, Generated } from 'kysely';

/** The access log and the work on cases (summaries, meetings, history), as Kysely sees them (see ../tables.ts). */

export interface AccessLogTable {
  id: Generated<number>;
  at: string;
  event: string;
  case_id: string | null;
  user_id: string | null;
  on_behalf_of: string | null;
  role: string | null;
  address: string | null;
  user_agent: string | null;
  authorization: string | null;
  outcome: 'allowed' | 'refused';
  details: string | null;
  prev_hash: string;
  hash: string;
}

export interface AccessLogCasesTable {
  entry_id: number;
  case_id: string;
}

export interface CaseSummariesTable {
  case_id: string;
  signal_state: 'green' | 'amber' | 'red' | null;
  phase_by_domain: string;
  open_step_due_dates: string;
  stalled_goals: number;
  open_goals: number;
  owners: string;
  perspectives: string;
  escalations: string;
  has_signal_plan: number;
  last_observation_at: string | null;
  next_meeting_at: string | null;
  last_change_at: string | null;
  /** When the row was projected, or its risk scored again: the risk score holds from then. */
  updated_at: string;
  /** assessRisk's score when last scored; null for a row written without one (scored on read). */
  risk_score: number | null;
  /** The next moment time alone can change that score (ISO); null when it never does. */
  risk_valid_until: string | null;
  /** Goals (not dropped) and achieved goals per life domain (JSON); null until projected again. */
  goals_by_domain: string | null;
}

/** Every rating a client gave of how it is going in a life domain (the board keeps the latest). */
export interface ClientRatingLogTable {
  id: string;
  case_id: string;
  domain: 'care' | 'housing' | 'income' | 'work';
  score: number;
  rated_at: string;
}

export interface CaseloadVisitsTable {
  user_id: string;
  previous_visit_at: string | null;
  visited_at: string;
}

export interface DocumentChangesTable {
  id: Generated<number>;
  document_name: string;
  case_id: string | null;
  user_id: string | null;
  item_kind: string;
  item_id: string | null;
  parent_id: string | null;
  field: string | null;
  action: 'added' | 'changed' | 'removed';
  first_at: string;
  last_at: string;
  count: Generated<number>;
}

export interface MeetingActionsTable {
  meeting_id: string;
  case_id: string;
  action_id: string;
  text: string;
  owner_id: string;
  due_date: string;
  done: number;
  goal_id: string | null;
  step_id: string | null;
  created_at: string | null;
}

export interface MeetingAgendaTable {
  meeting_id: string;
  case_id: string;
  added_by: string;
  added_at: string;
}

export interface MeetingAttendeesTable {
  meeting_id: string;
  id: string;
  professional_id: string | null;
  guest_name: string | null;
  guest_relation: 'client' | 'family' | 'other' | null;
}

export interface MeetingCaseTagsTable {
  meeting_id: string;
  case_id: string;
  perspectives: string;
}

export interface MeetingMinutesTable {
  meeting_id: string;
  content: string;
  created_at: string;
}

export interface MeetingsTable {
  id: string;
  neighbourhood_id: string;
  title: string;
  starts_at: string;
  chair_id: string;
  status: Generated<'planned' | 'closed'>;
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  case_id: string;
  kind: string;
  state: string;
  note: string;
  created_at: string;
  read_at: string | null;
  from_professional_id: string | null;
  /** The referral a `referral` notice is about (0005_referrals). */
  referral_id: ColumnType<string | null, string | null | undefined>;
}
