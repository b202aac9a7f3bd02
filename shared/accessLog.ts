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
