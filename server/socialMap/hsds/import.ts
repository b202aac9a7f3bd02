/**
 * Reads an HSDS 3.0 file back into our social map: every record checked against the HSDS zod
 * schemas field by field, then against what our own model needs (a contact person, a life
 * domain, a known neighbourhood …). All or nothing: one refusal and nothing is imported, so an
 * administrator never ends up with half a map.
 */
import { hsdsExchangeEnvelopeSchema } from '../../../shared/hsds/exchange.js';
import { describeIssue, joinPath, recordName, type ImportRefusal } from '../../../shared/hsds/issues.js';
import {
  hsdsOrganizationSchema,
  hsdsServiceSchema,
  type HsdsOrganizationBase,
  type HsdsService,
} from '../../../shared/hsds/schema.js';
import type { ServiceFields } from '../../../shared/socialMapApi.js';
import {
  classify,
  contactOf,
  languagesOf,
  locationOf,
  neighbourhoodsOf,
  openingOf,
  type Refuse,
} from './importFields.js';

export interface ImportedOrganisation {
  uuid: string;
  name: string;
  description: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  /** Our id when the organisation is already on the map (matched by UUID), else null: create it. */
  existingId: string | null;
}

/** `organisationId` is our id for a known organisation, else the new organisation's UUID. */
export type ImportedService = ServiceFields & { id: string; lastConfirmedAt: string };

export interface HsdsImportContext {
  neighbourhoods: { id: string; name: string }[];
  /** HSDS organization UUID → our organisation id, for organisations already on the map. */
  existingOrganisationUuids?: ReadonlyMap<string, string>;
}

export type HsdsImportResult =
  | { ok: true; organisations: ImportedOrganisation[]; services: ImportedService[] }
  | { ok: false; refused: ImportRefusal[] };

/** Accepts our export's shape, a page of the API (`contents`), or a plain array of compiled services. */
export function parseHsdsImport(json: unknown, context: HsdsImportContext): HsdsImportResult {
  const records = splitRecords(json);
  if (!records) {
    return {
      ok: false,
      refused: [
        {
          record: 'file',
          path: '',
          message: 'Not an HSDS file: expected { services: [...] } or an array of services',
          messageNl: 'Geen HSDS-bestand: verwacht { services: [...] } of een lijst van diensten',
        },
      ],
    };
  }
  const refused: ImportRefusal[] = [];
  const organisations = new Map<string, HsdsOrganizationBase>();

  records.organizations.forEach((raw, index) => {
    const base = `organizations[${index}]`;
    const parsed = hsdsOrganizationSchema.safeParse(raw);
    if (!parsed.success) {
      const record = recordName('organization', raw, base);
      for (const issue of parsed.error.issues) {
        refused.push({ record, path: joinPath(base, issue.path), ...describeIssue(issue) });
      }
      return;
    }
    organisations.set(parsed.data.id, parsed.data);
  });

  const services: ImportedService[] = [];
  const seen = new Set<string>();
  records.services.forEach((raw, index) => {
    const base = `services[${index}]`;
    const record = recordName('service', raw, base);
    const parsed = hsdsServiceSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        refused.push({ record, path: joinPath(base, issue.path), ...describeIssue(issue) });
      }
      return;
    }
    const refuse: Refuse = (path, message, messageNl) => refused.push({ record, path, message, messageNl });
    if (seen.has(parsed.data.id)) {
      refuse(
        `${base}.id`,
        'Another service in this file has the same id',
        'Een andere dienst in dit bestand heeft dezelfde id',
      );
      return;
    }
    seen.add(parsed.data.id);
    const org = parsed.data.organization ?? organisations.get(parsed.data.organization_id ?? '');
    if (!org) {
      refuse(
        `${base}.organization`,
        'Service has no organization (neither nested nor listed in organizations)',
        'Dienst heeft geen organisatie (niet genest en niet in organizations)',
      );
      return;
    }
    if (parsed.data.organization) organisations.set(org.id, parsed.data.organization);
    const service = toService(parsed.data, org.id, base, context, refuse);
    if (service) services.push(service);
  });

  if (refused.length > 0) return { ok: false, refused };
  return {
    ok: true,
    organisations: [...organisations.values()].map((org) => toOrganisation(org, context)),
    services,
  };
}

function splitRecords(json: unknown): { organizations: unknown[]; services: unknown[] } | null {
  if (Array.isArray(json)) return { organizations: [], services: json };
  if (typeof json === 'object' && json !== null && Array.isArray((json as { contents?: unknown }).contents)) {
    return { organizations: [], services: (json as { contents: unknown[] }).contents };
  }
  const envelope = hsdsExchangeEnvelopeSchema.safeParse(json);
  if (!envelope.success) return null;
  return { organizations: envelope.data.organizations ?? [], services: envelope.data.services };
}

function toOrganisation(org: HsdsOrganizationBase, context: HsdsImportContext): ImportedOrganisation {
  return {
    uuid: org.id,
    name: org.name,
    description: org.description,
    website: org.website ?? null,
    email: org.email ?? null,
    phone: org.phones?.[0]?.number ?? null,
    existingId: context.existingOrganisationUuids?.get(org.id) ?? null,
  };
}

function toService(
  hsds: HsdsService,
  organisationUuid: string,
  base: string,
  context: HsdsImportContext,
  refuse: Refuse,
): ImportedService | null {
  let failed = false;
  const fail: Refuse = (...args) => {
    failed = true;
    refuse(...args);
  };

  const classification = classify(hsds, base, fail);
  const contact = contactOf(hsds, base, fail);
  const neighbourhoodIds = neighbourhoodsOf(hsds, base, context, fail);
  const languages = languagesOf(hsds, base, fail);
  const opening = openingOf(hsds.schedules ?? [], `${base}.schedules`, fail);
  const location = locationOf(hsds, base, fail);
  const lastConfirmedAt = hsds.assured_date ? `${hsds.assured_date}T12:00:00.000Z` : hsds.last_modified;
  if (!lastConfirmedAt) {
    fail(
      `${base}.assured_date`,
      'No assured_date or last_modified: when was it last checked?',
      'Geen assured_date of last_modified: wanneer is dit laatst gecontroleerd?',
    );
  }
  if (failed || !classification || !contact || !lastConfirmedAt) return null;

  return {
    id: hsds.id,
    organisationId: context.existingOrganisationUuids?.get(organisationUuid) ?? organisationUuid,
    name: hsds.name,
    description: hsds.description ?? '',
    lifeDomains: classification.lifeDomains,
    perspectives: classification.perspectives,
    neighbourhoodIds,
    forWhom: hsds.eligibility_description ?? '',
    access: classification.access,
    howToGetIn: hsds.application_process ?? '',
    free: (hsds.cost_options ?? []).some((option) => option.amount === 0),
    costDescription: hsds.fees_description ?? '',
    languages,
    openingHours: opening.hours,
    openingNote: opening.note,
    location,
    contact,
    peerRun: classification.peerRun,
    // Our model knows only active and inactive; defunct and temporarily closed are not offered.
    status: hsds.status === 'active' ? 'active' : 'inactive',
    lastConfirmedAt,
  };
}
