import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientPlan } from '../../../shared/api.js';
import { readBoard, setGoalService } from '../../../shared/doc/board.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import type { MapOptions, ServiceSearchAnswer, SocialService } from '../../../shared/socialMapApi.js';
import { demoCaseId } from '../../utils/demo.js';
import { api, errorOf } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * The social map through its routes (SPEC SM1–SM5), on the demo district: professionals search
 * it with filters, the administrator keeps it, and a service's contact person confirms it through
 * a one-time link without an account.
 */
let server: TestServer;
const user = (username: string) =>
  (server.db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;
beforeAll(async () => {
  server = await startTestServer({ demoData: true });
});
afterAll(async () => {
  await server?.close();
});

const search = async (as: string, query: string) => {
  const answer = await api(server, user(as), 'GET', `/api/social-map/services?${query}`);
  expect(answer.status).toBe(200);
  return answer.body as ServiceSearchAnswer;
};

const newService = (overrides: Record<string, unknown> = {}) => ({
  districtId: 'wijk-oost',
  organisationId: 'org-de-brug',
  name: 'Wandelgroep Herstel',
  description: 'Elke week samen wandelen met mensen die ook herstellen.',
  lifeDomains: ['care'],
  perspectives: ['patient'],
  neighbourhoodIds: ['buurt-molenwijk'],
  forWhom: 'Iedereen die herstelt',
  access: 'walk-in',
  howToGetIn: 'Kom gewoon langs.',
  free: true,
  costDescription: '',
  languages: ['nl'],
  openingHours: [{ day: 'WE', opens: '10:00', closes: '11:30' }],
  openingNote: '',
  location: { name: 'Buurthuis', street: 'Molenstraat 4', postalCode: '1234ab', city: 'Oostwaarde' },
  contact: { name: 'Marja Kok', role: 'Vrijwilliger', phone: '06-12345678', email: 'marja@brug.example' },
  peerRun: true,
  status: 'active',
  ...overrides,
});

describe('searching the social map', () => {
  it('[SM2] a professional finds services by words without caring for accents or case', async () => {
    const found = await search('youssef', 'q=SCHULD');
    expect(found.total).toBeGreaterThan(0);
    for (const s of found.services)
      expect(`${s.name} ${s.organisationName} ${s.description} ${s.forWhom}`.toLowerCase()).toContain(
        'schuld',
      );
    const accented = await search('youssef', `q=${encodeURIComponent('café')}`);
    const plain = await search('youssef', 'q=cafe');
    expect(plain.services.map((s) => s.id)).toEqual(accented.services.map((s) => s.id));
    expect(plain.total).toBeGreaterThan(0);
  });

  it('[SM2] every filter narrows the list and each result meets all of them', async () => {
    const all = await search('nadia', '');
    expect(all.total).toBeGreaterThanOrEqual(30);
    const narrowed = await search(
      'nadia',
      'lifeDomain=income&neighbourhoodId=buurt-molenwijk&free=true&language=nl',
    );
    expect(narrowed.total).toBeGreaterThan(0);
    expect(narrowed.total).toBeLessThan(all.total);
    for (const s of narrowed.services) {
      expect(s.lifeDomains).toContain('income');
      expect(s.neighbourhoodIds).toContain('buurt-molenwijk');
      expect(s.free).toBe(true);
      expect(s.languages).toContain('nl');
      expect(s.status).toBe('active');
    }
    const peer = await search('nadia', 'peerRun=true');
    expect(peer.total).toBeGreaterThanOrEqual(6);
    expect(peer.services.every((s) => s.peerRun)).toBe(true);
    const refugees = await search('nadia', 'perspective=refugee');
    expect(refugees.services.every((s) => s.perspectives.includes('refugee'))).toBe(true);
  });

  it('[SM2] peer-run services come first among equals', async () => {
    const { services } = await search('youssef', 'lifeDomain=care');
    const firstOther = services.findIndex((s) => !s.peerRun);
    expect(services.some((s) => s.peerRun)).toBe(true);
    expect(services.slice(firstOther).some((s) => s.peerRun)).toBe(false);
  });

  it('[SM4] a service not confirmed for longer than the configured period is flagged', async () => {
    const { services, total } = await search('youssef', 'page=1');
    const rest = await search('youssef', 'page=2');
    const every = [...services, ...rest.services];
    expect(every).toHaveLength(Math.min(total, 50));
    const day = 24 * 3600 * 1000;
    for (const s of every)
      expect(s.stale).toBe(
        Date.now() - Date.parse(s.lastConfirmedAt) > server.config.socialMap.staleDays * day,
      );
    expect(every.filter((s) => s.stale).length).toBeGreaterThanOrEqual(3);
  });

  it('the options give the professional their own district with its neighbourhoods', async () => {
    const options = (await api(server, user('nadia'), 'GET', '/api/social-map/options')).body as MapOptions;
    expect(options.districtId).toBe('wijk-oost');
    expect(options.districts[0]!.neighbourhoods.map((n) => n.id)).toContain('buurt-de-hoven');
    expect(options.organisations.length).toBeGreaterThanOrEqual(20);
  });

  it('a client, or someone signed out, cannot read the map through the professionals’ API', async () => {
    expect((await api(server, user('ahmet'), 'GET', '/api/social-map/services')).status).toBe(403);
    expect((await api(server, null, 'GET', '/api/social-map/services')).status).toBe(401);
  });
});

describe('keeping the social map', () => {
  const count = () =>
    (server.db.prepare('SELECT count(*) AS n FROM social_services').get() as { n: number }).n;

  it('[SM1] the administrator adds a service and professionals find it at once', async () => {
    const created = await api(server, user('beheer'), 'POST', '/api/social-map/services', newService());
    expect(created.status).toBe(201);
    const { id } = created.body as { id: string };
    const found = await search('youssef', `q=${encodeURIComponent('wandelgroep herstel')}`);
    expect(found.services.map((s) => s.id)).toEqual([id]);
    expect(found.services[0]!.location?.postalCode).toBe('1234 AB');
  });

  it('[SM1] a professional or a coordinator cannot add or change a service (no one grants it to themselves)', async () => {
    const before = count();
    for (const who of ['youssef', 'sevda'])
      expect((await api(server, user(who), 'POST', '/api/social-map/services', newService())).status).toBe(
        403,
      );
    const { services } = await search('youssef', '');
    const target = services[0]!;
    const changed = await api(
      server,
      user('sevda'),
      'PUT',
      `/api/social-map/services/${target.id}`,
      newService(),
    );
    expect(changed.status).toBe(403);
    expect(
      (await api(server, user('sevda'), 'POST', `/api/social-map/services/${target.id}/link`)).status,
    ).toBe(403);
    expect(count()).toBe(before);
  });

  it('[SM1] bad input is refused naming the field, and nothing is stored', async () => {
    const before = count();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ' }, 'name'],
      [{ lifeDomains: [] }, 'lifeDomains'],
      [{ neighbourhoodIds: ['buurt-elders'] }, 'neighbourhoodIds'],
      [{ organisationId: 'org-bestaat-niet' }, 'organisationId'],
      [{ contact: { name: 'A', role: '', phone: 'bel maar', email: 'a@b.example' } }, 'contact.phone'],
      [{ location: { name: '', street: 'X 1', postalCode: '12345', city: 'O' } }, 'location.postalCode'],
      [{ openingHours: [{ day: 'MO', opens: '12:00', closes: '09:00' }] }, 'openingHours.0.closes'],
    ];
    for (const [overrides, field] of cases) {
      const answer = await api(
        server,
        user('beheer'),
        'POST',
        '/api/social-map/services',
        newService(overrides),
      );
      expect(answer.status, field).toBe(400);
      expect(errorOf(answer)).toMatch(new RegExp(`^${field.replace('.', '\\.')}`));
    }
    expect(count()).toBe(before);
  });
});

