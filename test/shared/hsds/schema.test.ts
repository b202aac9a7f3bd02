import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { hsdsPageSchema, hsdsTime } from '../../../shared/hsds/primitives.js';
import {
  hsdsAddressSchema,
  hsdsAttributeSchema,
  hsdsMetadataSchema,
  hsdsOrganizationSchema,
  hsdsPhoneSchema,
  hsdsScheduleSchema,
  hsdsServiceSchema,
  hsdsTaxonomyTermSchema,
} from '../../../shared/hsds/schema.js';

/** Shaped after the spec's own example (examples/service_full.json), trimmed. */
function exampleService() {
  return {
    id: 'ac148810-d857-441c-9679-408f346de14b',
    name: 'Community Counselling',
    status: 'active',
    email: 'email@example.com',
    url: 'http://example.com/counselling',
    assured_date: '2005-01-01',
    last_modified: '2023-03-15T10:30:45.123Z',
    phones: [
      {
        id: '1554f2e2-a373-45db-a3fa-9fc48a61c15e',
        number: '+44 1234 234567',
        extension: 100,
        type: 'voice',
      },
    ],
    schedules: [
      {
        id: '48102e86-bb50-41c4-8f1e-e269368c41d1',
        freq: 'WEEKLY',
        wkst: 'TU',
        byday: 'TH,FR',
        opens_at: '10:00:00',
        closes_at: '18:00:00',
      },
    ],
    service_at_locations: [
      {
        id: 'e94c9f38-1e8f-4564-91d4-d53501ab1765',
        location: {
          id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5',
          location_type: 'physical',
          addresses: [
            {
              id: '74706e55-df26-4b84-80fe-ecc30b5befb4',
              address_1: '1-30 Main Street',
              city: 'MyCity',
              state_province: 'MyState',
              postal_code: 'ABC 1234',
              country: 'US',
              address_type: 'postal',
            },
          ],
        },
      },
    ],
    organization: {
      id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
      name: 'Example Organization Inc.',
      description: 'Example Org is a non-profit organization',
    },
  };
}

function pathsOf(result: { success: boolean; error?: z.ZodError }) {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('HSDS 3.0 schemas', () => {
  it('accept the spec’s example service', () => {
    expect(hsdsServiceSchema.safeParse(exampleService()).error).toBeUndefined();
  });

  it('require what the spec requires of a service: id, name, status', () => {
    const { id: _id, name: _name, status: _status, ...rest } = exampleService();
    expect(pathsOf(hsdsServiceSchema.safeParse(rest)).sort()).toEqual(['id', 'name', 'status']);
  });

  it('know the four service statuses and nothing else', () => {
    for (const status of ['active', 'inactive', 'defunct', 'temporarily closed']) {
      expect(hsdsServiceSchema.safeParse({ ...exampleService(), status }).success).toBe(true);
    }
    expect(pathsOf(hsdsServiceSchema.safeParse({ ...exampleService(), status: 'closed' }))).toEqual([
      'status',
    ]);
  });

  it('check the formats: uuid, email, uri, date and date-time', () => {
    const bad = {
      ...exampleService(),
      id: 'service-1',
      email: 'nobody',
      url: 'example dot com',
      assured_date: '01-01-2005',
      last_modified: '2023-03-15 10:30',
    };
    expect(pathsOf(hsdsServiceSchema.safeParse(bad)).sort()).toEqual([
      'assured_date',
      'email',
      'id',
      'last_modified',
      'url',
    ]);
  });

  it('let extra fields through, as HSDS allows extending every object', () => {
    const extended = { ...exampleService(), veelzijdig_note: 'extension field' };
    expect(hsdsServiceSchema.parse(extended)).toMatchObject({ veelzijdig_note: 'extension field' });
  });

  it('require the address lines HSDS requires', () => {
    expect(
      pathsOf(hsdsAddressSchema.safeParse({ id: '74706e55-df26-4b84-80fe-ecc30b5befb4' })).sort(),
    ).toEqual(['address_1', 'address_type', 'city', 'country', 'postal_code', 'state_province']);
  });

  it('require a phone number and a taxonomy term’s name and description', () => {
    expect(pathsOf(hsdsPhoneSchema.safeParse({ id: '1554f2e2-a373-45db-a3fa-9fc48a61c15e' }))).toEqual([
      'number',
    ]);
    expect(
      pathsOf(hsdsTaxonomyTermSchema.safeParse({ id: '3f7b145d-84af-42d7-8fae-eaca714b02b2' })).sort(),
    ).toEqual(['description', 'name']);
  });

  it('check a nested taxonomy term inside an attribute', () => {
    const attribute = {
      id: 'ae58cc39-8b70-4ab1-8aea-786882e5ac8e',
      taxonomy_term_id: '3f7b145d-84af-42d7-8fae-eaca714b02b2',
      taxonomy_term: { id: 'not-a-uuid', name: 'x', description: 'y' },
    };
    expect(pathsOf(hsdsAttributeSchema.safeParse(attribute))).toEqual(['taxonomy_term.id']);
  });

  it('require the provenance fields of a metadata record', () => {
    expect(
      pathsOf(hsdsMetadataSchema.safeParse({ id: '6cd71e9f-1013-49d9-8370-26b8f59d3e5a' })),
    ).toHaveLength(6);
  });

  it('know schedule frequencies and weekdays', () => {
    const id = '48102e86-bb50-41c4-8f1e-e269368c41d1';
    expect(hsdsScheduleSchema.safeParse({ id, freq: 'MONTHLY', byday: '2MO,-1FR' }).success).toBe(true);
    expect(pathsOf(hsdsScheduleSchema.safeParse({ id, freq: 'DAILY' }))).toEqual(['freq']);
    expect(pathsOf(hsdsScheduleSchema.safeParse({ id, byday: 'MONDAY' }))).toEqual(['byday']);
    expect(pathsOf(hsdsScheduleSchema.safeParse({ id, wkst: 'XX' }))).toEqual(['wkst']);
  });

  it.each(['09:00', '10:00:00', '09:00Z', '09:00-05:00', '23:59+01:00'])('take %s as a time', (time) => {
    expect(hsdsTime.safeParse(time).success).toBe(true);
  });

  it.each(['9:00', '24:00', '09:60', 'negen uur'])('refuse %s as a time', (time) => {
    expect(hsdsTime.safeParse(time).success).toBe(false);
  });

  it('require an organization’s id, name and description', () => {
    expect(pathsOf(hsdsOrganizationSchema.safeParse({})).sort()).toEqual(['description', 'id', 'name']);
  });

  it('require `empty` and `contents` of a page, and check what it carries', () => {
    const page = hsdsPageSchema(hsdsPhoneSchema);
    expect(pathsOf(page.safeParse({ total_items: 0 })).sort()).toEqual(['contents', 'empty']);
    expect(pathsOf(page.safeParse({ empty: false, contents: [{ id: 'x', number: '1' }] }))).toEqual([
      'contents.0.id',
    ]);
  });
});
