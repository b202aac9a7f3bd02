/** The NEN 7513 access log as the server writes it and the admin page reads it. */
export const ACCESS_EVENTS = [
  'login',
  'login-failed',
  'logout',
  'document-open',
  'document-close',
  /** What an editing session changed (item kinds and ids, field names; never content). */
  'document-change',
  'document-refused',
  'api-read',
  'api-write',
  'api-refused',
  'export',
  'print',
  'search',
  'password-change',
  'invitation-created',
  'invitation-used',
  'consent-given',
  'consent-withdrawn',
  'membership-changed',
  'account-created',
  /** The chain is keyed (HMAC-SHA256) from this entry on; the server writes it once (server/audit/chain.ts). */
  'log-keyed',
  /** The admin took a client's password away and made a one-time link to set a new one. */
  'account-recovery',
  /** Someone ended their other sessions ("sign out everywhere"), or a new password did. */
  'sessions-ended',
  /** Two-factor sign-in was set up, turned off, or got new recovery codes. */
  'two-factor-enabled',
  'two-factor-disabled',
  'recovery-codes-renewed',
  /** The admin created, renamed, archived or restored a district or neighbourhood (ids only). */
  'place-changed',
  /** The admin created or changed a team or an organisation. */
  'team-changed',
  /** The admin changed a professional's details (the field names, never the values). */
  'professional-changed',
  /** The admin disabled a leaver's account (its sessions ended) or enabled it again. */
  'account-disabled',
  'account-enabled',
  /** The admin made a one-time link to set a new password, optionally resetting the second step. */
  'password-reset',
  'two-factor-reset',
  /** A client was registered (intake): the case, its coordinator and first members (ids only). */
  'case-registered',
  /** A registration matched this case's name and date of birth: its coordinator was named as a contact. */
  'possible-duplicate',
  /** Someone asked the coordinator of a possible duplicate to add them to the case. */
  'access-requested',
  'coordinator-transferred',
  /** Closed with a reason's code (the note is never in the log), or reopened. */
  'case-closed',
  'case-reopened',
  /**
   * The admin erased a part of a closed case whose retention period passed (the part, counts;
   * SPEC RT7). The entries before it keep only ids, so they stay and the chain stays whole.
   */
  'case-erased',
  /** The admin added, changed or imported services of the social map, or a contact person confirmed one (ids only). */
  'social-map-changed',
  /** A professional referred the client to a named person, or a referral moved on (status and reason codes only). */
  'referral-made',
  'referral-changed',
  /** The admin wrote, changed, archived or restored a standard letter (ids only). */
  'letter-changed',
  /** The admin saved a new version of a referral decision tree, or archived or restored one (ids only). */
  'decision-tree-changed',
  /** The admin added, changed or deleted a shared term of a district (ids only). */
  'glossary-changed',
] as const;
export type AccessEvent = (typeof ACCESS_EVENTS)[number];

export type AccessOutcome = 'allowed' | 'refused';

export type AccessDetails = Record<string, string | number | boolean | null>;

export interface AccessEntry {
  id: number;
  at: string;
  event: AccessEvent;
  caseId: string | null;
  userId: string | null;
  onBehalfOf: string | null;
  role: string | null;
  address: string | null;
  userAgent: string | null;
  authorization: string | null;
  outcome: AccessOutcome;
  details: AccessDetails | null;
  prevHash: string;
  hash: string;
}
