/**
 * The parts of an HSDS service that our model keeps, read one by one; each names what it misses
 * through `fail` (path, English, Dutch) and returns what it could read.
 */
import type { HsdsSchedule, HsdsService } from '../../../shared/hsds/schema.js';
import {
  serviceLanguages,
  weekdays,
  type OpeningHours,
  type ServiceAccess,
  type ServiceFields,
  type ServiceLanguage,
  type ServiceLocation,
  type Weekday,
} from '../../../shared/socialMapApi.js';
import {
  defaultPerspectives,
  lifeDomains,
  type DefaultPerspective,
  type LifeDomain,
} from '../../../shared/vocabulary.js';
import { decodeTerm } from './vocabulary.js';

export type Refuse = (path: string, message: string, messageNl: string) => void;

export interface ImportContextNeighbourhoods {
  neighbourhoods: { id: string; name: string }[];
}

/** Life domains, perspectives, access and peer-run, from the terms of our taxonomies. */
export function classify(hsds: HsdsService, base: string, fail: Refuse) {
  const domains = new Set<LifeDomain>();
  const perspectives = new Set<DefaultPerspective>();
  const access = new Set<ServiceAccess>();
  let peerRun = false;
  for (const attribute of hsds.attributes ?? []) {
    const termId = attribute.taxonomy_term_id ?? attribute.taxonomy_term?.id;
    const term = termId ? decodeTerm(termId) : null;
    if (!term) continue;
    if (term.kind === 'lifeDomain') domains.add(term.value);
    if (term.kind === 'perspective') perspectives.add(term.value);
    if (term.kind === 'access') access.add(term.value);
    if (term.kind === 'peerRun') peerRun = true;
  }
  if (domains.size === 0) {
    fail(
      `${base}.attributes`,
      'No life domain: tag the service with a term of the Leefgebieden taxonomy',
      'Geen leefgebied: geef de dienst een term uit de taxonomie Leefgebieden',
    );
  }
  if (access.size !== 1) {
    fail(
      `${base}.attributes`,
      'Exactly one term of the Toegang (access) taxonomy is needed',
      'Precies één term uit de taxonomie Toegang is nodig',
    );
  }
  const [onlyAccess] = [...access];
  if (domains.size === 0 || !onlyAccess) return null;
  return {
    lifeDomains: lifeDomains.filter((d) => domains.has(d)),
    perspectives: defaultPerspectives.filter((p) => perspectives.has(p)),
    access: onlyAccess,
    peerRun,
  };
}

/** The named contact person our map requires: name, phone and email. */
export function contactOf(hsds: HsdsService, base: string, fail: Refuse): ServiceFields['contact'] | null {
  const contact = hsds.contacts?.[0];
  if (!contact) {
    fail(
      `${base}.contacts`,
      'No contact person: our social map needs a named person with phone and email',
      'Geen contactpersoon: de sociale kaart vraagt een persoon met naam, telefoon en e-mail',
    );
    return null;
  }
  const path = `${base}.contacts[0]`;
  const phone = contact.phones?.[0]?.number;
  if (!contact.name)
    fail(`${path}.name`, 'The contact person has no name', 'De contactpersoon heeft geen naam');
  if (!phone)
    fail(
      `${path}.phones`,
      'The contact person has no phone number',
      'De contactpersoon heeft geen telefoonnummer',
    );
  if (!contact.email)
    fail(
      `${path}.email`,
      'The contact person has no email address',
      'De contactpersoon heeft geen e-mailadres',
    );
  if (!contact.name || !phone || !contact.email) return null;
  return { name: contact.name, role: contact.title ?? '', phone, email: contact.email };
}

