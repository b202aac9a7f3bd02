import type { CaseDetails } from '../../../shared/api.js';
import type { CaseFacts } from '../../../shared/permissions.js';

export { viewerOf } from '../../../shared/permissions.js';

/**
 * The facts the consent rules need, from the case as the board has it, so the form offers only
 * what the server will accept (the server decides again on the same rules).
 */
export const consentFactsOf = (details: CaseDetails): CaseFacts => ({
  caseId: details.id,
  status: details.status,
  coordinatorId: details.coordinator?.id ?? null,
  members: details.members.map((m) => ({ professionalId: m.id, access: m.access })),
  consents: [],
});
