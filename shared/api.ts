import type { ReferralStatus } from './referralApi.js';
import type { ConsentLimits, ConsentState, ConsentWay } from './consent.js';
import type { ClientOwnVoice } from './doc/clientVoice.js';
import type { SignalPlan } from './doc/signalPlan.js';
import type { LifeDomain, RecoveryPhase } from './domain.js';
import type { Risk, SignalState } from './risk.js';
import type {
  CaseClosure,
  CaseEvent,
  ClientDetails,
  LifecycleRights,
  ReadingLevel,
  RecoveryContext,
} from './intakeApi.js';

/** Payloads of the REST API, used by the server to answer and the client to read. */
export interface ProfessionalSummary {
  id: string;
  name: string;
  roleTitle: string;
  domain: 'medical' | 'social';
  team: string | null;
  organisation: string | null;
  phone: string | null;
  email: string | null;
}

export type { RecoveryContext };

export interface CaseSummary {
  id: string;
  clientName: string;
  birthYear: number | null;
  neighbourhood: string;
  recoveryContext: RecoveryContext;
  status: 'open' | 'closed';
  coordinator: { id: string; name: string } | null;
  memberCount: number;
}

export interface CaseMember extends ProfessionalSummary {
  caseRole: string;
  /** Read-only members see the board live but cannot change it. */
  access: 'write' | 'read';
}

export interface CaseDetails extends CaseSummary {
  members: CaseMember[];
  /** Date of birth, address, phone, language, reading level and the BSN when given (members only). */
  client: ClientDetails;
  /** Set while the case is closed (read-only for everyone). */
  closure: CaseClosure | null;
  /** Registered, handed over, closed, reopened: newest first. */
  events: CaseEvent[];
  /**
   * Whether the client has an account for their own plan: none yet (the coordinator may invite),
   * invited (no password set yet) or active. An invitation never touches an existing account.
   */
  clientAccount: 'none' | 'invited' | 'active';
  /** What the signed-in person may do on this case. */
  myAccess: {
    access: 'write' | 'read';
    manage: boolean;
    /** The consent compartments this person receives. */
    compartments: ('medical' | 'social')[];
    /** Hand over, close, reopen (the coordinator). */
    lifecycle: LifecycleRights;
  };
}

export interface ApiError {
  error: string;
}

/** The signed-in person as the client app knows them. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: 'professional' | 'coordinator' | 'client' | 'admin';
  professionalId: string | null;
  domain: 'medical' | 'social' | null;
  clientCaseId: string | null;
  language: 'nl' | 'en';
  /** Two-factor sign-in is required (REQUIRE_2FA) and not set up yet: the session opens only its set-up. */
  twoFactorSetupRequired?: true;
}

export interface SessionInfo {
  user: SessionUser;
  csrfToken: string;
}

/**
 * A consent the client gave to share a compartment with the other side or one person (SPEC A7):
 * how and on which day, its last day, who recorded it (the client themselves, or someone on the
 * client's behalf), and who withdrew it. `state` is as of the answer; pages judge it again with
 * `consentState` (shared/consent.ts), so an ended consent never shows as valid.
 */
export interface ConsentRecord {
  id: string;
  compartment: 'medical' | 'social';
  sharedWithDomain: 'medical' | 'social' | null;
  sharedWithProfessionalId: string | null;
  sharedWithName: string | null;
  /** Null for consents recorded before the way was asked. */
  how: ConsentWay | null;
  /** The day the client gave it (YYYY-MM-DD). */
  givenOn: string;
  /** Its last day (YYYY-MM-DD). */
  validUntil: string;
  recordedBy: string;
  /** Recorded by the client in their own plan. */
  recordedByClient: boolean;
  recordedAt: string;
  withdrawnAt: string | null;
  withdrawnRecordedBy: string | null;
  state: ConsentState;
}

/** The consents of a case, and how long a new one lasts by default and at most. */
export interface ConsentsAnswer {
  consents: ConsentRecord[];
  limits: ConsentLimits;
}

/** The client's own consents, with the people on their case they can share with. */
export interface MyConsentsAnswer extends ConsentsAnswer {
  people: { id: string; name: string; roleTitle: string; domain: 'medical' | 'social' }[];
}

/** A person the client can contact. */
export interface PlanContact {
  id: string;
  name: string;
  roleTitle: string;
  organisation: string | null;
  phone: string | null;
  email: string | null;
}

/** What the client sees of their own plan: only goals marked visible, never the raw document. */
/** A service that helps with a goal, as the client reads it: what it is and whom to call. */
export interface PlanService {
  id: string;
  name: string;
  organisation: string;
  description: string;
  howToGetIn: string;
  contactName: string;
  phone: string;
  peerRun: boolean;
}

