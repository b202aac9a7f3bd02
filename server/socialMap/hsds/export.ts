/**
 * The social map as Open Referral HSDS 3.0 (openreferral/specification, branch 3.0:
 * `schema/compiled/service.json`, `compiled/organization.json`, `openapi.json`). Pure functions:
 * the routes under `/api/hsds/` and the export download call them with what the database holds.
 * Every id is a UUID; sub-object ids are UUID v5 of a role under the service's (or organisation's)
 * own UUID, so two exports of the same data are identical.
 */
import { v5 as uuidv5 } from 'uuid';
import { hsdsExchangeVersion, type HsdsExchange } from '../../../shared/hsds/exchange.js';
import type { HsdsApiInfo, HsdsPage } from '../../../shared/hsds/primitives.js';
import type {
  HsdsAttribute,
  HsdsOrganization,
  HsdsOrganizationBase,
  HsdsSchedule,
  HsdsService,
  HsdsServiceAtLocation,
  HsdsServiceListItem,
  HsdsTaxonomyTerm,
} from '../../../shared/hsds/schema.js';
import type { ServiceLanguage, SocialService } from '../../../shared/socialMapApi.js';
import {
  accessTerm,
  allHsdsTaxonomies,
  allHsdsTaxonomyTerms,
  lifeDomainTerm,
  peerRunTerm,
  perspectiveTerm,
} from './vocabulary.js';

export interface MapOrganisation {
  id: string;
  uuid: string;
  name: string;
  kind: string;
  description: string;
  website: string | null;
  email: string | null;
  phone: string | null;
}

export interface HsdsSource {
  publisher: { name: string; url: string };
  /** `province` fills address.state_province, which HSDS requires; '' when not given. */
  district: { id: string; name: string; province?: string };
  neighbourhoods: { id: string; name: string }[];
  organisations: MapOrganisation[];
  services: SocialService[];
}

export const hsdsOpenapiUrl =
  'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';

/** The district's time zone: opening hours are local times in it, the assured date a local date. */
const timeZone = 'Europe/Amsterdam';

/** Names of our languages, in Dutch (the language of the data). */
export const languageNames: Record<ServiceLanguage, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  ar: 'Arabisch',
  tr: 'Turks',
  ti: 'Tigrinya',
  uk: 'Oekraïens',
  pl: 'Pools',
  so: 'Somalisch',
  fa: 'Perzisch',
  fr: 'Frans',
  de: 'Duits',
  es: 'Spaans',
};

/** A stable sub-object id: the same role under the same parent always gives the same UUID. */
export function hsdsSubId(parentUuid: string, role: string): string {
  return uuidv5(role, parentUuid);
}

function localDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** Leaves out empty optional texts: HSDS types them as strings, never null. */
function optional(value: string | null | undefined): string | undefined {
  return value ? value : undefined;
}

function findOrganisation(source: HsdsSource, service: SocialService): MapOrganisation {
  const org = source.organisations.find((o) => o.id === service.organisationId);
  if (!org) throw new Error(`Service ${service.id} names an organisation that is not in the source`);
  return org;
}

/** An organisation's own fields (organization.json), as nested in a compiled service. */
export function hsdsOrganizationBase(org: MapOrganisation): HsdsOrganizationBase {
  return {
    id: org.uuid,
    name: org.name,
    description: org.description,
    email: optional(org.email),
    website: optional(org.website),
    phones: org.phone ? [{ id: hsdsSubId(org.uuid, 'phone'), number: org.phone, type: 'voice' }] : undefined,
  };
}

function termsOf(service: SocialService): HsdsTaxonomyTerm[] {
  return [
    ...service.lifeDomains.map(lifeDomainTerm),
    ...service.perspectives.map(perspectiveTerm),
    accessTerm(service.access),
    ...(service.peerRun ? [peerRunTerm()] : []),
  ];
}

function attributesOf(service: SocialService): HsdsAttribute[] {
  return termsOf(service).map((term) => ({
    id: hsdsSubId(service.id, `attribute:${term.id}`),
    link_id: service.id,
    link_entity: 'service',
    taxonomy_term_id: term.id,
    taxonomy_term: term,
  }));
}

function schedulesOf(service: SocialService): HsdsSchedule[] {
  const note = optional(service.openingNote);
  const periods = service.openingHours.map((hours, index) => ({
    id: hsdsSubId(service.id, `schedule:${index}:${hours.day}:${hours.opens}`),
    freq: 'WEEKLY' as const,
    interval: 1,
    wkst: 'MO' as const,
    byday: hours.day,
    opens_at: hours.opens,
    closes_at: hours.closes,
    description: note,
  }));
  if (periods.length > 0 || !note) return periods;
  return [{ id: hsdsSubId(service.id, 'schedule:note'), description: note }];
}

