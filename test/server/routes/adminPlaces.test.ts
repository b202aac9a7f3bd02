import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlacesAnswer, TeamsAnswer } from '../../../shared/adminApi.js';
import { addProfessional } from '../../utils/accounts.js';
import { api, errorOf } from '../../utils/http.js';
import { insertCase, startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Districts, neighbourhoods, teams and organisations as the functional administrator keeps them
 * (SPEC PP1–PP4, PP12): created, renamed and archived, never deleted; archived ones leave the
 * pickers and take nothing new (a meeting neither); bad input is refused naming the field, and a
 * refused request stores nothing.
 */
let server: TestServer;
let admin: string;
let colleague: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.services.accounts.create({ username: 'beheer', displayName: 'Beheer', role: 'admin' });
  colleague = addProfessional(server, { role: 'coordinator' }).userId;
});
afterAll(async () => {
  await server?.close();
});

const as = (userId: string, method: string, path: string, body?: unknown) =>
  api(server, userId, method, path, body);
const places = async () => (await as(admin, 'GET', '/api/admin/places')).body as PlacesAnswer;
const teams = async () => (await as(admin, 'GET', '/api/admin/teams')).body as TeamsAnswer;
const snapshot = () =>
  JSON.stringify(
    ['districts', 'neighbourhoods', 'teams', 'organisations', 'professionals', 'users'].map((table) =>
      server.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all(),
    ),
  );
const unique = () => randomUUID().slice(0, 6);

