import type { TeamKind } from '../../shared/adminApi.js';
import type { GoalStatus, LifeDomain, PerspectiveId, RecoveryPhase } from '../../shared/domain.js';

/**
 * The demo neighbourhood seeded on first start in demo mode. Dates are given relative to the day
 * of seeding (in days), so overdue steps and goals look the same whenever the demo starts.
 */
export interface DemoData {
  district: { id: string; name: string };
  neighbourhoods: { id: string; name: string }[];
  organisations: { id: string; name: string; kind: OrganisationKind }[];
  teams: {
    id: string;
    name: string;
    kind: TeamKind;
    neighbourhoodId: string;
  }[];
  professionals: DemoProfessional[];
  cases: DemoCase[];
}

export type OrganisationKind =
  | 'gp-practice'
  | 'mental-health'
  | 'home-care'
  | 'municipality'
  | 'debt-service'
  | 'housing-corporation'
  | 'volunteer'
  | 'employment';

export interface DemoProfessional {
  id: string;
  name: string;
  /** Dutch role title as colleagues say it, e.g. "Huisarts", "POH-GGZ", "Wmo-consulent". */
  roleTitle: string;
  domain: 'medical' | 'social';
  teamId: string;
  organisationId: string;
  phone: string;
  email: string;
}

export interface DemoCase {
  /**
   * The dataset's own name for the case (e.g. `ahmet-yilmaz`), used only while seeding: the case
   * gets a random id in the database, so no id, url or document name says who is a client.
   */
  key: string;
  clientName: string;
  birthYear: number;
  neighbourhoodId: string;
  recoveryContext: 'stroke' | 'psychiatric' | 'addiction';
  coordinatorId: string;
  /** Individual professionals on this case, each with a role in this case (Dutch). */
  members: { professionalId: string; caseRole: string }[];
  /** The perspectives switched on for this client; custom ones carry a label and a custom- id. */
  perspectives: DemoPerspective[];
  goals: DemoGoal[];
}

export interface DemoPerspective {
  id: PerspectiveId;
  label?: string;
  situation: string;
  strengths: string;
  concerns: string;
  leadId: string;
}

export interface DemoGoal {
  title: string;
  clientWords?: string;
  domain: LifeDomain;
  phase: RecoveryPhase;
  status: GoalStatus;
  ownerId: string;
  /** Days from the day of seeding; negative is in the past. */
  targetInDays?: number;
  visibleToClient: boolean;
  perspectives: PerspectiveId[];
  steps: { text: string; ownerId: string; dueInDays?: number; done: boolean }[];
}
