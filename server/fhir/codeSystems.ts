import type { GoalStatus } from '../../shared/vocabulary.js';
import { defaultPerspectiveNamesEn, defaultPerspectiveNamesNl } from '../../shared/vocabulary.js';

/**
 * Our own code systems: life domains, recovery phases, perspectives, the signal plan's states and
 * relapse kinds, what an Observation records, the coordinator's place in the care team and the
 * consent compartments. Their canonical URLs live under the server's PUBLIC_URL, so a receiver can
 * look a code up where the bundle came from (`GET /api/fhir/CodeSystem/<id>`).
 */
type Concept = { code: string; nl: string; en: string };
const c = (code: string, nl: string, en: string): Concept => ({ code, nl, en });

export const codeSystems = {
  'life-domain': {
    title: 'Levensgebieden',
    concepts: [
      c('care', 'Zorg', 'Care'),
      c('housing', 'Wonen', 'Housing'),
      c('income', 'Inkomen', 'Income'),
      c('work', 'Werk en dagbesteding', 'Work and daytime activity'),
    ],
  },
  'recovery-phase': {
    title: 'Herstelfasen',
    concepts: [
      c('treatment', 'Tijdens behandeling', 'During treatment'),
      c('transition', 'Overgang naar thuis', 'Transition home'),
      c('rebuilding', 'Opbouw', 'Rebuilding'),
      c('sustaining', 'Volhouden', 'Sustaining'),
    ],
  },
  perspective: {
    title: 'Perspectieven op de cliënt',
    concepts: Object.entries(defaultPerspectiveNamesNl).map(([code, nl]) =>
      c(code, nl, defaultPerspectiveNamesEn[code as keyof typeof defaultPerspectiveNamesEn]),
    ),
  },
  'signal-state': {
    title: 'Signaalstatus',
    concepts: [
      c('green', 'Groen: het gaat goed', 'Green: going well'),
      c('amber', 'Oranje: eerste signalen', 'Amber: early signs'),
      c('red', 'Rood: terugval dreigt of is er', 'Red: relapse threatens or has happened'),
    ],
  },
  'relapse-kind': {
    title: 'Soort terugval',
    concepts: [
      c('somatic', 'Lichamelijk', 'Somatic'),
      c('psychiatric', 'Psychisch', 'Psychiatric'),
      c('addiction', 'Verslaving', 'Addiction'),
    ],
  },
  observation: {
    title: 'Waarnemingen in het signaleringsplan',
    concepts: [
      c('signal-state', 'Signaalstatus van de cliënt', "The client's signal state"),
      c('relapse', 'Terugval vastgesteld', 'Relapse recorded'),
      c('relapse-risk', 'Terugvalrisico', 'Risk of relapse'),
    ],
  },
  'care-team-role': {
    title: 'Rollen in het team rond de cliënt',
    concepts: [
      c('coordinator', 'Regievoerder', 'Recovery coordinator'),
      c('member', 'Teamlid', 'Team member'),
    ],
  },
  compartment: {
    title: 'Compartimenten van het dossier',
    concepts: [
      c('medical', 'Medisch compartiment', 'Medical compartment'),
      c('social', 'Sociaal compartiment', 'Social compartment'),
    ],
  },
} as const satisfies Record<string, { title: string; concepts: readonly Concept[] }>;

export type CodeSystemId = keyof typeof codeSystems;
export const codeSystemIds = Object.keys(codeSystems) as CodeSystemId[];

/** The canonical URL of one of our code systems. */
export const codeSystemUrl = (publicUrl: string, id: CodeSystemId): string =>
  `${publicUrl}/api/fhir/CodeSystem/${id}`;

/** The canonical URL of the value set holding all codes of one of our code systems. */
export const valueSetUrl = (publicUrl: string, id: CodeSystemId): string =>
  `${publicUrl}/api/fhir/ValueSet/${id}`;

/** A coded concept in one of our systems, with its Dutch display (a custom perspective has none). */
export function ours(publicUrl: string, id: CodeSystemId, code: string, text?: string) {
  const concept = (codeSystems[id].concepts as readonly Concept[]).find((x) => x.code === code);
  return {
    coding: [{ system: codeSystemUrl(publicUrl, id), code, ...(concept ? { display: concept.nl } : {}) }],
    ...(text ? { text } : {}),
  };
}

/** The published version of our code systems; a code never changes meaning within it. */
const version = '1';

/** One of our code systems as a FHIR CodeSystem, with English designations. */
export function codeSystemResource(publicUrl: string, id: CodeSystemId) {
  const system = codeSystems[id];
  return {
    resourceType: 'CodeSystem',
    id,
    url: codeSystemUrl(publicUrl, id),
    version,
    name: id.replace(/(^|-)(\w)/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
    title: system.title,
    status: 'active',
    experimental: false,
    publisher: 'Veelzijdig',
    language: 'nl',
    caseSensitive: true,
    // Custom perspectives (`custom-…`) of a case use the perspective system too.
    content: id === 'perspective' ? 'fragment' : 'complete',
    count: system.concepts.length,
    concept: system.concepts.map((x) => ({
      code: x.code,
      display: x.nl,
      designation: [{ language: 'en', value: x.en }],
    })),
  };
}

/** The value set of every code of one of our systems. */
export function valueSetResource(publicUrl: string, id: CodeSystemId) {
  return {
    resourceType: 'ValueSet',
    id,
    url: valueSetUrl(publicUrl, id),
    version,
    name: `${codeSystemResource(publicUrl, id).name}Codes`,
    title: codeSystems[id].title,
    status: 'active',
    experimental: false,
    publisher: 'Veelzijdig',
    compose: { include: [{ system: codeSystemUrl(publicUrl, id), version }] },
  };
}

/** Our goal statuses as FHIR Goal's lifecycleStatus and achievementStatus (goal-achievement codes). */
export const goalStatusToFhir: Record<GoalStatus, { lifecycleStatus: string; achievement: string | null }> = {
  open: { lifecycleStatus: 'proposed', achievement: null },
  active: { lifecycleStatus: 'active', achievement: 'in-progress' },
  achieved: { lifecycleStatus: 'completed', achievement: 'achieved' },
  stalled: { lifecycleStatus: 'on-hold', achievement: 'no-progress' },
  dropped: { lifecycleStatus: 'cancelled', achievement: 'not-achieved' },
};

export const goalAchievementSystem = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