function serviceAtLocationsOf(source: HsdsSource, service: SocialService): HsdsServiceAtLocation[] {
  const place = service.location;
  if (!place) return [];
  const locationId = hsdsSubId(service.id, 'location');
  return [
    {
      id: hsdsSubId(service.id, 'service_at_location'),
      location: {
        id: locationId,
        location_type: 'physical',
        name: place.name,
        addresses: [
          {
            id: hsdsSubId(service.id, 'address'),
            address_1: place.street,
            city: place.city,
            state_province: source.district.province ?? '',
            postal_code: place.postalCode,
            country: 'NL',
            address_type: 'physical',
          },
        ],
      },
    },
  ];
}

/** The one-to-one fields of a service, as `/services` lists them. */
export function hsdsServiceListItem(source: HsdsSource, service: SocialService): HsdsServiceListItem {
  const org = findOrganisation(source, service);
  return {
    id: service.id,
    organization_id: org.uuid,
    name: service.name,
    description: service.description,
    status: service.status,
    application_process: optional(service.howToGetIn),
    fees_description: optional(service.costDescription),
    eligibility_description: optional(service.forWhom),
    assured_date: localDate(service.lastConfirmedAt),
    last_modified: new Date(service.updatedAt).toISOString(),
  };
}

/** The fully nested service that `/services/{id}` returns (compiled/service.json). */
export function hsdsService(source: HsdsSource, service: SocialService): HsdsService {
  const org = findOrganisation(source, service);
  const contact = service.contact;
  const neighbourhoods = service.neighbourhoodIds
    .map((id) => source.neighbourhoods.find((n) => n.id === id))
    .filter((n): n is { id: string; name: string } => n !== undefined);
  return {
    ...hsdsServiceListItem(source, service),
    organization: hsdsOrganizationBase(org),
    service_at_locations: serviceAtLocationsOf(source, service),
    contacts: [
      {
        id: hsdsSubId(service.id, 'contact'),
        name: contact.name,
        title: optional(contact.role),
        email: optional(contact.email),
        phones: contact.phone
          ? [{ id: hsdsSubId(service.id, 'contact:phone'), number: contact.phone, type: 'voice' }]
          : [],
      },
    ],
    schedules: schedulesOf(service),
    service_areas: neighbourhoods.map((n) => ({
      id: hsdsSubId(service.id, `service_area:${n.id}`),
      name: n.name,
      description: `${n.name}, ${source.district.name}`,
    })),
    languages: service.languages.map((code) => ({
      id: hsdsSubId(service.id, `language:${code}`),
      code,
      name: languageNames[code],
    })),
    cost_options: service.free
      ? [{ id: hsdsSubId(service.id, 'cost_option:free'), amount: 0, currency: 'EUR', option: 'Gratis' }]
      : [],
    attributes: attributesOf(service),
  };
}

/** The organisation with its services (compiled/organization.json); `fullServices` nests them whole. */
export function hsdsOrganization(
  source: HsdsSource,
  org: MapOrganisation,
  options: { fullServices?: boolean } = {},
): HsdsOrganization {
  const services = source.services.filter((s) => s.organisationId === org.id);
  return {
    ...hsdsOrganizationBase(org),
    services: services.map((s) => {
      if (!options.fullServices) return hsdsServiceListItem(source, s);
      const { organization: _nested, ...full } = hsdsService(source, s);
      return full;
    }),
  };
}

/** The whole map as one file (see shared/hsds/exchange.ts for why this shape). */
export function hsdsExport(source: HsdsSource): HsdsExchange {
  return {
    version: hsdsExchangeVersion,
    publisher: { name: source.publisher.name, url: source.publisher.url },
    organizations: source.organisations.map((org) => hsdsOrganization(source, org)),
    services: source.services.map((service) => hsdsService(source, service)),
    taxonomies: allHsdsTaxonomies(),
    taxonomy_terms: allHsdsTaxonomyTerms(),
  };
}

/**
 * The paging envelope (openapi.json `Page` + `contents`). `page` counts from 1; `size` is the
 * number of items on this page (the spec's wording), and a result with no items has 0 pages.
 */
export function hsdsPage<T>(
  items: T[],
  paging: { page: number; perPage: number; total: number },
): HsdsPage<T> {
  const totalPages = paging.total === 0 ? 0 : Math.ceil(paging.total / paging.perPage);
  return {
    total_items: paging.total,
    total_pages: totalPages,
    page_number: paging.page,
    size: items.length,
    first_page: paging.page === 1,
    last_page: paging.page >= totalPages,
    empty: items.length === 0,
    contents: items,
  };
}

/** What the API root `/` answers (operation getAPIMetaInformation). */
export function hsdsApiInfo(source: HsdsSource): HsdsApiInfo {
  return {
    version: hsdsExchangeVersion,
    openapi_url: hsdsOpenapiUrl,
    description: `Sociale kaart van ${source.district.name}`,
    publisher: { name: source.publisher.name, website: source.publisher.url },
  };
}