/** A referral of the client to a person, as the client reads it (SPEC RF7): to whom, and whether contact happened. */
export interface PlanReferral {
  id: string;
  toName: string;
  toRoleTitle: string;
  /** The service's name, else the person's organisation. */
  where: string | null;
  phone: string | null;
  status: 'requested' | 'accepted' | 'in-progress' | 'completed';
  requestedAt: string;
  firstContactAt: string | null;
}

export interface ClientPlan {
  clientName: string;
  coordinator: PlanContact | null;
  contacts: PlanContact[];
  goals: {
    id: string;
    domain: 'care' | 'housing' | 'income' | 'work';
    phase: 'treatment' | 'transition' | 'rebuilding' | 'sustaining';
    status: 'open' | 'active' | 'achieved' | 'stalled' | 'dropped';
    title: string;
    clientWords: string;
    targetDate: string | null;
    owner: PlanContact | null;
    steps: { id: string; text: string; done: boolean; dueDate: string | null; owner: PlanContact | null }[];
    /** Services of the social map the team linked to the goal ("who helps"), in plain words. */
    services: PlanService[];
  }[];
  /** Where the team referred the client, still under way or done (not the ones called off). */
  referrals: PlanReferral[];
  /** The signal plan (what I notice, what I do, whom I call) and the current state. */
  signalPlan: SignalPlan;
  currentState: SignalState | null;
  /** The client's own questions for the next meeting and how it is going per life domain. */
  voice: ClientOwnVoice;
  /** How the client reads: `low` offers the plan read aloud first. */
  readingLevel: ReadingLevel | null;
  /** Once the case is closed: the support has ended, on which day, and whom to call. */
  supportEnded: { on: string; contact: PlanContact | null } | null;
}

/** One time someone opened or read the client's file, as the client sees it. */
export interface FileAccess {
  at: string;
  event: string;
  name: string;
  role: string | null;
}

/** A neighbourhood as a picker offers it (archived ones are left out); the admin's API is in adminApi.ts. */
export interface Neighbourhood {
  id: string;
  name: string;
}

/** One client on the coordinator's caseload: state, risk and why, without loading the board. */
export interface CaseloadRow {
  caseId: string;
  clientName: string;
  neighbourhoodId: string;
  neighbourhood: string;
  coordinator: { id: string; name: string } | null;
  /** The state of the latest observation; null when nothing was observed yet. */
  signalState: 'green' | 'amber' | 'red' | null;
  risk: Risk;
  phaseByDomain: Record<LifeDomain, RecoveryPhase | null>;
  overdueSteps: number;
  stalledGoals: number;
  openGoals: number;
  perspectives: string[];
  owners: { id: string; name: string }[];
  nextMeetingAt: string | null;
  lastChangeAt: string | null;
  lastObservationAt: string | null;
  /** Changed since this person last opened the caseload. */
  changedSinceLastVisit: boolean;
  /** When the case was closed; null while it is open (closed cases show with the "closed" filter only). */
  closedAt: string | null;
  /** The case has no coordinator who can sign in (none, or a leaver's disabled account). */
  needsNewCoordinator: boolean;
}

export interface CaseloadAnswer {
  rows: CaseloadRow[];
  /** Rows matching the filters (before limit/offset). */
  total: number;
  /** When this person opened the caseload before (what "changed" is measured against). */
  lastVisitAt: string | null;
  neighbourhoods: { id: string; name: string }[];
}

export const caseloadSorts = ['risk', 'name', 'lastChange', 'state'] as const;
export type CaseloadSort = (typeof caseloadSorts)[number];

/** Who a notice is from, with how to reach them. */
export type NoticeSender = Pick<
  ProfessionalSummary,
  'id' | 'name' | 'roleTitle' | 'organisation' | 'phone' | 'email'
>;

interface NoticeBase {
  id: string;
  caseId: string;
  clientName: string;
  /** The observation's note, or the sender's words; may be empty. */
  note: string;
  createdAt: string;
  readAt: string | null;
}

/**
 * A live notice in the app: a client of yours moved to amber or red; a colleague asks you to add
 * them to a case of yours (they found it may exist when registering the client); you became, or
 * are no longer, a case's coordinator; a referral made to you, or one of yours moved on.
 */
export type AppNotification =
  | (NoticeBase & { kind: 'signal-state'; state: 'amber' | 'red'; from: null })
  | (NoticeBase & { kind: 'access-request'; state: null; from: NoticeSender | null })
  | (NoticeBase & { kind: 'coordinator-transfer'; state: 'new' | 'previous'; from: NoticeSender | null })
  | (NoticeBase & { kind: 'referral'; state: ReferralStatus; from: NoticeSender | null; referralId: string });
