import type { ColumnType } from 'kysely';
import type { LetterSide } from '../../../shared/letters.js';
import type { ReferralStatus, Urgency } from '../../../shared/referralApi.js';
import type { ServiceAccess, ServiceStatus } from '../../../shared/socialMapApi.js';

/** The social map and referrals as Kysely sees them (storage migrations 0004 and 0005). */

export interface SocialServicesTable {
  /** A UUID, as HSDS requires. */
  id: string;
  district_id: string;
  organisation_id: string;
  name: string;
  description: string;
  for_whom: string;
  access: ServiceAccess;
  how_to_get_in: string;
  free: number;
  cost_description: string;
  /** JSON: OpeningHours[]. */
  opening_hours: string;
  opening_note: string;
  /** JSON: ServiceLocation, or null. */
  location: string | null;
  contact_name: string;
  contact_role: string;
  contact_phone: string;
  contact_email: string;
  peer_run: number;
  status: ServiceStatus;
  /** foldName of the name, description, who it is for and the organisation's name: what a search matches. */
  search_key: string;
  /** foldName(name): the order among equals. */
  name_key: string;
  last_confirmed_at: string;
  updated_at: string;
}

export type ServiceTermKind = 'domain' | 'perspective' | 'neighbourhood' | 'language';

/** One value of a service's lists, a row each, so a search filters on an index. */
export interface SocialServiceTermsTable {
  service_id: string;
  kind: ServiceTermKind;
  value: string;
}

/** A one-time link for a service's contact person to confirm or correct it without an account. */
export interface SocialServiceConfirmationsTable {
  token_hash: string;
  service_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A referral of a case's client to one named professional (0005_referrals). */
export interface ReferralsTable {
  id: string;
  case_id: string;
  goal_id: string | null;
  goal_title: string | null;
  from_professional_id: string;
  to_professional_id: string;
  service_id: string | null;
  reason: string;
  question: string;
  urgency: Urgency;
  carries_compartment: 'medical' | 'social' | null;
  consent_id: string | null;
  status: ReferralStatus;
  requested_at: string;
  accepted_at: string | null;
  first_contact_at: string | null;
  closed_at: string | null;
  created_by: string;
  /** The letter as it was sent, and the template it started from (0007_letters). */
  letter: ColumnType<string | null, string | null | undefined>;
  letter_template_id: ColumnType<string | null, string | null | undefined>;
}

/** A district's standard letter (0007_letters). */
export interface LetterTemplatesTable {
  id: string;
  district_id: string;
  title: string;
  purpose: string;
  from_side: LetterSide;
  to_side: LetterSide;
  body: string;
  legal_basis: string;
  updated_at: string;
  archived_at: string | null;
}

/** One step of a referral's loop. */
export interface ReferralEventsTable {
  referral_id: string;
  seq: number;
  status: ReferralStatus;
  at: string;
  by_professional_id: string | null;
  reason: string | null;
  note: string;
}

/** A district's referral decision tree (0008_decision_trees). */
export interface DecisionTreesTable {
  id: string;
  district_id: string;
  created_at: string;
  archived_at: string | null;
}

/** One saved version of a tree's content (JSON of TreeContent). */
export interface DecisionTreeVersionsTable {
  tree_id: string;
  version: number;
  content: string;
  saved_at: string;
  saved_by: string;
}
