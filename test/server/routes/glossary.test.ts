import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTerms } from '../../../server/demo/dataset/glossary.js';
import { seedGlossary } from '../../../server/demo/seedGlossary.js';
import { findTerms } from '../../../shared/glossary.js';
import type { GlossaryAnswer } from '../../../shared/glossary.js';
import { api, errorOf } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * The district's shared terms through their routes (SPEC GL1–GL4), on the demo district: the
 * administrator keeps them, every professional reads their own district's, clients do not.
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

const newTerm = (overrides: Record<string, unknown> = {}) => ({
  districtId: 'wijk-oost',
  term: 'Keukentafelgesprek',
  variants: ['keukentafelgesprekken'],
  medicalMeaning: 'Een gesprek thuis over de zorg die nodig is.',
  socialMeaning: 'Het onderzoek van de gemeente naar wat iemand nodig heeft (Wmo).',
  sharedMeaning: 'Het gesprek van het wijkteam met de cliënt en naasten over wat nodig is.',
  related: [],
  ...overrides,
});
const read = async (as: string, query = '') => {
  const answer = await api(server, user(as), 'GET', `/api/glossary${query}`);
  expect(answer.status).toBe(200);
  return answer.body as GlossaryAnswer;
};
const lastChange = () =>
  server.db
    .prepare(
      "SELECT user_id, details FROM access_log WHERE event = 'glossary-changed' ORDER BY id DESC LIMIT 1",
    )
    .get() as { user_id: string; details: string } | undefined;

