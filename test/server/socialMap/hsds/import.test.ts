import { describe, expect, it } from 'vitest';
import type { ServiceFields, SocialService } from '../../../../shared/socialMapApi.js';
import { hsdsExport } from '../../../../server/socialMap/hsds/export.js';
import { parseHsdsImport } from '../../../../server/socialMap/hsds/import.js';
import { lifeDomainTerm } from '../../../../server/socialMap/hsds/vocabulary.js';
import { makeSource, neighbourhoods } from './fixtures.js';

const source = makeSource();
const existingOrganisationUuids = new Map(source.organisations.map((o) => [o.uuid, o.id]));
const context = { neighbourhoods, existingOrganisationUuids };

function fieldsOf(service: SocialService): ServiceFields & { id: string } {
  const {
    organisationName: _n,
    districtId: _d,
    lastConfirmedAt: _l,
    stale: _s,
    updatedAt: _u,
    ...fields
  } = service;
  return fields;
}

/** A fresh copy of the export, to spoil one field of. */
function exported() {
  return structuredClone(hsdsExport(source));
}

function refusalsOf(json: unknown) {
  const result = parseHsdsImport(json, context);
  if (result.ok) throw new Error('expected the import to be refused');
  return result.refused;
}

describe('HSDS import', () => {
  it('gives back exactly the services that were exported', () => {
    const result = parseHsdsImport(hsdsExport(source), context);
    if (!result.ok) throw new Error(JSON.stringify(result.refused));
    expect(result.services.map(({ lastConfirmedAt: _l, ...fields }) => fields)).toEqual(
      source.services.map(fieldsOf),
    );
  });

  it('keeps the date of the last check, so a re-export assures the same day', () => {
    const result = parseHsdsImport(hsdsExport(source), context);
    if (!result.ok) throw new Error('refused');
    expect(result.services[0]?.lastConfirmedAt.slice(0, 10)).toBe('2026-10-05');
  });

  it('links known organisations by UUID and offers the others for creation', () => {
    const result = parseHsdsImport(hsdsExport(source), { neighbourhoods });
    if (!result.ok) throw new Error('refused');
    expect(result.organisations.map((o) => [o.name, o.existingId])).toEqual([
      ['Buurtteam Centrum', null],
      ['Herstelacademie', null],
    ]);
    expect(result.services[0]?.organisationId).toBe(source.organisations[0]?.uuid);
    const known = parseHsdsImport(hsdsExport(source), context);
    if (!known.ok) throw new Error('refused');
    expect(known.organisations.map((o) => o.existingId)).toEqual(['org-buurtteam', 'org-herstel']);
  });

  it('accepts a plain array of compiled services and a page of the API', () => {
    const services = hsdsExport(source).services;
    const fromArray = parseHsdsImport(services, context);
    const fromPage = parseHsdsImport({ empty: false, contents: services }, context);
    expect(fromArray.ok && fromArray.services.length).toBe(3);
    expect(fromPage.ok && fromPage.services.length).toBe(3);
  });

  it('refuses something that is not an HSDS file', () => {
    expect(refusalsOf({ hello: 'world' })[0]).toMatchObject({
      record: 'file',
      messageNl: expect.any(String),
    });
  });

  it('refuses a service without a name, naming the service and the field', () => {
    const json = exported();
    delete (json.services[0] as { name?: string }).name;
    expect(refusalsOf(json)).toEqual([
      {
        record: `service (${source.services[0]?.id})`,
        path: 'services[0].name',
        message: 'Required field is missing',
        messageNl: 'Verplicht veld ontbreekt',
      },
    ]);
  });

  it('refuses an id that is not a UUID', () => {
    const json = exported();
    json.services[1]!.contacts![0]!.id = 'contact-1';
    expect(refusalsOf(json)).toEqual([
      {
        record: `service "Herstelgroep" (${source.services[1]?.id})`,
        path: 'services[1].contacts[0].id',
        message: 'Not a valid UUID',
        messageNl: 'Geen geldige UUID',
      },
    ]);
  });

  it('refuses a status HSDS does not know', () => {
    const json = exported();
    (json.services[0] as { status: string }).status = 'closed';
    const [refusal] = refusalsOf(json);
    expect(refusal).toMatchObject({ path: 'services[0].status' });
    expect(refusal?.message).toContain('temporarily closed');
  });

  it('refuses a bad email address', () => {
    const json = exported();
    json.services[0]!.contacts![0]!.email = 'fatima at buurtteam';
    expect(refusalsOf(json)).toMatchObject([
      {
        path: 'services[0].contacts[0].email',
        message: 'Not a valid email address',
        messageNl: 'Geen geldig e-mailadres',
      },
    ]);
  });

  it('refuses a service whose organization is nowhere in the file', () => {
    const json = exported().services;
    delete json[1]!.organization;
    expect(refusalsOf(json)).toMatchObject([
      { record: `service "Herstelgroep" (${source.services[1]?.id})`, path: 'services[1].organization' },
    ]);
  });

  it('finds the organization in the file’s organizations when the service only names its id', () => {
    const json = exported();
    delete json.services[2]!.organization;
    const result = parseHsdsImport(json, context);
    expect(result.ok && result.services[2]?.organisationId).toBe('org-buurtteam');
  });

  it('returns nothing at all when one service of three is bad', () => {
    const json = exported();
    json.services[1]!.contacts![0]!.email = 'not-an-email';
    const result = parseHsdsImport(json, context);
    expect(result).toEqual({
      ok: false,
      refused: [expect.objectContaining({ path: 'services[1].contacts[0].email' })],
    });
    expect('services' in result).toBe(false);
  });

  it('refuses a service without a contact person, which our map requires', () => {
    const json = exported();
    json.services[0]!.contacts = [];
    expect(refusalsOf(json)).toMatchObject([{ path: 'services[0].contacts' }]);
  });

  it('refuses a service area that is no neighbourhood of the district', () => {
    const json = exported();
    json.services[1]!.service_areas![0]!.name = 'Noord';
    expect(refusalsOf(json)).toMatchObject([
      {
        path: 'services[1].service_areas[0].name',
        message: 'Unknown neighbourhood "Noord"',
        messageNl: 'Onbekende wijk "Noord"',
      },
    ]);
  });

  it('refuses a service with no life domain of our taxonomy', () => {
    const json = exported();
    const incomeId = lifeDomainTerm('income').id;
    json.services[0]!.attributes = json.services[0]!.attributes!.filter(
      (a) => a.taxonomy_term_id !== incomeId,
    );
    expect(refusalsOf(json)).toMatchObject([
      { path: 'services[0].attributes', message: expect.stringContaining('life domain') },
    ]);
  });

  it('refuses two services with the same id', () => {
    const json = exported();
    json.services[2]!.id = json.services[0]!.id;
    expect(refusalsOf(json)).toMatchObject([{ path: 'services[2].id' }]);
  });

  it('reads defunct and temporarily closed services as inactive', () => {
    const json = exported();
    json.services[0]!.status = 'temporarily closed';
    const result = parseHsdsImport(json, context);
    expect(result.ok && result.services[0]?.status).toBe('inactive');
  });
});
