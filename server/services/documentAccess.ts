import { meetingCaseGrant, meetingGrant } from '../../shared/meetingPermissions.js';
import type { MeetingFacts } from '../../shared/meetingPermissions.js';
import { documentGrant } from '../../shared/permissions.js';
import type { CaseFacts, DocumentGrant, Viewer } from '../../shared/permissions.js';
import type { DocumentName } from '../../shared/protocol.js';
import type { MeetingStore } from '../meetings/store.js';
import { partOfDocument } from '../retention/policy.js';
import type { AccessService } from './access.js';

/** Facts read once and reused, e.g. during one re-check of every open connection. */
export type FactsCache = Map<string, Promise<CaseFacts | MeetingFacts | null>>;

/**
 * Access to any document by its name: case documents by membership and consent, a meeting's
 * agenda by attendance, a case in a meeting by both. 'missing' when the case or meeting does not
 * exist: the sync server answers it as a refusal (SPEC A3) and logs which it was.
 */
export function documentAccess(access: AccessService, meetings: MeetingStore) {
  // The promise is cached, so connections checked side by side during one pass share one read.
  const cached = <T extends CaseFacts | MeetingFacts>(
    cache: FactsCache | undefined,
    key: string,
    read: () => Promise<T | null> | T | null,
  ): Promise<T | null> => {
    const known = cache?.get(key);
    if (known) return known as Promise<T | null>;
    const facts = Promise.resolve(read());
    cache?.set(key, facts);
    return facts;
  };
  const caseFacts = (id: string, cache?: FactsCache) => cached(cache, `case:${id}`, () => access.facts(id));
  const meetingFacts = (id: string, cache?: FactsCache) =>
    cached(cache, `meeting:${id}`, () => meetings.facts(id));

  return async (
    viewer: Viewer,
    name: DocumentName,
    cache?: FactsCache,
  ): Promise<DocumentGrant | null | 'missing'> => {
    // An erased part is answered like a case that does not exist: nothing may load it again (SPEC RT5).
    const part = partOfDocument(name);
    if (part && name.caseId && (await access.erasedParts(name.caseId)).has(part)) return 'missing';
    if (name.kind === 'case') {
      const facts = await caseFacts(name.caseId, cache);
      return facts ? documentGrant(viewer, facts, name.part) : 'missing';
    }
    const meeting = await meetingFacts(name.meetingId, cache);
    if (!meeting) return 'missing';
    if (name.kind === 'meeting') return meetingGrant(viewer, meeting);
    const facts = await caseFacts(name.caseId, cache);
    if (!facts) return 'missing';
    return meetingCaseGrant(viewer, meeting, facts);
  };
}
export type DocumentAccess = ReturnType<typeof documentAccess>;
