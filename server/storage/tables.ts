import type { Generated } from 'kysely';

/*
 * The relational tables as Kysely sees them, the same on SQLite and PostgreSQL (server/db/migrations*
 * made them on SQLite, storage migration 0002 on PostgreSQL). Times and dates are ISO-8601 strings
 * written by the server; flags are integers 0/1 on both engines; CHECK lists are unions.
 */

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

export interface CaseErasuresTable {
  case_id: string;
  part: 'social' | 'medical';
  erased_at: string;
  erased_by: string;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  at: string;
  kind: 'registered' | 'coordinator-transferred' | 'closed' | 'reopened';
  user_id: string | null;
  reason: string | null;
  note: string | null;
  from_professional_id: string | null;
  to_professional_id: string | null;
}

export interface CaseMembersTable {
  case_id: string;
  professional_id: string;
  case_role: string;
  access: Generated<'write' | 'read'>;
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
  updated_at: string;
}

export interface CaseloadVisitsTable {
  user_id: string;
  previous_visit_at: string | null;
  visited_at: string;
}

export interface CasesTable {
  id: string;
  client_name: string;
  birth_year: number | null;
  neighbourhood_id: string;
  coordinator_id: string | null;
  recovery_context: 'stroke' | 'psychiatric' | 'addiction' | 'other';
  status: Generated<'open' | 'closed'>;
  created_at: string;
  date_of_birth: string | null;
  address: string | null;
  phone: string | null;
  preferred_language: string | null;
  reading_level: 'fluent' | 'plain' | 'low' | null;
  bsn: string | null;
  registered_by: string | null;
  closed_at: string | null;
  close_reason: 'goals-reached' | 'moved-away' | 'client-stopped' | 'deceased' | 'other' | null;
  closing_note: string | null;
  closed_by: string | null;
  contact_after_id: string | null;
}

export interface ConsentsTable {
  id: string;
  case_id: string;
  compartment: 'medical' | 'social';
  shared_with_domain: 'medical' | 'social' | null;
  shared_with_professional_id: string | null;
  given_by: string;
  recorded_by: string;
  given_at: string;
  withdrawn_at: string | null;
  withdrawn_recorded_by: string | null;
  how: 'spoken' | 'written' | 'app' | null;
  valid_until: string | null;
  recorded_at: string | null;
}

export interface DistrictsTable {
  id: string;
  name: string;
  archived_at: string | null;
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

export interface InvitationsTable {
  token_hash: string;
  user_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export interface LoginLimitsTable {
  key: string;
  points: Generated<number>;
  expire: number | null;
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

export interface NeighbourhoodsTable {
  id: string;
  district_id: string;
  name: string;
  archived_at: string | null;
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
}

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  archived_at: string | null;
}

export interface ProfessionalsTable {
  id: string;
  name: string;
  role_title: string;
  domain: 'medical' | 'social';
  team_id: string | null;
  organisation_id: string | null;
  phone: string | null;
  email: string | null;
  search_key: string | null;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface RetentionDueTable {
  case_id: string;
  part: 'social' | 'medical';
  due_since: string;
  found_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface SignInAddressesTable {
  user_id: string;
  address_hash: string;
  signed_in_at: string;
}

export interface SignInChallengesTable {
  token_hash: string;
  user_id: string;
  expires_at: string;
}

export interface SignInDevicesTable {
  device_hash: string;
  user_id: string;
  signed_in_at: string;
  two_factor_until: string | null;
}

export interface TeamsTable {
  id: string;
  name: string;
  kind: 'primary-care' | 'neighbourhood-team' | 'volunteer-organisation' | 'other';
  neighbourhood_id: string | null;
  archived_at: string | null;
}

export interface TwoFactorTable {
  user_id: string;
  secret: string | null;
  pending_secret: string | null;
  enabled_at: string | null;
  last_time_step: number | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: 'professional' | 'coordinator' | 'client' | 'admin';
  professional_id: string | null;
  client_case_id: string | null;
  password_hash: string | null;
  language: Generated<'nl' | 'en'>;
  created_at: string;
  disabled_at: string | null;
}

export interface RelationalTables {
  access_log: AccessLogTable;
  access_log_cases: AccessLogCasesTable;
  case_erasures: CaseErasuresTable;
  case_events: CaseEventsTable;
  case_members: CaseMembersTable;
  case_summaries: CaseSummariesTable;
  caseload_visits: CaseloadVisitsTable;
  cases: CasesTable;
  consents: ConsentsTable;
  districts: DistrictsTable;
  document_changes: DocumentChangesTable;
  invitations: InvitationsTable;
  login_limits: LoginLimitsTable;
  meeting_actions: MeetingActionsTable;
  meeting_agenda: MeetingAgendaTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_case_tags: MeetingCaseTagsTable;
  meeting_minutes: MeetingMinutesTable;
  meetings: MeetingsTable;
  neighbourhoods: NeighbourhoodsTable;
  notifications: NotificationsTable;
  organisations: OrganisationsTable;
  professionals: ProfessionalsTable;
  recovery_codes: RecoveryCodesTable;
  retention_due: RetentionDueTable;
  sessions: SessionsTable;
  sign_in_addresses: SignInAddressesTable;
  sign_in_challenges: SignInChallengesTable;
  sign_in_devices: SignInDevicesTable;
  teams: TeamsTable;
  two_factor: TwoFactorTable;
  users: UsersTable;
}
