import type { AccessLog } from '../audit/accessLog.js';
import type { ActionStore } from '../meetings/actions.js';
import type { MeetingService } from '../meetings/service.js';
import type { MeetingStore } from '../meetings/store.js';
import type { BoardVersions } from '../versions/store.js';
import type { NotificationService } from '../caseload/notifications.js';
import type { SummaryStore } from '../caseload/summaries.js';
import type { DocumentRegistry } from '../sync/documentRegistry.js';
import type { SessionStore } from '../auth/sessions.js';
import type { DeviceStore } from '../auth/devices.js';
import type { SignInService } from '../auth/signIn.js';
import type { LoginThrottle } from '../auth/throttle.js';
import type { TwoFactorService } from '../auth/twoFactor.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Data } from '../storage/data.js';
import type { AccessService } from './access.js';
import type { AccountService } from './accounts.js';
import type { CaseAdminService } from './caseAdmin.js';
import type { CaseService } from './cases.js';
import type { ClientVoiceService } from './clientVoice.js';
import type { HistoryService } from '../history/service.js';
import type { ClientFileService } from '../export/clientFile.js';
import type { FhirExportService } from '../fhir/caseBundle.js';
import type { RetentionService } from '../retention/service.js';
import type { PlaceService } from './places.js';
import type { ProfessionalService } from './professionals.js';
import type { TeamService } from './teams.js';
import type { SocialMapService } from '../socialMap/service.js';
import type { GlossaryService } from '../glossary/service.js';
import type { ReferralService } from '../referrals/service.js';
import type { LetterService } from '../letters/service.js';
import type { DecisionTreeService } from '../decisionTrees/service.js';

/** Everything route handlers use, built once in services/build.ts. */
export interface Services {
  config: Config;
  /** The typed database the services move to (SPEC ST1); the same SQLite file as `db` for now. */
  data: Data;
  log: Logger;
  sessions: SessionStore;
  throttle: LoginThrottle;
  /** Browsers and addresses that signed in before (the device cookie; remembered second step). */
  devices: DeviceStore;
  twoFactor: TwoFactorService;
  /** Signing in in one or two steps, throttled before any hash runs (SPEC AS1–AS4). */
  signIn: SignInService;
  accounts: AccountService;
  access: AccessService;
  cases: CaseService;
  caseAdmin: CaseAdminService;
  audit: AccessLog;
  /** Loaded case documents, for server-side reads and writes (projections, observations). */
  registry: DocumentRegistry;
  /** The client's questions and ratings, written into their case's board (SPEC V9). */
  clientVoice: ClientVoiceService;
  /** Who changed what on a case's documents (SPEC H1–H4). */
  history: HistoryService;
  notifications: NotificationService;
  /** The district's social map: organisations and their services (SPEC SM1–SM5). */
  socialMap: SocialMapService;
  /** The district's shared terms, medical, social and agreed (SPEC GL1–GL4). */
  glossary: GlossaryService;
  /** Referral to a person, closed loop (SPEC RF1–RF8). */
  referrals: ReferralService;
  /** The district's standard letters (SPEC LT1–LT4). */
  letters: LetterService;
  /** The district's referral decision trees (SPEC DT1–DT5). */
  decisionTrees: DecisionTreeService;
  /** The caseload's summary rows; `changes` says which case's row was written (CL10). */
  summaries: SummaryStore;
  /** Retention: what passed its period after closing, and its erasure (SPEC RT1–RT8). */
  retention: RetentionService;
  /** The copy of everything stored about a client (SPEC RT9–RT11). */
  clientFiles: ClientFileService;
  /** A case as a FHIR R4 bundle (SPEC FH1–FH4). */
  fhir: FhirExportService;
  /** Case meetings: SQL rows, projected actions, kept board versions and what spans them. */
  meetings: { store: MeetingStore; actions: ActionStore; versions: BoardVersions; service: MeetingService };
  /** Closes or downgrades open sync connections whose rights changed (revocation, logout). */
  recheckConnections(): Promise<void>;
  /** Districts and neighbourhoods; `activeNeighbourhoods` is what a picker offers. */
  places: PlaceService;
  /** Teams and organisations. */
  teams: TeamService;
  /** Professionals and their accounts: paged lists, edits, leavers, password resets. */
  professionals: ProfessionalService;
}
