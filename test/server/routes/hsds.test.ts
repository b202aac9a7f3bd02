import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRefusal } from '../../../shared/hsds/issues.js';
import type { HsdsPage } from '../../../shared/hsds/primitives.js';
import type { HsdsExchange } from '../../../shared/hsds/exchange.js';
import type { HsdsService, HsdsServiceListItem } from '../../../shared/hsds/schema.js';
import { peerRunTerm } from '../../../server/socialMap/hsds/vocabulary.js';
import { api, errorOf } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * The social map as Open Referral HSDS 3.0: the public read API under /api/hsds (paged, filtered,
 * open to anyone) and the administrator's export and all-or-nothing import.
 */
let server: TestServer;
let fresh: TestServer;
beforeAll(async () => {
  [server, fresh] = await Promise.all([
    startTestServer({ demoData: true }),
    startTestServer({ demoData: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.close(), fresh?.close()]);
});

const user = (on: TestServer, username: string) =>
  (on.db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;
const ids = (on: TestServer, where = '1 = 1') =>
  (
    on.db.prepare(`SELECT id FROM social_services WHERE district_id = 'wijk-oost' AND ${where}`).all() as {
      id: string;
    }[]
  )
    .map((r) => r.id)
    .sort();
const count = (on: TestServer, table: 'social_services' | 'organisations' | 'social_service_terms') =>
  (on.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const read = async <T>(path: string, as: string | null = null) => {
  const answer = await api(server, as && user(server, as), 'GET', `/api/hsds${path}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as T;
};
const page = (query: string) => read<HsdsPage<HsdsServiceListItem>>(`/services?${query}`);

describe('the public HSDS read API', () => {
  it('answers without signing in, for every service of the district', async () => {
    const first = await page('per_page=200');
    expect(first.total_items).toBe(ids(server).length);
    expect(first.contents.map((s) => s.id).sort()).toEqual(ids(server));
    // A signed-in professional gets the same.
    expect((await read<HsdsPage<unknown>>('/services?per_page=200', 'youssef')).total_items).toBe(
      first.total_items,
    );
  });

  it('pages through the list: first, last, past the end, never an item twice', async () => {
    const total = ids(server).length;
    const perPage = 7;
    const pages = Math.ceil(total / perPage);
    expect(pages).toBeGreaterThan(2);
    const first = await page(`per_page=${perPage}`);
    expect(first).toMatchObject({
      total_items: total,
      total_pages: pages,
      page_number: 1,
      size: perPage,
      first_page: true,
      last_page: false,
      empty: false,
    });
    const seen = [...first.contents.map((s) => s.id)];
    for (let n = 2; n <= pages; n++)
      seen.push(...(await page(`per_page=${perPage}&page=${n}`)).contents.map((s) => s.id));
    expect(seen.sort()).toEqual(ids(server));
    const last = await page(`per_page=${perPage}&page=${pages}`);
    expect(last).toMatchObject({ first_page: false, last_page: true, size: total - perPage * (pages - 1) });
    const beyond = await page(`per_page=${perPage}&page=${pages + 1}`);
    expect(beyond).toMatchObject({ empty: true, size: 0, contents: [], total_items: total, last_page: true });
  });

  it('gives 50 a page by default and at most 200; a bad parameter is refused by name', async () => {
    expect((await page('')).size).toBe(Math.min(50, ids(server).length));
    expect((await page('per_page=200')).size).toBe(ids(server).length);
    for (const [query, name] of [
      ['per_page=201', 'per_page'],
      ['per_page=0', 'per_page'],
      ['page=0', 'page'],
      ['page=een', 'page'],
      ['taxonomy_term_id=peer-run', 'taxonomy_term_id'],
      ['modified_after=gisteren', 'modified_after'],
      ['full=ja', 'full'],
      ['format=csv', 'format'],
      ['minimal=true&full=true', 'minimal'],
    ]) {
      const answer = await api(server, null, 'GET', `/api/hsds/services?${query}`);
      expect(answer.status, query).toBe(400);
      expect(errorOf(answer), query).toMatch(new RegExp(`^${name}:`));
    }
  });

  it('filters by taxonomy term: the peer-run term gives exactly the peer-run services', async () => {
    const peer = await page(`taxonomy_term_id=${peerRunTerm().id}&per_page=200`);
    expect(peer.total_items).toBeGreaterThanOrEqual(6);
    expect(peer.contents.map((s) => s.id).sort()).toEqual(ids(server, 'peer_run = 1'));
    const byTaxonomy = await page(`taxonomy_id=${peerRunTerm().taxonomy_id}&per_page=200`);
    expect(byTaxonomy.contents.map((s) => s.id).sort()).toEqual(ids(server, 'peer_run = 1'));
  });

  it('filters by organization and by last change, and searches without caring for accents', async () => {
    const all = await page('per_page=200');
    const org = all.contents[0]!.organization_id!;
    const ofOrg = await page(`organization_id=${org}&per_page=200`);
    expect(ofOrg.total_items).toBeGreaterThan(0);
    expect(ofOrg.contents.every((s) => s.organization_id === org)).toBe(true);
    expect((await page(`modified_after=${encodeURIComponent('2999-01-01T00:00:00Z')}`)).empty).toBe(true);
    expect((await page(`modified_after=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).total_items).toBe(
      all.total_items,
    );
    const plain = await page('search=cafe');
    const accented = await page(`search=${encodeURIComponent('CAFÉ')}`);
    expect(plain.total_items).toBeGreaterThan(0);
    expect(accented.contents.map((s) => s.id)).toEqual(plain.contents.map((s) => s.id));
    for (const s of plain.contents)
      expect(`${s.name} ${s.description}`.normalize('NFKD').toLowerCase()).toMatch(/cafe/);
  });

  it('gives whole services with full, and little with minimal', async () => {
    const full = (await page('full=true&per_page=3')) as unknown as HsdsPage<HsdsService>;
    expect(full.contents[0]!.contacts?.length).toBe(1);
    expect(full.contents[0]!.organization?.name).toBeTruthy();
    const minimal = await page('minimal=true&per_page=3');
    expect(Object.keys(minimal.contents[0]!).sort()).toEqual([
      'description',
      'id',
      'name',
      'organization_id',
      'status',
    ]);
  });

  it('answers one service, organisation, taxonomy and term by id, and 404 JSON for an unknown one', async () => {
    const [id] = ids(server);
    const service = await read<HsdsService>(`/services/${id}`);
    expect(service.id).toBe(id);
    const org = await read<{ id: string; services: { id: string }[] }>(
      `/organizations/${service.organization!.id}`,
    );
    expect(org.services.map((s) => s.id)).toContain(id);
    const term = peerRunTerm();
    expect((await read<{ id: string }>(`/taxonomy_terms/${term.id}`)).id).toBe(term.id);
    expect((await read<{ id: string }>(`/taxonomies/${term.taxonomy_id}`)).id).toBe(term.taxonomy_id);
    for (const path of [
      `/services/${randomUUID()}`,
      '/services/niet-een-uuid',
      `/organizations/${randomUUID()}`,
      `/taxonomies/${randomUUID()}`,
      `/taxonomy_terms/${randomUUID()}`,
      '/services?district_id=wijk-nergens',
    ]) {
      const answer = await api(server, null, 'GET', `/api/hsds${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get('content-type'), path).toMatch(/json/);
      expect(errorOf(answer), path).toBeTruthy();
    }
  });

  it('lists organisations, taxonomies and terms in the same envelope, with their own filters', async () => {
    const orgs = await read<HsdsPage<{ id: string; name: string }>>('/organizations?per_page=200');
    const offering = server.db
      .prepare(
        `SELECT count(DISTINCT o.id) AS n FROM organisations o JOIN social_services s ON s.organisation_id = o.id
         WHERE s.district_id = 'wijk-oost' AND o.archived_at IS NULL`,
      )
      .get() as { n: number };
    expect(orgs.total_items).toBe(offering.n);
    const peerOrgs = await read<HsdsPage<{ id: string }>>(
      `/organizations?per_page=200&taxonomy_term_id=${peerRunTerm().id}`,
    );
    expect(peerOrgs.total_items).toBeGreaterThan(0);
    expect(peerOrgs.total_items).toBeLessThan(orgs.total_items);
    const withServices = await read<HsdsPage<{ services: HsdsService[] }>>(
      '/organizations?full_service=true&per_page=2',
    );
    expect(withServices.contents[0]!.services[0]!.contacts).toBeDefined();
    const terms = await read<HsdsPage<{ taxonomy_id: string }>>(
      `/taxonomy_terms?taxonomy_id=${peerRunTerm().taxonomy_id}&top_only=true`,
    );
    expect(terms.total_items).toBe(1);
    expect((await read<HsdsPage<unknown>>('/taxonomies')).total_items).toBe(4);
    expect((await read<{ version: string }>('/')).version).toBe('3.0');
  });
});

describe('the administrator exports and imports the map as HSDS', () => {
  const exportOf = async (on: TestServer) => {
    const answer = await api(
      on,
      user(on, 'beheer'),
      'GET',
      '/api/social-map/export.hsds.json?districtId=wijk-oost',
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="sociale-kaart-wijk-oost.hsds.json"',
    );
    return answer.body as HsdsExchange;
  };
  const importInto = (on: TestServer, data: unknown, as = 'beheer') =>
    api(on, user(on, as), 'POST', '/api/social-map/import', { districtId: 'wijk-oost', data });
  /** The services of a file in parts under the JSON body limit, each imported on its own. */
  const importInParts = async (on: TestServer, services: HsdsService[]) => {
    const totals = { created: 0, updated: 0 };
    let part: HsdsService[] = [];
    const send = async () => {
      if (part.length === 0) return;
      const answer = await importInto(on, { services: part });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const body = answer.body as { services: { created: number; updated: number } };
      totals.created += body.services.created;
      totals.updated += body.services.updated;
      part = [];
    };
    for (const service of services) {
      if (JSON.stringify({ services: [...part, service] }).length > 90_000) await send();
      part.push(service);
    }
    await send();
    return totals;
  };
  /** A save stamps `last_modified` anew; everything else must come back as it went. */
  const withoutTimes = <T extends { last_modified?: string }>(records: T[]) =>
    records.map(({ last_modified: _m, ...rest }) => rest);

  it('round trips: what one server exports, another imports, and then exports the same', async () => {
    const admin = user(server, 'beheer');
    const [changedId] = ids(server);
    const current = (await api(server, admin, 'GET', `/api/social-map/services/${changedId}`)).body as {
      service: Record<string, unknown>;
    };
    const {
      id: _i,
      organisationName: _n,
      stale: _s,
      updatedAt: _u,
      lastConfirmedAt: _l,
      ...fields
    } = current.service;
    const changed = await api(server, admin, 'PUT', `/api/social-map/services/${changedId}`, {
      ...fields,
      name: 'Inloopspreekuur (gewijzigd)',
    });
    expect(changed.status).toBe(204);
    const exported = await exportOf(server);
    expect(exported.services).toHaveLength(ids(server).length);

    const totals = await importInParts(fresh, exported.services);
    expect(totals).toEqual({ created: 0, updated: exported.services.length });
    const again = await exportOf(fresh);
    expect(withoutTimes(again.services)).toEqual(withoutTimes(exported.services));
    const organisations = (file: HsdsExchange) =>
      file.organizations.map((o) => ({ ...o, services: withoutTimes(o.services ?? []) }));
    expect(organisations(again)).toEqual(organisations(exported));
    const name = fresh.db.prepare('SELECT name FROM social_services WHERE id = ?').get(changedId) as {
      name: string;
    };
    expect(name.name).toBe('Inloopspreekuur (gewijzigd)');
  });

  it('creates an organisation and a service that are not on the map yet', async () => {
    const [template] = (await exportOf(server)).services;
    const organisationId = randomUUID();
    const service = {
      ...template!,
      id: randomUUID(),
      name: 'Repair Café Oost',
      organization_id: organisationId,
      organization: { id: organisationId, name: 'Stichting Repair Oost', description: 'Samen repareren.' },
    };
    const before = count(fresh, 'organisations');
    const answer = await importInto(fresh, { services: [service] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({
      organisations: { created: 1, updated: 0 },
      services: { created: 1, updated: 0 },
    });
    expect(count(fresh, 'organisations')).toBe(before + 1);
    const row = fresh.db.prepare('SELECT kind, name FROM organisations WHERE id = ?').get(organisationId);
    expect(row).toEqual({ kind: 'other', name: 'Stichting Repair Oost' });
    const published = await api(fresh, null, 'GET', `/api/hsds/services/${service.id}`);
    expect((published.body as HsdsService).organization?.name).toBe('Stichting Repair Oost');
  });

  it('an import with one bad service changes nothing and names the record and the field', async () => {
    const exported = await exportOf(server);
    const [good, bad, ours] = exported.services;
    const newOrg = randomUUID();
    const tables = ['social_services', 'organisations', 'social_service_terms'] as const;
    const before = tables.map((t) => count(fresh, t));
    const names = fresh.db.prepare('SELECT id, name, updated_at FROM social_services ORDER BY id').all();

    const badContact = { ...bad!, contacts: [{ ...bad!.contacts![0]!, email: 'geen-mailadres' }] };
    const answer = await importInto(fresh, {
      services: [
        {
          ...good!,
          name: 'Zou niet mogen landen',
          organization: { ...good!.organization!, id: newOrg, name: 'Nieuw' },
        },
        badContact,
      ],
    });
    expect(answer.status).toBe(422);
    const { refused, error } = answer.body as { refused: ImportRefusal[]; error: string };
    expect(error).toBeTruthy();
    expect(refused).toEqual([
      expect.objectContaining({
        record: `service "${bad!.name}" (${bad!.id})`,
        path: 'services[1].contacts[0].email',
        message: 'Not a valid email address',
        messageNl: 'Geen geldig e-mailadres',
      }),
    ]);

    // Our own rules are a second check: HSDS lets a description be empty, our map does not.
    const emptyDescription = await importInto(fresh, { services: [good, { ...ours!, description: '' }] });
    expect(emptyDescription.status).toBe(422);
    const second = (emptyDescription.body as { refused: ImportRefusal[] }).refused;
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({
      record: `service "${ours!.name}" (${ours!.id})`,
      path: 'services[1].description',
    });
    expect(second[0]!.messageNl).toMatch(/^Regel van onze sociale kaart/);

    expect(tables.map((t) => count(fresh, t))).toEqual(before);
    expect(fresh.db.prepare('SELECT id, name, updated_at FROM social_services ORDER BY id').all()).toEqual(
      names,
    );
  });

  it('logs the export and the import with ids and counts, never names', async () => {
    await exportOf(server);
    const exportEntry = server.db
      .prepare("SELECT details FROM access_log WHERE event = 'export' ORDER BY id DESC LIMIT 1")
      .get() as { details: string };
    expect(JSON.parse(exportEntry.details)).toMatchObject({
      resource: 'social-map',
      districtId: 'wijk-oost',
    });
    const [one] = (await exportOf(server)).services;
    expect((await importInto(server, { services: [one] })).status).toBe(200);
    const importEntry = server.db
      .prepare("SELECT details FROM access_log WHERE event = 'social-map-changed' ORDER BY id DESC LIMIT 1")
      .get() as { details: string };
    expect(JSON.parse(importEntry.details)).toEqual({
      change: 'imported',
      districtId: 'wijk-oost',
      organisationsCreated: 0,
      organisationsUpdated: 1,
      servicesCreated: 0,
      servicesUpdated: 1,
    });
    expect(importEntry.details).not.toContain(one!.name);
  });

  it('a professional or a coordinator can neither export nor import; signed out is 401', async () => {
    const [one] = (await exportOf(server)).services;
    const before = count(server, 'social_services');
    for (const who of ['youssef', 'sevda']) {
      const exported = await api(
        server,
        user(server, who),
        'GET',
        '/api/social-map/export.hsds.json?districtId=wijk-oost',
      );
      expect(exported.status, who).toBe(403);
      expect((await importInto(server, { services: [{ ...one!, id: randomUUID() }] }, who)).status, who).toBe(
        403,
      );
    }
    expect(
      (await api(server, null, 'GET', '/api/social-map/export.hsds.json?districtId=wijk-oost')).status,
    ).toBe(401);
    expect(count(server, 'social_services')).toBe(before);
  });
});
