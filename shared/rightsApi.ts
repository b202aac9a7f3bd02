import type { ConsentRecord, FileAccess, RecoveryContext } from './api.js';
import type { ClientRating, TeamRating } from './doc/clientVoice.js';
import type { SignalPlan } from './doc/signalPlan.js';
import type { GoalStatus, LifeDomain, ProfessionalDomain, RecoveryPhase } from './domain.js';
import type { SignalState } from './risk.js';

/**
 * The client's rights (AVG art. 15 and 20, WGBO art. 7:456): a copy of everything stored about
 * them, the same JSON for the download and the print page; and retention (AVG art. 5(1)(e),
 * WGBO art. 7:454): what passed its period after the case closed, for the admin to erase.
 * Payloads of the REST API, used by the server to answer and the client to read.
 */
export const clientFileFormat = 'veelzijdig/client-file';

/** A person named in the file: who helps, who wrote, who decided. */
export interface FilePerson {
  name: string;
  roleTitle: string | null;
  side: ProfessionalDomain | null;
  organisation: string | null;
  phone: string | null;
  email: string | null;
}

/** A compartment's notes: included, or left out because whoever made the copy may not open them. */
export interface FileCompartment {
  side: ProfessionalDomain;
  /** False in a copy made on the client's behalf by someone the compartment is closed to (SPEC RT9). */
  included: boolean;
  notes: { text: string; author: string | null; createdAt: string }[];
}

/** One case meeting that discussed the client: its agenda line and what the meeting wrote. */
export interface FileMeeting {
  title: string;
  startsAt: string;
  status: 'planned' | 'closed';
  question: string;
  notes: string;
  decisions: string[];
  actions: { text: string; owner: string | null; dueDate: string; done: boolean }[];
  perspectives: string[];
}

/** Everything stored about one client, as the client downloads it (and reads it on the print page). */
export interface ClientFile {
  format: typeof clientFileFormat;
  version: 1;
  exportedAt: string;
  /** Who made this copy: the client, or a professional on the client's behalf. */
  madeBy: { name: string; role: 'client' | 'professional' | 'coordinator' };
  client: {
    name: string;
    birthYear: number | null;
    neighbourhood: string;
    recoveryContext: RecoveryContext | 'other';
    status: 'open' | 'closed';
    registeredAt: string;
    /**
     * Every other detail kept with the case, by its column (e.g. `date_of_birth`, `address`,
     * `bsn`, `closed_at`); references to people and places are given as their names.
     */
    details: Record<string, string | number | null>;
  };
  coordinator: FilePerson | null;
  team: (FilePerson & { caseRole: string; access: 'write' | 'read' })[];
  perspectives: {
    id: string;
    /** Set for the team's own perspectives; default ones are named by the pages' translations. */
    label: string | null;
    active: boolean;
    situation: string;
    strengths: string;
    concerns: string;
    lead: string | null;
  }[];
  goals: {
    title: string;
    clientWords: string;
    domain: LifeDomain;
    phase: RecoveryPhase;
    status: GoalStatus;
    owner: string | null;
    targetDate: string | null;
    /** Whether the goal shows in the client's own plan; the copy holds every goal. */
    visibleToClient: boolean;
    perspectives: string[];
    createdAt: string | null;
    steps: { text: string; owner: string | null; dueDate: string | null; done: boolean }[];
  }[];
  signalPlan: SignalPlan & { currentState: SignalState | null };
  observations: { at: string; by: string; state: SignalState; note: string; relapse: boolean }[];
  voice: {
    questions: { text: string; askedAt: string; discussedAt: string | null }[];
    ratings: Partial<Record<LifeDomain, ClientRating>>;
    teamRatings: Partial<Record<LifeDomain, Omit<TeamRating, 'byId'>>>;
    /** Every rating the client gave (the score and when), oldest first; the board keeps the latest. */
    ratingHistory: { domain: LifeDomain; score: number; ratedAt: string }[];
  };
  compartments: FileCompartment[];
  meetings: FileMeeting[];
  consents: ConsentRecord[];
  /** Referrals to a person or a service; none are kept yet. */
  referrals: never[];
  /** Earlier versions of the plan the server keeps (when, why); their content is the plan's own, earlier. */
  versions: { createdAt: string; kind: 'meeting' | 'auto' | 'relapse' }[];
  /** Who looked at or changed the file, and when (as in "who looked at my file"). */
  accessLog: FileAccess[];
}

/** The two parts of a case that keep their own retention period after it closed (SPEC RT2). */
export const retentionParts = ['social', 'medical'] as const;
export type RetentionPart = (typeof retentionParts)[number];

/** A part of a closed case whose period passed, waiting for the admin to confirm its erasure. */
export interface RetentionDue {
  caseId: string;
  /** Initials and birth year, as on a meeting's agenda: never the name. */
  alias: string;
  neighbourhood: string;
  coordinator: string | null;
  closedAt: string;
  part: RetentionPart;
  /** The first day of erasure (YYYY-MM-DD): the day the period ended. */
  dueSince: string;
  /** When the daily check listed it. */
  foundAt: string;
  /** Erasing this part leaves nothing of the case: the case itself goes too. */
  last: boolean;
}

export interface RetentionAnswer {
  due: RetentionDue[];
  periods: { medicalYears: number; socialYears: number };
  /** When the check last ran (daily, at start, or on demand); null before the first. */
  checkedAt: string | null;
}

export interface ErasureAnswer {
  caseId: string;
  part: RetentionPart;
  /** Nothing of the case is left but the access log's entries (ids only). */
  caseRemoved: boolean;
}
