import type { ProfessionalDomain } from './domain.js';
import type { DocumentPart } from './protocol.js';

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

export interface CaseFacts {
  caseId: string;
  coordinatorId: string | null;
  members: { professionalId: string; access: 'write' | 'read' }[];
  /** Consents in force (not withdrawn). */
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

/** Access to a case comes from membership or coordinating it, never from a shared team. */
export function caseGrant(viewer: Viewer, facts: CaseFacts): CaseGrant | null {
  if (!viewer.professionalId) return null;
  if (facts.coordinatorId === viewer.professionalId) return { access: 'write', authorization: 'coordinator' };
  const member = facts.members.find((m) => m.professionalId === viewer.professionalId);
  if (!member) return null;
  return { access: member.access, authorization: `membership:${member.access}` };
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

/** Managing members, consent and the client's invitation is the coordinator's job. */
export function mayManageCase(viewer: Viewer, facts: CaseFacts): boolean {
  return viewer.professionalId !== null && facts.coordinatorId === viewer.professionalId;
}

/** Recording a consent the client gave: the coordinator or a member who may write. */
export function mayRecordConsent(viewer: Viewer, facts: CaseFacts): boolean {
  return caseGrant(viewer, facts)?.access === 'write';
}