describe('districts and neighbourhoods', () => {
  it('[PP1] the admin creates a district and its neighbourhoods, renames and archives them', async () => {
    const name = `Molenwijk ${unique()}`;
    const district = await as(admin, 'POST', '/api/admin/districts', { name });
    expect(district.status).toBe(201);
    const districtId = (district.body as { id: string }).id;
    const north = await as(admin, 'POST', '/api/admin/neighbourhoods', { districtId, name: 'Noord' });
    const south = await as(admin, 'POST', '/api/admin/neighbourhoods', { districtId, name: 'Zuid' });
    expect([north.status, south.status]).toEqual([201, 201]);
    const northId = (north.body as { id: string }).id;

    expect(
      (await as(admin, 'PUT', `/api/admin/neighbourhoods/${northId}`, { name: 'Noord-Oost' })).status,
    ).toBe(204);
    expect(
      (await as(admin, 'PUT', `/api/admin/districts/${districtId}`, { name: `${name} (nieuw)` })).status,
    ).toBe(204);
    const listed = (await places()).districts.find((d) => d.id === districtId)!;
    expect(listed.name).toBe(`${name} (nieuw)`);
    expect(listed.neighbourhoods.map((n) => n.name)).toEqual(['Noord-Oost', 'Zuid']);

    expect(
      (await as(admin, 'PUT', `/api/admin/neighbourhoods/${northId}/archived`, { archived: true })).status,
    ).toBe(204);
    const archived = (await places()).districts.find((d) => d.id === districtId)!.neighbourhoods[0]!;
    expect(archived.archivedAt).not.toBeNull();
    // Still listed for the admin; gone from the pickers.
    expect((await server.services.places.activeNeighbourhoods()).map((n) => n.id)).not.toContain(northId);
    const picker = await as(colleague, 'GET', '/api/meetings/neighbourhoods');
    expect(
      (picker.body as { neighbourhoods: { id: string }[] }).neighbourhoods.map((n) => n.id),
    ).not.toContain(northId);
    // Restored, it is offered again.
    await as(admin, 'PUT', `/api/admin/neighbourhoods/${northId}/archived`, { archived: false });
    expect((await server.services.places.activeNeighbourhoods()).map((n) => n.id)).toContain(northId);
  });

  it('[PP2] an archived place keeps what refers to it: the case stays, with its neighbourhood', async () => {
    const caseId = insertCase(server.db); // in n1 of d1
    await as(admin, 'PUT', '/api/admin/districts/d1/archived', { archived: true });
    const d1 = (await places()).districts.find((d) => d.id === 'd1')!;
    expect(d1.archivedAt).not.toBeNull();
    expect(d1.neighbourhoods.find((n) => n.id === 'n1')!.openCases).toBeGreaterThan(0);
    expect(server.db.prepare('SELECT neighbourhood_id AS n FROM cases WHERE id = ?').get(caseId)).toEqual({
      n: 'n1',
    });
    // Its neighbourhoods leave the pickers with it, and a new team cannot go there.
    expect((await server.services.places.activeNeighbourhoods()).map((n) => n.id)).not.toContain('n1');
    const team = await as(admin, 'POST', '/api/admin/teams', {
      name: 'Laat',
      kind: 'other',
      neighbourhoodId: 'n1',
    });
    expect(team.status).toBe(400);
    expect(errorOf(team)).toMatch(/^neighbourhoodId: /);
    // A neighbourhood comes back only with its district.
    const restore = await as(admin, 'PUT', '/api/admin/neighbourhoods/n1/archived', { archived: true });
    expect(restore.status).toBe(204);
    const back = await as(admin, 'PUT', '/api/admin/neighbourhoods/n1/archived', { archived: false });
    expect(back.status).toBe(409);
    await as(admin, 'PUT', '/api/admin/districts/d1/archived', { archived: false });
    await as(admin, 'PUT', '/api/admin/neighbourhoods/n1/archived', { archived: false });
    expect((await server.services.places.activeNeighbourhoods()).map((n) => n.id)).toContain('n1');
  });

  it('[PP4] bad input answers 400 naming the field, a name used twice 409, and nothing is stored', async () => {
    const before = snapshot();
    const cases: [string, string, unknown, RegExp][] = [
      ['POST', '/api/admin/districts', { name: '   ' }, /^name: is required/],
      ['POST', '/api/admin/districts', { name: 'x'.repeat(121) }, /^name: must be at most 120/],
      ['POST', '/api/admin/neighbourhoods', { name: 'Buurt' }, /^districtId: /],
      [
        'POST',
        '/api/admin/neighbourhoods',
        { districtId: 'no-such', name: 'Buurt' },
        /^districtId: no district/,
      ],
      ['PUT', '/api/admin/districts/d1/archived', { archived: 'yes' }, /^archived: /],
      ['POST', '/api/admin/teams', { name: 'Team', kind: 'club', neighbourhoodId: 'n1' }, /^kind: /],
    ];
    for (const [method, path, body, error] of cases) {
      const answer = await as(admin, method, path, body);
      expect(answer.status, path).toBe(400);
      expect(errorOf(answer)).toMatch(error);
    }
    const name = `Dubbel ${unique()}`;
    await as(admin, 'POST', '/api/admin/districts', { name });
    const again = snapshot();
    const twice = await as(admin, 'POST', '/api/admin/districts', { name: name.toUpperCase() });
    expect(twice.status).toBe(409);
    expect(errorOf(twice)).toMatch(/^name: /);
    expect(snapshot()).toBe(again);
    expect(before).not.toBe(again); // only the one good request changed anything
  });
});