describe('keeping the shared terms', () => {
  it('[GL1][GL4] the administrator adds a term; the GP and the social worker read it at once, logged by id', async () => {
    const created = await api(server, user('beheer'), 'POST', '/api/glossary', newTerm());
    expect(created.status, errorOf(created)).toBe(201);
    const { id } = created.body as { id: string };
    for (const who of ['youssef', 'nadia', 'sevda']) {
      const answer = await read(who);
      expect(answer.districtId).toBe('wijk-oost');
      const term = answer.terms.find((t) => t.id === id);
      expect(term).toMatchObject({ term: 'Keukentafelgesprek', variants: ['keukentafelgesprekken'] });
    }
    const entry = lastChange()!;
    expect(entry.user_id).toBe(user('beheer'));
    expect(JSON.parse(entry.details)).toEqual({ termId: id, change: 'created' });
    expect(entry.details).not.toContain('Keukentafel');
  });

  it('[GL2] the same term again in the district is refused, whatever its case, accents or spacing', async () => {
    await api(
      server,
      user('beheer'),
      'POST',
      '/api/glossary',
      newTerm({ term: 'Cliëntondersteuner', variants: [] }),
    );
    for (const term of ['cliëntondersteuner', 'CLIENTONDERSTEUNER', ' Clientondersteuner ']) {
      const again = await api(
        server,
        user('beheer'),
        'POST',
        '/api/glossary',
        newTerm({ term, variants: [] }),
      );
      expect(again.status).toBe(409);
      expect(errorOf(again)).toMatch(/^term: /);
    }
  });

  it('[GL2] a variant that is already a form of another term is refused, naming the field', async () => {
    const answer = await api(
      server,
      user('beheer'),
      'POST',
      '/api/glossary',
      newTerm({ term: 'Gesprek thuis', variants: ['keukentafelgesprekken'] }),
    );
    expect(answer.status).toBe(409);
    expect(errorOf(answer)).toMatch(/^variants: .*Keukentafelgesprek/);
  });

  it('[GL1] bad input is refused naming the field', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ term: '' }, /^term: /],
      [{ term: 'a<b>' }, /^term: /],
      [{ sharedMeaning: '   ' }, /^sharedMeaning: /],
      [{ medicalMeaning: 'x'.repeat(1001) }, /^medicalMeaning: /],
      [{ variants: ['ok', ''] }, /^variants\.1: /],
      [{ related: ['not-a-uuid'] }, /^related\.0: /],
      [{ districtId: 'nergens' }, /^districtId: /],
    ];
    for (const [overrides, message] of cases) {
      const answer = await api(
        server,
        user('beheer'),
        'POST',
        '/api/glossary',
        newTerm({ term: 'Nieuw', ...overrides }),
      );
      expect(answer.status, JSON.stringify(overrides)).toBe(400);
      expect(errorOf(answer)).toMatch(message);
    }
  });

  it('[GL3] related terms go both ways, only within the district, and leave with a deleted term', async () => {
    const post = async (term: string, related: string[] = []) =>
      (
        (await api(server, user('beheer'), 'POST', '/api/glossary', newTerm({ term, variants: [], related })))
          .body as { id: string }
      ).id;
    const a = await post('Vroegsignalering');
    const b = await post('Achter de voordeur', [a]);
    const byId = async () => new Map((await read('youssef')).terms.map((t) => [t.id, t]));
    expect((await byId()).get(a)!.related).toEqual([b]);
    const elsewhere = await server.services.places.createDistrict('Wijk Elders');
    const foreign = await api(server, user('beheer'), 'POST', '/api/glossary', {
      ...newTerm({ term: 'Vreemd', variants: [], related: [a] }),
      districtId: elsewhere,
    });
    expect(foreign.status).toBe(400);
    expect(errorOf(foreign)).toMatch(/^related: /);
    const self = await api(server, user('beheer'), 'PUT', `/api/glossary/${a}`, {
      ...newTerm({ term: 'Vroegsignalering', variants: [], related: [a] }),
    });
    expect(self.status).toBe(400);
    expect(errorOf(self)).toMatch(/^related: /);
    expect((await api(server, user('beheer'), 'DELETE', `/api/glossary/${b}`)).status).toBe(204);
    const after = await byId();
    expect(after.has(b)).toBe(false);
    expect(after.get(a)!.related).toEqual([]);
    expect(JSON.parse(lastChange()!.details)).toEqual({ termId: b, change: 'deleted' });
  });

  it('[GL1] the administrator changes a term; it keeps its id and its district', async () => {
    const { id } = (
      await api(
        server,
        user('beheer'),
        'POST',
        '/api/glossary',
        newTerm({ term: 'Eigen kracht', variants: [] }),
      )
    ).body as { id: string };
    const { districtId: _d, ...fields } = newTerm({ term: 'Eigen regie', variants: ['zelfregie'] });
    const changed = await api(server, user('beheer'), 'PUT', `/api/glossary/${id}`, fields);
    expect(changed.status, errorOf(changed)).toBe(204);
    const term = (await read('nadia')).terms.find((t) => t.id === id)!;
    expect(term).toMatchObject({ term: 'Eigen regie', variants: ['zelfregie'], districtId: 'wijk-oost' });
    expect(JSON.parse(lastChange()!.details)).toEqual({ termId: id, change: 'changed' });
  });

  it('[GL1] an unknown term answers 404 naming it', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const { districtId: _d, ...fields } = newTerm({ term: 'Niets' });
    for (const [method, body] of [
      ['PUT', fields],
      ['DELETE', undefined],
    ] as const) {
      const answer = await api(server, user('beheer'), method, `/api/glossary/${id}`, body);
      expect(answer.status).toBe(404);
      expect(errorOf(answer)).toMatch(/^termId: /);
    }
  });

  it('[GL4] professionals and coordinators cannot add, change or delete a term; a client cannot read them', async () => {
    const { terms } = await read('youssef');
    const target = terms[0]!;
    const { districtId: _d, ...fields } = newTerm({ term: 'Overgenomen' });
    for (const who of ['youssef', 'sevda', 'ahmet']) {
      expect(
        (await api(server, user(who), 'POST', '/api/glossary', newTerm({ term: 'Overgenomen' }))).status,
      ).toBe(403);
      expect((await api(server, user(who), 'PUT', `/api/glossary/${target.id}`, fields)).status).toBe(403);
      expect((await api(server, user(who), 'DELETE', `/api/glossary/${target.id}`)).status).toBe(403);
    }
    expect((await api(server, user('ahmet'), 'GET', '/api/glossary')).status).toBe(403);
    expect((await api(server, null, 'GET', '/api/glossary')).status).toBe(401);
    expect((await read('youssef')).terms.find((t) => t.id === target.id)).toEqual(target);
  });

  it('[GL4] a professional may read another district by asking for it; the admin, of no district, gets the first one offered', async () => {
    const elsewhere = await server.services.places.createDistrict('Wijk Noord');
    await api(server, user('beheer'), 'POST', '/api/glossary', {
      ...newTerm({ term: 'Noorderterm', variants: [] }),
      districtId: elsewhere,
    });
    const other = await read('youssef', `?districtId=${elsewhere}`);
    expect(other.terms.map((t) => t.term)).toEqual(['Noorderterm']);
    expect(other.districts.map((d) => d.id)).toEqual(expect.arrayContaining(['wijk-oost', elsewhere]));
    const admin = await read('beheer');
    expect(admin.districtId).toBe(admin.districts[0]!.id);
  });
});

describe('the demo terms', () => {
  it('[GL3] seed into a district with every related term found and related both ways', async () => {
    const districtId = await server.services.places.createDistrict('Wijk Demo');
    await server.services.data.write((trx) => seedGlossary(trx, districtId));
    const { terms } = await read('youssef', `?districtId=${districtId}`);
    expect(terms.map((t) => t.term).sort()).toEqual(demoTerms.map((t) => t.term).sort());
    const byId = new Map(terms.map((t) => [t.id, t]));
    for (const t of terms) {
      expect(t.medicalMeaning).not.toBe(t.socialMeaning);
      for (const r of t.related) expect(byId.get(r)!.related).toContain(t.id);
    }
    // Each demo term is recognised in a sentence with its plural or itself.
    const found = findTerms('Twee zorgmijders, een POH-GGZ en het sociaal wijkteam bij dementie.', terms);
    expect(found.map((m) => byId.get(m.termId)!.term)).toEqual([
      'zorgmijder',
      'POH-GGZ',
      'sociaal wijkteam',
      'dementie',
    ]);
  });
});