/** Service areas matched by name to the district's neighbourhoods. */
export function neighbourhoodsOf(
  hsds: HsdsService,
  base: string,
  context: ImportContextNeighbourhoods,
  fail: Refuse,
): string[] {
  const byName = new Map(context.neighbourhoods.map((n) => [n.name.trim().toLowerCase(), n.id]));
  const ids: string[] = [];
  (hsds.service_areas ?? []).forEach((area, index) => {
    const id = byName.get((area.name ?? '').trim().toLowerCase());
    if (!id) {
      fail(
        `${base}.service_areas[${index}].name`,
        `Unknown neighbourhood "${area.name ?? ''}"`,
        `Onbekende wijk "${area.name ?? ''}"`,
      );
      return;
    }
    if (!ids.includes(id)) ids.push(id);
  });
  return ids;
}

/** ISO 639-1 codes, limited to the languages our map offers. */
export function languagesOf(hsds: HsdsService, base: string, fail: Refuse): ServiceLanguage[] {
  const known = new Set<string>(serviceLanguages);
  const codes: ServiceLanguage[] = [];
  (hsds.languages ?? []).forEach((language, index) => {
    const code = language.code?.trim().toLowerCase() ?? '';
    if (!known.has(code)) {
      fail(
        `${base}.languages[${index}].code`,
        `Language "${code}" is not offered on our map (ISO 639-1: ${serviceLanguages.join(', ')})`,
        `Taal "${code}" staat niet op onze kaart (ISO 639-1: ${serviceLanguages.join(', ')})`,
      );
      return;
    }
    if (!codes.includes(code as ServiceLanguage)) codes.push(code as ServiceLanguage);
  });
  return codes;
}

/** Weekly schedules back to opening hours; the first description becomes the opening note. */
export function openingOf(
  schedules: HsdsSchedule[],
  base: string,
  fail: Refuse,
): { hours: OpeningHours[]; note: string } {
  const hours: OpeningHours[] = [];
  let note = '';
  schedules.forEach((schedule, index) => {
    const path = `${base}[${index}]`;
    if (!note && schedule.description) note = schedule.description;
    if (!schedule.byday && !schedule.opens_at && !schedule.closes_at) return;
    if (schedule.freq && schedule.freq !== 'WEEKLY') {
      fail(
        `${path}.freq`,
        'Only weekly schedules fit our opening hours',
        'Alleen wekelijkse tijden passen in onze openingstijden',
      );
      return;
    }
    const days = (schedule.byday ?? '').split(',').filter(Boolean);
    if (days.length === 0 || !days.every((d): d is Weekday => (weekdays as readonly string[]).includes(d))) {
      fail(
        `${path}.byday`,
        'Name the weekdays (MO…SU) without ordinals',
        'Noem de weekdagen (MO…SU) zonder rangnummer',
      );
      return;
    }
    if (!schedule.opens_at || !schedule.closes_at) {
      fail(
        `${path}.opens_at`,
        'A weekly period needs opens_at and closes_at',
        'Een wekelijkse periode heeft opens_at en closes_at nodig',
      );
      return;
    }
    // Times are read as local times of the district (HH:MM); a zone suffix is not converted.
    const opens = schedule.opens_at.slice(0, 5);
    const closes = schedule.closes_at.slice(0, 5);
    for (const day of days) hours.push({ day, opens, closes });
  });
  return { hours, note };
}

/** The one physical place of a service, from its service_at_location. */
export function locationOf(hsds: HsdsService, base: string, fail: Refuse): ServiceLocation | null {
  const placed = (hsds.service_at_locations ?? []).filter((sal) => sal.location);
  if (placed.length === 0) return null;
  if (placed.length > 1) {
    fail(
      `${base}.service_at_locations`,
      'Our social map holds one location per service',
      'De sociale kaart houdt één locatie per dienst bij',
    );
    return null;
  }
  const location = placed[0]?.location;
  const addresses = location?.addresses ?? [];
  const address = addresses.find((a) => a.address_type === 'physical') ?? addresses[0];
  if (!location || !address) {
    fail(
      `${base}.service_at_locations[0].location.addresses`,
      'The location has no address',
      'De locatie heeft geen adres',
    );
    return null;
  }
  return {
    name: location.name ?? address.address_1,
    street: address.address_1,
    postalCode: address.postal_code,
    city: address.city,
  };
}