describe('teams', () => {
  it('[PP3] a team belongs to a neighbourhood and has a kind; it is edited and archived, never deleted', async () => {
    const created = await as(admin, 'POST', '/api/admin/teams', {
      name: 'Vrijwilligers Molenwijk',
      kind: 'volunteer-organisation',
      neighbourhoodId: 'n1',
    });
    expect(created.status).toBe(201);
    const teamId = (created.body as { id: string }).id;
    const edit = await as(admin, 'PUT', `/api/admin/teams/${teamId}`, {
      name: 'Buurtteam Molenwijk',
      kind: 'neighbourhood-team',
      neighbourhoodId: 'n1',
    });
    expect(edit.status).toBe(204);
    expect((await teams()).teams.find((t) => t.id === teamId)).toMatchObject({
      name: 'Buurtteam Molenwijk',
      kind: 'neighbourhood-team',
      neighbourhoodId: 'n1',
      archivedAt: null,
    });
    await as(admin, 'PUT', `/api/admin/teams/${teamId}/archived`, { archived: true });
    expect((await teams()).teams.find((t) => t.id === teamId)!.archivedAt).not.toBeNull();
    // An archived team takes no new professionals.
    const joining = await as(admin, 'POST', '/api/admin/professionals', {
      name: 'Nieuw',
      roleTitle: 'Maatje',
      side: 'social',
      teamId,
      organisationId: null,
      phone: null,
      email: null,
      username: `nieuw-${unique()}`,
      role: 'professional',
    });
    expect(joining.status).toBe(400);
    expect(errorOf(joining)).toMatch(/^teamId: /);
    await as(admin, 'PUT', `/api/admin/teams/${teamId}/archived`, { archived: false });
    expect((await teams()).teams.find((t) => t.id === teamId)!.archivedAt).toBeNull();
  });
});

describe('organisations', () => {
  const professional = (organisationId: string) => ({
    name: 'Nieuw',
    roleTitle: 'Maatje',
    side: 'social',
    teamId: null,
    organisationId,
    phone: null,
    email: null,
    username: `nieuw-${unique()}`,
    role: 'professional',
  });

  it('[PP12] the admin creates, renames and archives an organisation; who works there keeps it', async () => {
    const created = await as(admin, 'POST', '/api/admin/organisations', {
      name: 'Huisartsenpraktijk De Molen',
      kind: 'gp-practice',
    });
    expect(created.status).toBe(201);
    const organisationId = (created.body as { id: string }).id;
    const joined = await as(admin, 'POST', '/api/admin/professionals', professional(organisationId));
    expect(joined.status).toBe(201);
    const professionalId = (joined.body as { id: string }).id;

    const renamed = await as(admin, 'PUT', `/api/admin/organisations/${organisationId}`, {
      name: 'Gezondheidscentrum De Molen',
      kind: 'other',
    });
    expect(renamed.status).toBe(204);
    expect((await teams()).organisations.find((o) => o.id === organisationId)).toMatchObject({
      name: 'Gezondheidscentrum De Molen',
      kind: 'other',
      archivedAt: null,
      members: 1,
    });

    const archived = await as(admin, 'PUT', `/api/admin/organisations/${organisationId}/archived`, {
      archived: true,
    });
    expect(archived.status).toBe(204);
    expect((await teams()).organisations.find((o) => o.id === organisationId)!.archivedAt).not.toBeNull();
    // Nobody new joins an archived organisation ...
    const joining = await as(admin, 'POST', '/api/admin/professionals', professional(organisationId));
    expect(joining.status).toBe(400);
    expect(errorOf(joining)).toMatch(/^organisationId: .*in use/);
    // ... but who works there keeps it through an edit, and still shows its name.
    const { username: _u, ...details } = professional(organisationId);
    const kept = await as(admin, 'PUT', `/api/admin/professionals/${professionalId}`, {
      ...details,
      roleTitle: 'Vrijwilliger',
    });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ organisationId, organisation: 'Gezondheidscentrum De Molen' });
    const [entry] = (await server.services.audit.search({ event: 'team-changed' })).filter(
      (e) => e.details?.organisationId === organisationId && e.details?.change === 'archived',
    );
    expect(entry).toBeDefined();

    await as(admin, 'PUT', `/api/admin/organisations/${organisationId}/archived`, { archived: false });
    expect((await teams()).organisations.find((o) => o.id === organisationId)!.archivedAt).toBeNull();
  });

  it('[PP4] a bad kind, a name used twice or an unknown organisation is refused naming the field', async () => {
    const name = `Dubbel ${unique()}`;
    await as(admin, 'POST', '/api/admin/organisations', { name, kind: 'volunteer' });
    const before = snapshot();
    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', '/api/admin/organisations', { name: 'Club', kind: 'club' }, 400, /^kind: /],
      ['POST', '/api/admin/organisations', { name: ' ', kind: 'other' }, 400, /^name: is required/],
      ['POST', '/api/admin/organisations', { name: name.toLowerCase(), kind: 'other' }, 409, /^name: /],
      ['PUT', '/api/admin/organisations/no-such', { name: 'X', kind: 'other' }, 404, /^organisationId: /],
      ['PUT', '/api/admin/organisations/no-such/archived', { archived: true }, 404, /^organisationId: /],
    ];
    for (const [method, path, body, status, error] of cases) {
      const answer = await as(admin, method, path, body);
      expect(answer.status, path).toBe(status);
      expect(errorOf(answer)).toMatch(error);
    }
    expect(snapshot()).toBe(before);
  });
});

