/**
 * Constants of the sync protocol that client and server must agree on: document names, the
 * WebSocket close codes and our one message beyond y-websocket's. Codes 4400–4499 tell the stock
 * y-websocket provider not to reconnect; every other code (4500–4599 included) makes it reconnect
 * and resync, which sends the server whatever it lacks.
 */
export const syncPath = '/sync';

/** y-websocket message types: sync and awareness are the protocol's own, notice is ours (SPEC R2). */
export const messageTypes = { sync: 0, awareness: 1, queryAwareness: 3, notice: 20 } as const;

export const closeCodes = {
  /** The message could not be decoded as y-websocket protocol. */
  malformedMessage: 4400,
  /** Not signed in (reserved for the accounts issue). */
  notSignedIn: 4401,
  /** Signed in but not allowed on this document. */
  forbidden: 4403,
  /** The document does not exist (unknown case or document kind). */
  notFound: 4404,
  /** The message was larger than the server accepts. */
  tooLarge: 4413,
  /** An update would break the document shape, or depends on data the server does not have. */
  invalidUpdate: 4422,
  /** The server is shutting down; reconnecting later will work. */
  goingAway: 1001,
  /** The server could not store an update (SPEC D1): reconnect and send it again. */
  notStored: 4503,
  /** Updates waited too long or too many for what they depend on (SPEC V5): reconnect and resync. */
  resync: 4509,
} as const;
export type CloseCode = (typeof closeCodes)[keyof typeof closeCodes];

/** Whether the stock provider stops for good after this close code (SPEC C1). */
export const isFinalClose = (code: number) => code >= 4400 && code < 4500;

/**
 * What the server tells one connection besides the document (SPEC R2): a text grew past its limit
 * when two people typed at once and the server cut it back; `removed` is what this person had typed
 * there and no longer is, so the screen can offer it to copy.
 */
export interface TrimmedNotice {
  kind: 'trimmed';
  /** Where in the document, e.g. `['goals', '<goalId>', 'title']`. */
  path: string[];
  maxLength: number;
  removed: string;
}
/**
 * Whether this connection may write (SPEC A2, A4): sent when the connection opens and whenever it
 * changes (a closed meeting or case, a changed membership). Writes sent while it is `read` are
 * dropped by the server, so the browser stops taking them and lists any it had as not saved.
 */
export interface AccessNotice {
  kind: 'access';
  access: 'read' | 'write';
}
export type SyncNotice = TrimmedNotice | AccessNotice;

/** `shared`: the board every member sees; `medical`/`social`: consent compartments per domain. */
export const documentParts = ['shared', 'medical', 'social'] as const;
export type DocumentPart = (typeof documentParts)[number];

export interface CaseDocumentName {
  kind: 'case';
  caseId: string;
  part: DocumentPart;
}
/** `meeting:<meetingId>`: the agenda every attendee sees (alias and question per case). */
export interface MeetingDocumentName {
  kind: 'meeting';
  meetingId: string;
  caseId: null;
}
/** `meeting:<meetingId>:case:<caseId>`: notes, decisions and actions on one case, for attendees who are its members. */
export interface MeetingCaseDocumentName {
  kind: 'meeting-case';
  meetingId: string;
  caseId: string;
}
export type DocumentName = CaseDocumentName | MeetingDocumentName | MeetingCaseDocumentName;

const id = '([A-Za-z0-9_-]{1,64})';
const caseDocumentPattern = new RegExp(`^case:${id}:([a-z]+)$`);
const meetingDocumentPattern = new RegExp(`^meeting:${id}(?::case:${id})?$`);

/** Parses `case:<caseId>:<part>`, `meeting:<meetingId>` and `meeting:<meetingId>:case:<caseId>`; null for anything else. */
export function parseDocumentName(name: string): DocumentName | null {
  const meeting = meetingDocumentPattern.exec(name);
  if (meeting) {
    const [, meetingId, caseId] = meeting as unknown as [string, string, string | undefined];
    return caseId
      ? { kind: 'meeting-case', meetingId, caseId }
      : { kind: 'meeting', meetingId, caseId: null };
  }
  const match = caseDocumentPattern.exec(name);
  if (!match) return null;
  const part = match[2] as DocumentPart;
  if (!documentParts.includes(part)) return null;
  return { kind: 'case', caseId: match[1]!, part };
}

export function caseDocumentName(caseId: string, part: DocumentPart = 'shared'): string {
  return `case:${caseId}:${part}`;
}

export function meetingDocumentName(meetingId: string): string {
  return `meeting:${meetingId}`;
}

export function meetingCaseDocumentName(meetingId: string, caseId: string): string {
  return `meeting:${meetingId}:case:${caseId}`;
}
