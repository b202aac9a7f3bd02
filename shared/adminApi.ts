/**
 * The functional administrator's API (`/api/admin/**`): places (districts and neighbourhoods),
 * teams, organisations and professionals with their accounts. Used by the server to answer and by
 * the admin pages to read; the request bodies are the zod schemas in server/routes/admin/**.
 */

/** A team's kind: a GP practice's primary-care team, a social neighbourhood team, volunteers, other. */
export const teamKinds = ['primary-care', 'neighbourhood-team', 'volunteer-organisation', 'other'] as const;
export type TeamKind = (typeof teamKinds)[number];

/** What an organisation is (the demo's kinds; the service directory will read them). */
export const organisationKinds = [
  'gp-practice',
  'mental-health',
  'home-care',
  'municipality',
  'debt-service',
  'housing-corporation',
  'volunteer',
  'employment',
  'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** The side a professional works on: medical (GP, POH-GGZ, FACT …) or social (Wmo, debt, work …). */
export const sides = ['medical', 'social'] as const;
export type Side = (typeof sides)[number];

/** An account's state: signed in before, waiting for its first password, or disabled (a leaver). */
export const accountStates = ['active', 'invited', 'disabled'] as const;
export type AccountState = (typeof accountStates)[number];

export interface AdminNeighbourhood {
  id: string;
  districtId: string;
  name: string;
  /** Archived places are hidden from pickers but still shown where cases, teams or meetings use them. */
  archivedAt: string | null;
  /** What refers to it: why it can be archived but never deleted. */
  teams: number;
  openCases: number;
  meetings: number;
}

export interface AdminDistrict {
  id: string;
  name: string;
  archivedAt: string | null;
  neighbourhoods: AdminNeighbourhood[];
}

export interface PlacesAnswer {
  districts: AdminDistrict[];
}

export interface AdminTeam {
  id: string;
  name: string;
  kind: TeamKind;
  /** Null only for teams from before neighbourhoods were required. */
  neighbourhoodId: string | null;
  archivedAt: string | null;
  /** Professionals in the team. */
  members: number;
}

export interface AdminOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** Archived organisations leave the professional form's picker; who works there keeps it. */
  archivedAt: string | null;
  /** Professionals who work for it: why it is archived, never deleted. */
  members: number;
}

export interface TeamsAnswer {
  teams: AdminTeam[];
  organisations: AdminOrganisation[];
}

/** The role of a professional's account: a coordinator may also lead cases. */
export type ProfessionalRole = 'professional' | 'coordinator';

/** A professional as the admin keeps them, with their account (if they have one). */
export interface AdminProfessional {
  id: string;
  name: string;
  roleTitle: string;
  side: Side;
  teamId: string | null;
  team: string | null;
  organisationId: string | null;
  organisation: string | null;
  phone: string | null;
  email: string | null;
  account: {
    userId: string;
    username: string;
    role: ProfessionalRole;
    state: AccountState;
    disabledAt: string | null;
    twoFactor: boolean;
  } | null;
  /** Open cases this person coordinates (each needs a new coordinator once the account is disabled). */
  coordinates: number;
}

export interface ProfessionalsAnswer {
  rows: AdminProfessional[];
  /** Matches before paging. */
  total: number;
  offset: number;
  limit: number;
}

/** Answer to creating a professional or resetting a password: the one-time link to hand over. */
export interface OneTimeLinkAnswer {
  link: string;
  expiresAt: string;
}

/**
 * An open case whose coordinator left (their account is disabled) or that has none. The admin
 * never opens a case: it is named by its alias (initials and birth year) and neighbourhood.
 */
export interface OrphanedCase {
  caseId: string;
  alias: string;
  neighbourhood: string;
  /** The coordinator who left; null when the case never had one. */
  formerCoordinator: { id: string; name: string } | null;
  members: number;
}

export interface OrphanedCasesAnswer {
  cases: OrphanedCase[];
}

/** Every account that is not a professional's (clients and admins), a page at a time. */
export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: 'professional' | 'coordinator' | 'client' | 'admin';
  professionalId: string | null;
  isClient: boolean;
  hasPassword: boolean;
  disabledAt: string | null;
}

export interface UsersAnswer {
  users: AdminUser[];
  total: number;
}
