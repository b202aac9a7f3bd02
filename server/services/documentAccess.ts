import DataLoader from 'dataloader';
import { meetingCaseGrant, meetingGrant } from '../../shared/meetingPermissions.js';
import type { MeetingFacts } from '../../shared/meetingPermissions.js';
import { documentGrant } from '../../shared/permissions.js';
import type { CaseFacts, DocumentGrant, Viewer } from '../../shared/permissions.js';
import type { DocumentName } from '../../shared/protocol.js';
import type { RetentionPart } from '../../shared/rightsApi.js';
import type { MeetingStore } from '../meetings/store.js';
import { partOfDocument } from '../retention/policy.js';
import type { AccessService } from './access.js';

/**
 * Facts read once and reused during one pass, e.g. one re-check of every open connection: the
 * checks started in the same tick share their reads, and the cases they ask about are read
 * together (three queries for all of them, not three per case). Forgotten with the pass.
 */
export class FactsCache {}

interface Loaders {
  cases: DataLoader<string, CaseFacts | null>;
  erased: DataLoader<string, Set<RetentionPart>>;
  meetings: DataLoader<string, MeetingFacts | null>;
}

/**
 * Access to any document by its name: case documents by membership and consent, a meeting's
 * agenda by attendance, a case in a meeting by both. 'missing' when the case or meeting does not
 * exist: the sync server answers it as a refusal (SPEC A3) and logs which it was.
 */
export function documentAccess(access: AccessService, meetings: MeetingStore) {
  const newLoaders = (): Loaders => ({
    cases: new DataLoader(async (ids) => {
      const facts = await access.factsOf(ids);
      return ids.map((id) => facts.get(id) ?? null);
    }),
    erased: new DataLoader(async (ids) => {
      const parts = await access.erasedPartsOf(ids);
      return ids.map((id) => parts.get(id)!);
    }),
    meetings: new DataLoader((ids) => Promise.all(ids.map((id) => meetings.facts(id)))),
  });
  const passes = new WeakMap<FactsCache, Loaders>();
  const loadersOf = (pass: FactsCache | undefined): Loaders => {
    if (!pass) return newLoaders();
    let loaders = passes.get(pass);
    if (!loaders) passes.set(pass, (loaders = newLoaders()));
    return loaders;
  };

  return async (
    viewer: Viewer,
    name: DocumentName,
    pass?: FactsCache,
  ): Promise<DocumentGrant | null | 'missing'> => {
    const loaders = loadersOf(pass);
    // An erased part is answered like a case that does not exist: nothing may load it again (SPEC RT5).
    const part = partOfDocument(name);
    if (part && name.caseId && (await loaders.erased.load(name.caseId)).has(part)) return 'missing';
    if (name.kind === 'case') {
      const facts = await loaders.cases.load(name.caseId);
      return facts ? documentGrant(viewer, facts, name.part) : 'missing';
    }
    const meeting = await loaders.meetings.load(name.meetingId);
    if (!meeting) return 'missing';
    if (name.kind === 'meeting') return meetingGrant(viewer, meeting);
    const facts = await loaders.cases.load(name.caseId);
    if (!facts) return 'missing';
    return meetingCaseGrant(viewer, meeting, facts);
  };
}
export type DocumentAccess = ReturnType<typeof documentAccess>;
