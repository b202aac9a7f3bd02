import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hsdsExchangeSchema } from '../../../../shared/hsds/exchange.js';
import { hsdsApiInfoSchema, hsdsPageSchema } from '../../../../shared/hsds/primitives.js';
import {
  hsdsOrganizationSchema,
  hsdsServiceListItemSchema,
  hsdsServiceSchema,
  hsdsTaxonomySchema,
  hsdsTaxonomyTermSchema,
} from '../../../../shared/hsds/schema.js';
import {
  hsdsApiInfo,
  hsdsExport,
  hsdsOrganization,
  hsdsPage,
  hsdsService,
  hsdsServiceListItem,
} from '../../../../server/socialMap/hsds/export.js';
import { peerRunTerm } from '../../../../server/socialMap/hsds/vocabulary.js';
import { makeService, makeSource } from './fixtures.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every `id` and `*_id` value anywhere in the tree. */
function collectIds(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectIds(v, found));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'id' || key.endsWith('_id')) && typeof v === 'string') found.push(v);
      collectIds(v, found);
    }
  }
  return found;
}

describe('HSDS export', () => {
  it('writes every service, organisation and term so that it passes the HSDS 3.0 schemas', () => {
    const exported = hsdsExport(makeSource());
    expect(() => hsdsExchangeSchema.parse(exported)).not.toThrow();
    for (const service of exported.services)
      expect(hsdsServiceSchema.safeParse(service).error).toBeUndefined();
    for (const org of exported.organizations)
      expect(hsdsOrganizationSchema.safeParse(org).error).toBeUndefined();
    for (const t of exported.taxonomies) expect(hsdsTaxonomySchema.safeParse(t).success).toBe(true);
    for (const t of exported.taxonomy_terms) expect(hsdsTaxonomyTermSchema.safeParse(t).success).toBe(true);
    expect(exported.services).toHaveLength(3);
    expect(exported.organizations).toHaveLength(2);
  });

  it('never writes null: HSDS types optional fields as strings, so empty ones are left out', () => {
    const text = JSON.stringify(hsdsExport(makeSource()));
    expect(text).not.toContain('null');
  });

  it('gives every id as a UUID, unique, and the same in two exports of the same map', () => {
    const first = hsdsExport(makeSource());
    const second = hsdsExport(makeSource());
    expect(second).toEqual(first);
    const ids = collectIds(first.services);
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) expect(id).toMatch(uuidPattern);
    const ownIds = first.services.flatMap((s) => [
      ...(s.contacts ?? []).map((c) => c.id),
      ...(s.schedules ?? []).map((x) => x.id),
      ...(s.service_areas ?? []).map((x) => x.id),
      ...(s.attributes ?? []).map((x) => x.id),
      ...(s.languages ?? []).map((x) => x.id),
    ]);
    expect(new Set(ownIds).size).toBe(ownIds.length);
  });

  it('keeps sub-object ids when other fields of the service change', () => {
    const source = makeSource();
    const before = hsdsService(source, makeService());
    const after = hsdsService(source, makeService({ name: 'Andere naam', description: 'Anders' }));
    expect(after.contacts?.[0]?.id).toBe(before.contacts?.[0]?.id);
    expect(after.service_at_locations?.[0]?.location?.id).toBe(
      before.service_at_locations?.[0]?.location?.id,
    );
  });

  it('marks exactly the peer-run services with the peer-run term', () => {
    const exported = hsdsExport(makeSource());
    const peerRunId = peerRunTerm().id;
    const tagged = exported.services
      .filter((s) => (s.attributes ?? []).some((a) => a.taxonomy_term_id === peerRunId))
      .map((s) => s.name);
    expect(tagged).toEqual(['Herstelgroep']);
  });

  it('writes opening hours as weekly schedules with the opening note as description', () => {
    const service = hsdsService(makeSource(), makeService());
    expect(service.schedules).toMatchObject([
      {
        freq: 'WEEKLY',
        byday: 'TU',
        opens_at: '09:00',
        closes_at: '12:00',
        description: 'Niet in de schoolvakanties.',
      },
      { freq: 'WEEKLY', byday: 'TH', opens_at: '13:30', closes_at: '16:00' },
    ]);
  });

  it('dates the check in the district (assured_date) and the change to the millisecond', () => {
    const late = makeService({ lastConfirmedAt: '2026-10-05T23:30:00.000Z' });
    const item = hsdsServiceListItem(makeSource(), late);
    expect(item.assured_date).toBe('2026-10-06');
    expect(item.last_modified).toBe('2026-11-20T14:15:16.789Z');
  });

  it('covers each neighbourhood with a service area, and a free service with a zero cost option', () => {
    const source = makeSource();
    const group = hsdsService(source, source.services[1]!);
    expect(group.service_areas?.map((a) => a.name)).toEqual(['Oost', 'West']);
    expect(group.cost_options).toMatchObject([{ amount: 0, currency: 'EUR' }]);
    expect(hsdsService(source, source.services[0]!).cost_options).toEqual([]);
  });

  it('writes the address HSDS requires, with the country code and the province', () => {
    const address = hsdsService(makeSource(), makeService()).service_at_locations?.[0]?.location
      ?.addresses?.[0];
    expect(address).toMatchObject({
      address_1: 'Kerkstraat 12',
      city: 'Amsterdam',
      postal_code: '1011 AB',
      state_province: 'Noord-Holland',
      country: 'NL',
      address_type: 'physical',
    });
  });

  it('lists an organisation with its own services only', () => {
    const source = makeSource();
    const org = hsdsOrganization(source, source.organisations[1]!);
    expect(org.services?.map((s) => s.name)).toEqual(['Herstelgroep']);
    expect(hsdsOrganizationSchema.safeParse(org).success).toBe(true);
  });

  it('answers the API root with the HSDS version and the openapi file', () => {
    const info = hsdsApiInfo(makeSource());
    expect(hsdsApiInfoSchema.parse(info)).toMatchObject({ version: '3.0' });
    expect(info.openapi_url).toMatch(/\/3\.0\/schema\/openapi\.json$/);
  });
});

