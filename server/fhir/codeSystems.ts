import type { GoalStatus } from '../../shared/vocabulary.js';
import { defaultPerspectives, lifeDomains, recoveryPhases } from '../../shared/vocabulary.js';

/**
 * Our own code systems (life domains, recovery phases, perspectives): their canonical URLs live
 * under the server's PUBLIC_URL, so a receiver can look a code up where the bundle came from.
 */
export const codeSystemIds = ['life-domain', 'recovery-phase', 'perspective'] as const;
export type CodeSystemId = (typeof codeSystemIds)[number];

/** The canonical URL of one of our code systems. */
export const codeSystemUrl = (publicUrl: string, id: CodeSystemId): string =>
  `${publicUrl}/api/fhir/CodeSystem/${id}`;

/** The codes of each system (custom perspectives of a case are coded `custom-…` in the same system). */
export const codesOf: Record<CodeSystemId, readonly string[]> = {
  'life-domain': lifeDomains,
  'recovery-phase': recoveryPhases,
  perspective: defaultPerspectives,
};

/** Our goal statuses as FHIR Goal's lifecycleStatus and achievementStatus (goal-achievement codes). */
export const goalStatusToFhir: Record<GoalStatus, { lifecycleStatus: string; achievement: string | null }> = {
  open: { lifecycleStatus: 'proposed', achievement: null },
  active: { lifecycleStatus: 'active', achievement: 'in-progress' },
  achieved: { lifecycleStatus: 'completed', achievement: 'achieved' },
  stalled: { lifecycleStatus: 'on-hold', achievement: 'no-progress' },
  dropped: { lifecycleStatus: 'cancelled', achievement: 'not-achieved' },
};

export const goalAchievementSystem = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
