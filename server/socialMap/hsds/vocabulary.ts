/**
 * Our own HSDS taxonomies: how life domains, perspectives, access and peer-run travel as
 * taxonomy terms on a service's attributes. Every id is a UUID v5 under HSDS_NAMESPACE, so the
 * same term has the same id in every export, on every instance, forever: never change the
 * namespace or a code once data has left the building.
 */
import { v5 as uuidv5 } from 'uuid';
import type { HsdsTaxonomy, HsdsTaxonomyTerm } from '../../../shared/hsds/schema.js';
import { serviceAccessKinds, type ServiceAccess } from '../../../shared/socialMapApi.js';
import {
  defaultPerspectiveNamesEn,
  defaultPerspectiveNamesNl,
  defaultPerspectives,
  lifeDomains,
  type DefaultPerspective,
  type LifeDomain,
} from '../../../shared/vocabulary.js';

/** Fixed namespace of Veelzijdig's HSDS ids (a random v4 UUID, chosen once, 2026). */
export const HSDS_NAMESPACE = '7d3f0a52-8c1e-4b6f-9a27-5e4c1d8b6f03';

export const taxonomyVersion = '1';

export type TaxonomyKind = 'lifeDomain' | 'perspective' | 'access' | 'peerRun';

const taxonomyInfo: Record<TaxonomyKind, { key: string; name: string; description: string }> = {
  lifeDomain: {
    key: 'life-domain',
    name: 'Leefgebieden',
    description: 'Veelzijdig life domains: the area of life a recovery goal and a service belong to.',
  },
  perspective: {
    key: 'perspective',
    name: 'Perspectieven',
    description: 'Veelzijdig perspectives: groups of people a service serves especially.',
  },
  access: {
    key: 'access',
    name: 'Toegang',
    description: 'Veelzijdig access: how someone gets in (walk in, referral, appointment).',
  },
  peerRun: {
    key: 'peer-run',
    name: 'Ervaringsdeskundig',
    description: 'Veelzijdig: run by people with lived experience (ervaringsdeskundigen).',
  },
};

const lifeDomainNames: Record<LifeDomain, { nl: string; en: string }> = {
  care: { nl: 'Zorg', en: 'Care and health' },
  housing: { nl: 'Wonen', en: 'Housing' },
  income: { nl: 'Inkomen', en: 'Income' },
  work: { nl: 'Werk en dagbesteding', en: 'Work and daytime activities' },
};

const accessNames: Record<ServiceAccess, { nl: string; en: string }> = {
  'walk-in': { nl: 'Binnenlopen', en: 'Walk in, no appointment' },
  referral: { nl: 'Met verwijzing', en: 'Only with a referral' },
  appointment: { nl: 'Op afspraak', en: 'By appointment, made by the person themselves' },
};

/** The code of the single peer-run term. */
export const peerRunCode = 'peer-run';

/** The taxonomy for a kind, with its deterministic id. */
export function hsdsTaxonomy(kind: TaxonomyKind): HsdsTaxonomy {
  const info = taxonomyInfo[kind];
  return {
    id: uuidv5(`taxonomy:${info.key}`, HSDS_NAMESPACE),
    name: info.name,
    description: info.description,
    version: taxonomyVersion,
  };
}

function term(kind: TaxonomyKind, code: string, name: string, description: string): HsdsTaxonomyTerm {
  const taxonomy = hsdsTaxonomy(kind);
  return {
    id: uuidv5(`taxonomy_term:${taxonomyInfo[kind].key}:${code}`, HSDS_NAMESPACE),
    code,
    name,
    description,
    taxonomy: taxonomy.name,
    taxonomy_id: taxonomy.id,
    taxonomy_detail: taxonomy,
    language: 'nl',
  };
}

/** The term a service carries for a life domain (named in Dutch, described in English). */
export function lifeDomainTerm(domain: LifeDomain): HsdsTaxonomyTerm {
  const names = lifeDomainNames[domain];
  return term('lifeDomain', domain, names.nl, `Life domain: ${names.en}.`);
}

/** The term for a perspective the service serves especially. */
export function perspectiveTerm(perspective: DefaultPerspective): HsdsTaxonomyTerm {
  return term(
    'perspective',
    perspective,
    defaultPerspectiveNamesNl[perspective],
    `Perspective: ${defaultPerspectiveNamesEn[perspective]}.`,
  );
}

/** The term for how someone gets in (our `access`, which HSDS has no field for). */
export function accessTerm(access: ServiceAccess): HsdsTaxonomyTerm {
  const names = accessNames[access];
  return term('access', access, names.nl, `Access: ${names.en}.`);
}

/** The single term that marks a service as run by ervaringsdeskundigen. */
export function peerRunTerm(): HsdsTaxonomyTerm {
  return term('peerRun', peerRunCode, 'Ervaringsdeskundig', 'Run by people with lived experience.');
}

export const taxonomyKinds: readonly TaxonomyKind[] = ['lifeDomain', 'perspective', 'access', 'peerRun'];

/** All our taxonomies, for `/taxonomies` and the export. */
export function allHsdsTaxonomies(): HsdsTaxonomy[] {
  return taxonomyKinds.map(hsdsTaxonomy);
}

/** All our terms, for `/taxonomy_terms` and the export. */
export function allHsdsTaxonomyTerms(): HsdsTaxonomyTerm[] {
  return [
    ...lifeDomains.map(lifeDomainTerm),
    ...defaultPerspectives.map(perspectiveTerm),
    ...serviceAccessKinds.map(accessTerm),
    peerRunTerm(),
  ];
}

export type DecodedTerm =
  | { kind: 'lifeDomain'; value: LifeDomain }
  | { kind: 'perspective'; value: DefaultPerspective }
  | { kind: 'access'; value: ServiceAccess }
  | { kind: 'peerRun' };

const termsById = new Map<string, DecodedTerm>([
  ...lifeDomains.map((v) => [lifeDomainTerm(v).id, { kind: 'lifeDomain', value: v }] as const),
  ...defaultPerspectives.map((v) => [perspectiveTerm(v).id, { kind: 'perspective', value: v }] as const),
  ...serviceAccessKinds.map((v) => [accessTerm(v).id, { kind: 'access', value: v }] as const),
  [peerRunTerm().id, { kind: 'peerRun' }] as const,
]);

/** Reads one of our terms back from its id; null for a term of someone else's taxonomy. */
export function decodeTerm(termId: string): DecodedTerm | null {
  return termsById.get(termId) ?? null;
}