describe('HSDS paging envelope', () => {
  const pageOf = hsdsPageSchema(z.string());

  it.each([
    { page: 1, perPage: 2, total: 5, size: 2, totalPages: 3, first: true, last: false },
    { page: 3, perPage: 2, total: 5, size: 1, totalPages: 3, first: false, last: true },
    { page: 2, perPage: 2, total: 4, size: 2, totalPages: 2, first: false, last: true },
  ])(
    'page $page of $total by $perPage has $totalPages pages',
    ({ page, perPage, total, size, totalPages, first, last }) => {
      const items = Array.from({ length: size }, (_, i) => `item-${i}`);
      const envelope = hsdsPage(items, { page, perPage, total });
      expect(pageOf.parse(envelope)).toEqual({
        total_items: total,
        total_pages: totalPages,
        page_number: page,
        size,
        first_page: first,
        last_page: last,
        empty: false,
        contents: items,
      });
    },
  );

  it('says empty, and last, when nothing matches', () => {
    expect(hsdsPage([], { page: 1, perPage: 10, total: 0 })).toMatchObject({
      total_pages: 0,
      size: 0,
      first_page: true,
      last_page: true,
      empty: true,
    });
  });

  it('says empty for a page past the end', () => {
    expect(hsdsPage([], { page: 4, perPage: 2, total: 5 })).toMatchObject({
      empty: true,
      last_page: true,
      size: 0,
    });
  });

  it('carries compiled services in its contents', () => {
    const source = makeSource();
    const items = source.services.map((s) => hsdsServiceListItem(source, s));
    const envelope = hsdsPage(items, { page: 1, perPage: 10, total: 3 });
    expect(hsdsPageSchema(hsdsServiceListItemSchema).safeParse(envelope).success).toBe(true);
  });
});
