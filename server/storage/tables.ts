import type {
  CaseErasuresTable,
  CaseEventsTable,
  CaseMembersTable,
  CasesTable,
  ConsentsTable,
  DistrictsTable,
  InvitationsTable,
  LoginLimitsTable,
  NeighbourhoodsTable,
  OrganisationsTable,
  ProfessionalsTable,
  RecoveryCodesTable,
  RetentionDueTable,
  SessionsTable,
  SignInAddressesTable,
  SignInChallengesTable,
  SignInDevicesTable,
  TeamsTable,
  TwoFactorTable,
  UsersTable,
} from './tables/people.js';
import type {
  AccessLogCasesTable,
  AccessLogTable,
  CaseSummariesTable,
  ClientRatingLogTable,
  CaseloadVisitsTable,
  DocumentChangesTable,
  MeetingActionsTable,
  MeetingAgendaTable,
  MeetingAttendeesTable,
  MeetingCaseTagsTable,
  MeetingMinutesTable,
  MeetingsTable,
  NotificationsTable,
} from './tables/work.js';
import type { GlossaryRelatedTable, GlossaryTermsTable } from './tables/glossary.js';
import type {
  DecisionTreeVersionsTable,
  DecisionTreesTable,
  LetterTemplatesTable,
  ReferralEventsTable,
  ReferralsTable,
  SocialServiceConfirmationsTable,
  SocialServiceTermsTable,
  SocialServicesTable,
} from './tables/socialMap.js';

export type * from './tables/glossary.js';
export type * from './tables/people.js';
export type * from './tables/socialMap.js';
export type * from './tables/work.js';

/*
 * The relational tables as Kysely sees them, the same on SQLite and PostgreSQL (server/db/migrations*
 * made them on SQLite, storage migration 0002 on PostgreSQL). Times and dates are ISO-8601 strings
 * written by the server; flags are integers 0/1 on both engines; CHECK lists are unions.
 */

export interface RelationalTables {
  access_log: AccessLogTable;
  access_log_cases: AccessLogCasesTable;
  case_erasures: CaseErasuresTable;
  case_events: CaseEventsTable;
  case_members: CaseMembersTable;
  case_summaries: CaseSummariesTable;
  client_rating_log: ClientRatingLogTable;
  caseload_visits: CaseloadVisitsTable;
  cases: CasesTable;
  consents: ConsentsTable;
  decision_tree_versions: DecisionTreeVersionsTable;
  decision_trees: DecisionTreesTable;
  districts: DistrictsTable;
  document_changes: DocumentChangesTable;
  glossary_related: GlossaryRelatedTable;
  glossary_terms: GlossaryTermsTable;
  invitations: InvitationsTable;
  letter_templates: LetterTemplatesTable;
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
  referral_events: ReferralEventsTable;
  referrals: ReferralsTable;
  retention_due: RetentionDueTable;
  sessions: SessionsTable;
  sign_in_addresses: SignInAddressesTable;
  sign_in_challenges: SignInChallengesTable;
  sign_in_devices: SignInDevicesTable;
  social_service_confirmations: SocialServiceConfirmationsTable;
  social_service_terms: SocialServiceTermsTable;
  social_services: SocialServicesTable;
  teams: TeamsTable;
  two_factor: TwoFactorTable;
  users: UsersTable;
}
