import { professionalDomains } from './domain.js';
import type { ProfessionalDomain } from './domain.js';
import type { DocumentPart } from './protocol.js';
import type { SessionUser } from './api.js';

/**
 * Who may see and change what. Pure rules over facts the server reads from SQL, so the same
 * rules decide REST answers, sync connections and the re-checks that close revoked connections.
 */
export const roles = ['professional', 'coordinator', 'client', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface Viewer {
  userId: string;
  role: Role;
  /** Set for professionals and coordinators. */
  professionalId: string | null;
  domain: ProfessionalDomain | null;
  /** Set for clients: the one case that is theirs. */
  clientCaseId: string | null;
}

/** The signed-in person as these rules see them. */
export const viewerOf = (
  user: Pick<SessionUser, 'id' | 'role' | 'professionalId' | 'domain' | 'clientCaseId'>,
): Viewer => ({
  userId: user.id,
  role: user.role,
  professionalId: user.professionalId,
  domain: user.domain,
  clientCaseId: user.clientCaseId,
});

export interface CaseFacts {
  caseId: string;
  /** A closed case is read-only for everyone until its coordinator reopens it. */
  status: 'open' | 'closed';
  coordinatorId: string | null;
  members: { professionalId: string; access: 'write' | 'read' }[];
  /** Consents in force: not withdrawn, given and not past their last day (shared/consent.ts). */
  consents: {
    id: string;
    compartment: ProfessionalDomain;
    sharedWithDomain: ProfessionalDomain | null;
    sharedWithProfessionalId: string | null;
  }[];
}

export type Access = 'write' | 'read';

/** What a professional's access to a case rests on; null when they have none. */
export interface CaseGrant {
  access: Access;
  /** For the access log: what the access relied on. */
  authorization: 'coordinator' | 'membership:write' | 'membership:read';
}

/** What membership or coordinating gives, before a closed case makes it read-only. */
function standingGrant(viewer: Viewer, facts: CaseFacts): CaseGrant | null {
  if (!viewer.professionalId) return null;
  if (facts.coordinatorId === viewer.professionalId) return { access: 'write', authorization: 'coordinator' };
  const member = facts.members.find((m) => m.professionalId === viewer.professionalId);
  if (!member) return null;
  return { access: member.access, authorization: `membership:${member.access}` };
}

/**
 * Access to a case comes from membership or coordinating it, never from a shared team. A closed
 * case is read-only for everyone: its board, compartments and meeting notes, over sync and REST.
 */
export function caseGrant(viewer: Viewer, facts: CaseFacts): CaseGrant | null {
  const grant = standingGrant(viewer, facts);
  return grant && facts.status === 'closed' ? { ...grant, access: 'read' } : grant;
}

export interface DocumentGrant {
  access: Access;
  authorization: string;
}

/**
 * Access to one document of a case. The shared board: every member. A domain compartment: members
 * of that domain, or others only while the client's consent shares it with their domain or with
 * them. Clients never receive raw documents (they get a projection through the API).
 */
export function documentGrant(viewer: Viewer, facts: CaseFacts, part: DocumentPart): DocumentGrant | null {
  const grant = caseGrant(viewer, facts);
  if (!grant) return null;
  if (part === 'shared') return grant;
  if (viewer.domain === part) return grant;
  const consent = facts.consents.find(
    (c) =>
      c.compartment === part &&
      (c.sharedWithProfessionalId === viewer.professionalId ||
        (c.sharedWithDomain !== null && c.sharedWithDomain === viewer.domain)),
  );
  return consent
    ? { access: grant.access, authorization: `${grant.authorization}+consent:${consent.id}` }
    : null;
}

/** The case's coordinator: who hands the case over, closes it and reopens it. */
export function isCaseCoordinator(viewer: Viewer, facts: CaseFacts): boolean {
  return viewer.professionalId !== null && facts.coordinatorId === viewer.professionalId;
}

/** Managing members and the client's invitation is the coordinator's job, while the case is open. */
export function mayManageCase(viewer: Viewer, facts: CaseFacts): boolean {
  return isCaseCoordinator(viewer, facts) && facts.status === 'open';
}

/**
 * What the coordinator may do with the case's life now: hand it over, close it or correct the
 * client's details while open, reopen it once closed.
 */
export function lifecycleRights(viewer: Viewer, facts: CaseFacts) {
  const coordinator = isCaseCoordinator(viewer, facts);
  const open = facts.status === 'open';
  return {
    transfer: coordinator && open,
    close: coordinator && open,
    reopen: coordinator && !open,
    correctClient: coordinator && open,
  };
}

/**
 * A consent the rules judge: which compartment it shares, and with whom — a whole side, or one
 * named professional (with that person's side, which is who would receive the access).
 */
export interface ConsentIntent {
  compartment: ProfessionalDomain;
  sharedWithDomain: ProfessionalDomain | null;
  sharedWithProfessional: { id: string; domain: ProfessionalDomain } | null;
}

/** The side that would read the compartment because of this consent. */
export const receivingSide = (intent: ConsentIntent): ProfessionalDomain =>
  intent.sharedWithDomain ?? intent.sharedWithProfessional!.domain;

/**
 * What a consent to share rests on, for the access log: the client in their own plan, or on the
 * client's behalf the case's coordinator or a member (who may write) of the side that holds the data.
 */
export type ConsentAuthority = 'client-self' | 'coordinator' | 'holding-side';

/** The client of this very case, signed in as themselves. */
const isTheClient = (viewer: Viewer, facts: CaseFacts) =>
  viewer.role === 'client' && viewer.clientCaseId === facts.caseId;

/**
 * Who may record a consent (SPEC A7): the client, or on their behalf the coordinator or a writing
 * member of the side that holds the data — never the person, nor anyone of the side, that would
 * receive the access, so nobody grants a compartment to themselves or their own side. Null: refused.
 */
export function consentRecorder(
  viewer: Viewer,
  facts: CaseFacts,
  intent: ConsentIntent,
): ConsentAuthority | null {
  // Nothing is shared anew once the support has ended.
  if (facts.status === 'closed') return null;
  if (viewer.role === 'client') return isTheClient(viewer, facts) ? 'client-self' : null;
  if (caseGrant(viewer, facts)?.access !== 'write') return null;
  if (intent.sharedWithProfessional?.id === viewer.professionalId) return null;
  if (viewer.domain === receivingSide(intent)) return null;
  if (facts.coordinatorId === viewer.professionalId) return 'coordinator';
  return viewer.domain === intent.compartment ? 'holding-side' : null;
}

/**
 * Who may withdraw a consent (SPEC A7): the client, the coordinator, or a writing member of the
 * side that holds the data. Withdrawing only ever takes access away, so it stays possible once
 * the case is closed: the client's consent is theirs after the support ended too.
 */
export function consentWithdrawer(
  viewer: Viewer,
  facts: CaseFacts,
  consent: { compartment: ProfessionalDomain },
): ConsentAuthority | null {
  if (viewer.role === 'client') return isTheClient(viewer, facts) ? 'client-self' : null;
  if (standingGrant(viewer, facts)?.access !== 'write') return null;
  if (facts.coordinatorId === viewer.professionalId) return 'coordinator';
  return viewer.domain === consent.compartment ? 'holding-side' : null;
}

/**
 * The consents a professional may record on the client's behalf, for the form that offers only
 * those: per compartment, whether it may go to the whole other side, and to which of `people`.
 */
export function recordableConsents(
  viewer: Viewer,
  facts: CaseFacts,
  people: { id: string; domain: ProfessionalDomain }[],
): { compartment: ProfessionalDomain; toSide: ProfessionalDomain | null; toPeople: string[] }[] {
  return professionalDomains.flatMap((compartment) => {
    const other = professionalDomains.find((d) => d !== compartment)!;
    const side = { compartment, sharedWithDomain: other, sharedWithProfessional: null };
    const toPeople = people
      .filter((p) => p.domain !== compartment)
      .filter((p) =>
        consentRecorder(viewer, facts, { ...side, sharedWithDomain: null, sharedWithProfessional: p }),
      )
      .map((p) => p.id);
    const toSide = consentRecorder(viewer, facts, side) ? other : null;
    return toSide || toPeople.length > 0 ? [{ compartment, toSide, toPeople }] : [];
  });
}