describe('meetings', () => {
  it('[PP2] no new meeting goes into an archived neighbourhood, whatever the picker showed', async () => {
    const districtId = await server.services.places.createDistrict(`Wijk ${unique()}`);
    const neighbourhoodId = await server.services.places.createNeighbourhood(districtId, 'Oud');
    const meeting = {
      neighbourhoodId,
      title: 'Wijkoverleg',
      startsAt: '2026-12-01T12:00:00.000Z',
      attendeeIds: [],
      guests: [],
    };
    await server.services.places.setNeighbourhoodArchived(neighbourhoodId, true);
    const count = () => server.db.prepare('SELECT count(*) AS n FROM meetings').get();
    const before = count();
    const refused = await as(colleague, 'POST', '/api/meetings', meeting);
    expect(refused.status).toBe(400);
    expect(errorOf(refused)).toMatch(/^neighbourhoodId: .*archived/);
    // An archived district takes its neighbourhoods with it.
    await server.services.places.setNeighbourhoodArchived(neighbourhoodId, false);
    await server.services.places.setDistrictArchived(districtId, true);
    expect((await as(colleague, 'POST', '/api/meetings', meeting)).status).toBe(400);
    expect(count()).toEqual(before);
    await server.services.places.setDistrictArchived(districtId, false);
    expect((await as(colleague, 'POST', '/api/meetings', meeting)).status).toBe(201);
  });
});

describe('only the admin', () => {
  it('[PP5] a professional, a signed-out person and a disabled admin change nothing', async () => {
    const other = await server.services.accounts.create({
      username: `ex-${unique()}`,
      displayName: 'Ex',
      role: 'admin',
    });
    await server.services.accounts.setDisabled(other, true);
    const before = snapshot();
    const writes: [string, string, unknown][] = [
      ['POST', '/api/admin/districts', { name: 'Stiekem' }],
      ['PUT', '/api/admin/districts/d1', { name: 'Gekaapt' }],
      ['PUT', '/api/admin/districts/d1/archived', { archived: true }],
      ['POST', '/api/admin/neighbourhoods', { districtId: 'd1', name: 'Stiekem' }],
      ['PUT', '/api/admin/neighbourhoods/n1', { name: 'Gekaapt' }],
      ['POST', '/api/admin/teams', { name: 'Stiekem', kind: 'other', neighbourhoodId: 'n1' }],
      ['POST', '/api/admin/organisations', { name: 'Stiekem', kind: 'other' }],
      ['PUT', '/api/admin/organisations/org-none/archived', { archived: true }],
    ];
    for (const [method, path, body] of writes) {
      expect((await as(colleague, method, path, body)).status, path).toBe(403);
      expect((await api(server, null, method, path, body)).status, path).toBe(401);
      expect((await as(other, method, path, body)).status, path).toBe(401);
    }
    expect(snapshot()).toBe(before);
  });
});