describe("the contact person's one-time link", () => {
  const oldest = async () => {
    const { services } = await search('beheer', 'page=1');
    const more = await search('beheer', 'page=2');
    return [...services, ...more.services].filter((s) => s.stale)[0]!;
  };

  it('[SM5] the contact person confirms their service without an account, once', async () => {
    const service = await oldest();
    const link = await api(server, user('beheer'), 'POST', `/api/social-map/services/${service.id}/link`);
    expect(link.status).toBe(201);
    const token = (link.body as { url: string }).url.split('/').pop()!;
    const seen = await api(server, null, 'GET', `/api/social-map/confirm/${token}`);
    expect((seen.body as { service: SocialService }).service.name).toBe(service.name);
    expect((await api(server, null, 'POST', `/api/social-map/confirm/${token}`, {})).status).toBe(204);
    const after = (await api(server, user('youssef'), 'GET', `/api/social-map/services/${service.id}`))
      .body as {
      service: SocialService;
    };
    expect(after.service.stale).toBe(false);
    // Used up: neither reading nor answering works again.
    expect((await api(server, null, 'GET', `/api/social-map/confirm/${token}`)).status).toBe(404);
    expect((await api(server, null, 'POST', `/api/social-map/confirm/${token}`, {})).status).toBe(404);
  });

  it('[SM5] the contact person corrects their service; the organisation and status stay the administrator’s', async () => {
    const { services } = await search('beheer', 'q=taalcafe');
    const service = services[0]!;
    const first = await api(server, user('beheer'), 'POST', `/api/social-map/services/${service.id}/link`);
    const second = await api(server, user('beheer'), 'POST', `/api/social-map/services/${service.id}/link`);
    const oldToken = (first.body as { url: string }).url.split('/').pop()!;
    const token = (second.body as { url: string }).url.split('/').pop()!;
    // A new link replaces the one before.
    expect((await api(server, null, 'GET', `/api/social-map/confirm/${oldToken}`)).status).toBe(404);
    const {
      districtId: _d,
      organisationId: _o,
      status: _s,
      ...fields
    } = newService({
      name: `${service.name} (nieuw adres)`,
      neighbourhoodIds: service.neighbourhoodIds,
      organisationId: 'org-gemeente',
      status: 'inactive',
    });
    const bad = await api(server, null, 'POST', `/api/social-map/confirm/${token}`, {
      fields: { ...fields, contact: { ...fields.contact, email: 'geen-mail' } },
    });
    expect(bad.status).toBe(400);
    expect(errorOf(bad)).toMatch(/^fields\.contact\.email/);
    expect((await api(server, null, 'POST', `/api/social-map/confirm/${token}`, { fields })).status).toBe(
      204,
    );
    const after = (await api(server, user('youssef'), 'GET', `/api/social-map/services/${service.id}`))
      .body as {
      service: SocialService;
    };
    expect(after.service.name).toBe(`${service.name} (nieuw adres)`);
    expect(after.service.organisationId).toBe(service.organisationId);
    expect(after.service.status).toBe('active');
  });

  it('[SM5] a made-up link opens nothing', async () => {
    expect((await api(server, null, 'GET', `/api/social-map/confirm/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await api(server, null, 'POST', `/api/social-map/confirm/${'x'.repeat(43)}`, {})).status).toBe(
      404,
    );
  });
});

describe('who can help with a goal', () => {
  const ahmet = () => demoCaseId(server, 'Ahmet Yılmaz');
  const visibleGoal = () =>
    server.sync.registry.use(caseDocumentName(ahmet()), (doc) =>
      readBoard(doc).goals.find((g) => g.visibleToClient)!,
    );
  const neighbourhoodOf = (caseId: string) =>
    (server.db.prepare('SELECT neighbourhood_id AS n FROM cases WHERE id = ?').get(caseId) as { n: string })
      .n;

  it("[SM3] lists active services for the goal's life domain in the client's neighbourhood, or the whole district", async () => {
    const caseId = ahmet();
    const answer = await api(
      server,
      user('sevda'),
      'GET',
      `/api/cases/${caseId}/help?lifeDomain=income&perspectives=patient`,
    );
    expect(answer.status).toBe(200);
    const { services, neighbourhoodId } = answer.body as {
      services: SocialService[];
      neighbourhoodId: string;
    };
    expect(neighbourhoodId).toBe(neighbourhoodOf(caseId));
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) {
      expect(s.lifeDomains).toContain('income');
      expect(s.neighbourhoodIds).toContain(neighbourhoodId);
      expect(s.status).toBe('active');
    }
    const everywhere = (
      await api(server, user('sevda'), 'GET', `/api/cases/${caseId}/help?lifeDomain=income&everywhere=true`)
    ).body as { total: number };
    expect(everywhere.total).toBeGreaterThanOrEqual((answer.body as { total: number }).total);
  });

  it('[SM3] a service linked to a visible goal is in the client’s plan in plain words, an inactive one is not', async () => {
    const goal = await visibleGoal();
    const { services } = await search('sevda', 'lifeDomain=income');
    const [helps, stops] = [services[0]!, services[1]!];
    await server.sync.registry.use(caseDocumentName(ahmet()), (doc) => {
      setGoalService(doc, goal.id, helps.id, true);
      setGoalService(doc, goal.id, stops.id, true);
    });
    const body = (await api(server, user('beheer'), 'GET', `/api/social-map/services/${stops.id}`)).body as {
      service: SocialService;
    };
    const {
      id: _i,
      organisationName: _o,
      lastConfirmedAt: _l,
      stale: _s,
      updatedAt: _u,
      ...fields
    } = body.service;
    expect(
      (
        await api(server, user('beheer'), 'PUT', `/api/social-map/services/${stops.id}`, {
          ...fields,
          status: 'inactive',
        })
      ).status,
    ).toBe(204);
    const { plan } = (await api(server, user('ahmet'), 'GET', '/api/my/plan')).body as { plan: ClientPlan };
    const shown = plan.goals.find((g) => g.id === goal.id)!;
    expect(shown.services).toEqual([
      {
        id: helps.id,
        name: helps.name,
        organisation: helps.organisationName,
        description: helps.description,
        howToGetIn: helps.howToGetIn,
        contactName: helps.contact.name,
        phone: helps.contact.phone,
        peerRun: helps.peerRun,
      },
    ]);
    // What the client reads holds no e-mail address, internal ids of the organisation, or the map's bookkeeping.
    expect(Object.keys(shown.services[0]!).sort()).toEqual(
      ['contactName', 'description', 'howToGetIn', 'id', 'name', 'organisation', 'peerRun', 'phone'].sort(),
    );
  });

  it('[SM3] someone not on the case cannot ask who helps its client (the neighbourhood is the client’s)', async () => {
    const caseId = demoCaseId(server, 'Fatima Ouali');
    const members = server.db
      .prepare(
        'SELECT u.username FROM case_members m JOIN users u ON u.professional_id = m.professional_id WHERE m.case_id = ?',
      )
      .all(caseId) as { username: string }[];
    const outsider = ['youssef', 'nadia', 'linh', 'sevda'].find(
      (u) => !members.some((m) => m.username === u),
    );
    expect(outsider).toBeDefined();
    expect(
      (await api(server, user(outsider!), 'GET', `/api/cases/${caseId}/help?lifeDomain=care`)).status,
    ).toBe(404);
  });
});
