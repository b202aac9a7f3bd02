import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { generateServices } from '../../../bench/lib/socialMapData.js';
import { organisationKinds } from '../../../shared/adminApi.js';
import { serviceLanguages } from '../../../shared/socialMapApi.js';
import { defaultPerspectives, lifeDomains } from '../../../shared/vocabulary.js';
import { neighbourhoods } from '../../../server/demo/dataset/place.js';
import { organisations } from '../../../server/demo/dataset/organisations.js';
import { professionals } from '../../../server/demo/dataset/professionals.js';
import { mapOrganisations, mapServices } from '../../../server/demo/dataset/socialMap.js';
import type { MapService } from '../../../server/demo/dataset/socialMap.js';

const demoToday = Date.parse('2026-12-01T00:00:00.000Z');
const dayMs = 86_400_000;
const neighbourhoodIds = new Set(neighbourhoods.map((n) => n.id));
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
/** RFC 4122 version 4: the version nibble 4 and variant 8, 9, a or b, written in lower case. */
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** What every service on a social map must hold, for the demo data and the generated data alike. */
function expectWellFormed(services: MapService[], organisationIds: Set<string>) {
  for (const service of services) {
    const label = service.name;
    expect(organisationIds.has(service.organisationId), label).toBe(true);
    expect(service.neighbourhoodIds.length, label).toBeGreaterThan(0);
    for (const id of service.neighbourhoodIds) expect(neighbourhoodIds.has(id), label).toBe(true);
    expect(service.lifeDomains.length, label).toBeGreaterThan(0);
    for (const language of service.languages) expect(serviceLanguages, label).toContain(language);
    expect(service.contact.name.trim(), label).not.toBe('');
    expect(service.contact.phone, label).toMatch(/^0\d{1,3}-\d{6,8}$/);
    expect(service.contact.email, label).toMatch(/^[^@\s]+@[a-z0-9.-]+\.example(\.nl)?$/);
    if (service.location) expect(service.location.postalCode, label).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
    if (!service.free) expect(service.costDescription.trim(), label).not.toBe('');
    expect(Number.isNaN(Date.parse(service.lastConfirmedAt)), label).toBe(false);
    for (const period of service.openingHours) {
      expect(period.opens, label).toMatch(hhmm);
      expect(period.closes, label).toMatch(hhmm);
      expect(period.opens < period.closes, `${label} ${period.day}`).toBe(true);
    }
  }
}

describe('the demo social map', () => {
  it('keeps the organisations of the case boards under the same id, name and kind', () => {
    for (const organisation of organisations) {
      expect(mapOrganisations).toContainEqual(expect.objectContaining(organisation));
    }
    expect(new Set(mapOrganisations.map((o) => o.id)).size).toBe(mapOrganisations.length);
    for (const organisation of mapOrganisations) {
      expect(organisationKinds).toContain(organisation.kind);
      expect(organisation.id).toMatch(/^org-[a-z0-9-]+$/);
      expect(organisation.description.trim()).not.toBe('');
    }
  });

  it('gives every service a unique, valid UUID v4 and an organisation on the map', () => {
    const ids = mapServices.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(uuidV4);
      expect(validate(id) && version(id)).toBe(4);
    }
    expectWellFormed(mapServices, new Set(mapOrganisations.map((o) => o.id)));
  });

  it('offers enough active and peer-run services for the demo', () => {
    expect(mapServices.filter((s) => s.status === 'active').length).toBeGreaterThanOrEqual(30);
    expect(mapServices.filter((s) => s.peerRun && s.status === 'active').length).toBeGreaterThanOrEqual(6);
    expect(mapServices.some((s) => s.status === 'inactive')).toBe(true);
  });

  it('serves every life domain and every default perspective', () => {
    const active = mapServices.filter((s) => s.status === 'active');
    for (const domain of lifeDomains)
      expect(
        active.some((s) => s.lifeDomains.includes(domain)),
        domain,
      ).toBe(true);
    for (const perspective of defaultPerspectives) {
      expect(
        active.some((s) => s.perspectives.includes(perspective)),
        perspective,
      ).toBe(true);
    }
  });

  it('covers each neighbourhood with services of its own and services for the whole district', () => {
    for (const id of neighbourhoodIds) {
      expect(
        mapServices.some((s) => s.neighbourhoodIds.length === 1 && s.neighbourhoodIds[0] === id),
        id,
      ).toBe(true);
    }
    expect(mapServices.some((s) => s.neighbourhoodIds.length === neighbourhoodIds.size)).toBe(true);
  });

  it('has at least three active services not confirmed for more than 180 days, the rest mostly recent', () => {
    const age = (s: MapService) => (demoToday - Date.parse(s.lastConfirmedAt)) / dayMs;
    const active = mapServices.filter((s) => s.status === 'active');
    expect(active.filter((s) => age(s) > 180).length).toBeGreaterThanOrEqual(3);
    expect(mapServices.filter((s) => age(s) <= 92).length).toBeGreaterThan(mapServices.length / 2);
    for (const service of mapServices) expect(age(service), service.name).toBeGreaterThan(0);
  });

  it('gives a demo professional who is a contact person the same phone and e-mail as on the board', () => {
    const byName = new Map(professionals.map((p) => [p.name, p]));
    let matched = 0;
    for (const { contact } of mapServices) {
      const professional = byName.get(contact.name);
      if (!professional) continue;
      matched += 1;
      expect({ phone: contact.phone, email: contact.email }).toEqual({
        phone: professional.phone,
        email: professional.email,
      });
    }
    expect(matched).toBeGreaterThan(0);
  });
});

describe('the generated social map for the search benchmark', () => {
  it('gives exactly the number of services asked for, with unique ids and valid fields', () => {
    const { organisations: generated, services } = generateServices(5000, 7);
    expect(services).toHaveLength(5000);
    expect(new Set(services.map((s) => s.id)).size).toBe(5000);
    for (const { id } of services) expect(validate(id) && version(id)).toBe(5);
    expect(new Set(generated.map((o) => o.id)).size).toBe(generated.length);
    expectWellFormed(services, new Set(generated.map((o) => o.id)));
    expect(services.some((s) => s.peerRun)).toBe(true);
  });

  it('is the same for the same seed and differs for another seed', () => {
    expect(generateServices(200, 42)).toEqual(generateServices(200, 42));
    expect(generateServices(200, 43).services.map((s) => s.id)).not.toEqual(
      generateServices(200, 42).services.map((s) => s.id),
    );
  });

  it('gives no services for a count of zero', () => {
    expect(generateServices(0, 1).services).toEqual([]);
  });
});
