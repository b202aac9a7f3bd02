import type { ColumnType, Generated } from 'kysely';

/** Places, people, cases and signing in, as Kysely sees them (see ../tables.ts). */

export interface DistrictsTable {
  id: string;
  name: string;
  archived_at: string | null;
}

export interface NeighbourhoodsTable {
  id: string;
  district_id: string;
  name: string;
  archived_at: string | null;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  archived_at: string | null;
  /** What the organisation tells about itself on the social map (0004_social_map). */
  description: ColumnType<string | null, string | null | undefined>;
  website: ColumnType<string | null, string | null | undefined>;
  email: ColumnType<string | null, string | null | undefined>;
  phone: ColumnType<string | null, string | null | undefined>;
}

export interface TeamsTable {
  id: string;
  name: string;
  kind: 'primary-care' | 'neighbourhood-team' | 'volunteer-organisation' | 'other';
  neighbourhood_id: string | null;
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

export interface CasesTable {
  id: string;
  client_name: string;
  /** foldName(client_name), for searching and ordering; null until filled (written without one, or renamed). */
  client_name_key: string | null;
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

export interface CaseMembersTable {
  case_id: string;
  professional_id: string;
  case_role: string;
  access: Generated<'write' | 'read'>;
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

export interface RetentionDueTable {
  case_id: string;
  part: 'social' | 'medical';
  due_since: string;
  found_at: string;
}

export interface CaseErasuresTable {
  case_id: string;
  part: 'social' | 'medical';
  erased_at: string;
  erased_by: string;
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

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
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

export interface SignInDevicesTable {
  device_hash: string;
  user_id: string;
  signed_in_at: string;
  two_factor_until: string | null;
}

export interface SignInAddressesTable {
  user_id: string;
  address_hash: string;
  signed_in_at: string;
}

export interface TwoFactorTable {
  user_id: string;
  secret: string | null;
  pending_secret: string | null;
  enabled_at: string | null;
  last_time_step: number | null;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface SignInChallengesTable {
  token_hash: string;
  user_id: string;
  expires_at: string;
}
