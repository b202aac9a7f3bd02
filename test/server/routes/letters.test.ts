import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterTemplate } from '../../../shared/letters.js';
import type { Referral } from '../../../shared/referralApi.js';
import { demoCaseId } from '../../utils/demo.js';
import { api, errorOf } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/** Standard letters through the routes (SPEC LT1–LT4), on the demo district. */
let server: TestServer;
let caseId: string;
const user = (username: string) =>
  (server.db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;
const professional = (username: string) =>
  (
    server.db.prepare('SELECT professional_id AS id FROM users WHERE username = ?').get(username) as {
      id: string;
    }
  ).id;
const as = (who: string, method: string, path: string, body?: unknown) =>
  api(server, user(who), method, path, body);
const templates = async (who = 'youssef') =>
  ((await as(who, 'GET', '/api/letter-templates')).body as { templates: LetterTemplate[] }).templates;
beforeAll(async () => {
  server = await startTestServer({ demoData: true });
  caseId = demoCaseId(server, 'Ahmet Yılmaz');
});
afterAll(async () => {
  await server?.close();
});

const fields = {
  title: 'Terugkoppeling na eerste contact',
  purpose: 'De verwijzer laten weten hoe het eerste contact ging.',
  fromSide: 'any',
  toSide: 'any',
  body: 'Beste {{verwijzer.naam}}, ik sprak {{cliënt.naam}} op [datum].',
  legalBasis: 'Toestemming van de cliënt',
};

describe('the district keeps its standard letters', () => {
  it('[LT1] every district starts with the Dutch letters, among them the GP asking and the GP referring', async () => {
    const list = await templates();
    expect(list.map((t) => [t.fromSide, t.toSide])).toEqual(
      expect.arrayContaining([
        ['social', 'medical'],
        ['medical', 'social'],
      ]),
    );
    expect(list.every((t) => t.districtId === 'wijk-oost' && t.legalBasis.length > 0)).toBe(true);
    // Read twice (and by another instance at once), they are there once.
    expect((await templates('nadia')).map((t) => t.id)).toEqual(list.map((t) => t.id));
  });

  it('[LT1] only the administrator writes, changes and archives a letter; an archived one leaves the list', async () => {
    expect(
      (await as('sevda', 'POST', '/api/letter-templates', { ...fields, districtId: 'wijk-oost' })).status,
    ).toBe(403);
    const made = await as('beheer', 'POST', '/api/letter-templates', { ...fields, districtId: 'wijk-oost' });
    expect(made.status).toBe(201);
    const { id } = made.body as { id: string };
    expect((await templates()).map((t) => t.title)).toContain(fields.title);
    expect((await as('youssef', 'PUT', `/api/letter-templates/${id}`, fields)).status).toBe(403);
    expect(
      (await as('beheer', 'PUT', `/api/letter-templates/${id}`, { ...fields, title: 'Terugkoppeling' }))
        .status,
    ).toBe(204);
    expect(
      (await as('beheer', 'PUT', `/api/letter-templates/${id}/archived`, { archived: true })).status,
    ).toBe(204);
    expect((await templates()).map((t) => t.id)).not.toContain(id);
    const all = (
      (await as('beheer', 'GET', '/api/letter-templates?includeArchived=true')).body as {
        templates: LetterTemplate[];
      }
    ).templates;
    expect(all.find((t) => t.id === id)?.title).toBe('Terugkoppeling');
  });

  it('[LT1] a letter naming a merge field that does not exist is refused naming it, and nothing is stored', async () => {
    const before = (await as('beheer', 'GET', '/api/letter-templates?includeArchived=true')).body as {
      templates: unknown[];
    };
    const refused = await as('beheer', 'POST', '/api/letter-templates', {
      ...fields,
      body: 'Beste {{ontvanger.voornaam}}',
      districtId: 'wijk-oost',
    });
    expect(refused.status).toBe(400);
    expect(errorOf(refused)).toBe('body: unknown merge field {{ontvanger.voornaam}}');
    const after = (await as('beheer', 'GET', '/api/letter-templates?includeArchived=true')).body as {
      templates: unknown[];
    };
    expect(after.templates).toHaveLength(before.templates.length);
  });
});

describe('a referral with a letter', () => {
  it('[LT3] the letter is filled in from the referral, edited, sent with it and kept as sent', async () => {
    const askGp = (await templates('nadia')).find((t) => t.fromSide === 'social' && t.toSide === 'medical')!;
    const filled = await as('nadia', 'POST', `/api/cases/${caseId}/letter`, {
      templateId: askGp.id,
      toProfessionalId: professional('marieke'),
      reason: 'Hij wil weer werken',
      question: 'Wat kan hij na de beroerte aan?',
    });
    expect(filled.status).toBe(200);
    const { text, missing } = filled.body as { text: string; missing: string[] };
    expect(text).toContain('Betreft: Ahmet Yılmaz');
    expect(text).toContain('Wat kan hij na de beroerte aan?');
    expect(text).not.toMatch(/\{\{/);
    expect(missing.every((m) => m.startsWith('toestemming') || m === 'cliënt.geboortedatum')).toBe(true);
    const letter = `${text}\n\nAanvulling: graag vóór het overleg van volgende week.`;
    const made = await as('nadia', 'POST', `/api/cases/${caseId}/referrals`, {
      toProfessionalId: professional('marieke'),
      reason: 'Hij wil weer werken',
      question: 'Wat kan hij na de beroerte aan?',
      urgency: 'routine',
      letter,
      letterTemplateId: askGp.id,
    });
    expect(made.status).toBe(201);
    const { referral } = (await as('marieke', 'GET', `/api/referrals/${(made.body as { id: string }).id}`))
      .body as {
      referral: Referral;
    };
    expect(referral.letter).toBe(letter);
    expect(referral.letterTemplate).toEqual({ id: askGp.id, title: askGp.title });
  });

  it('[LT3] a letter of another district, or one that is archived, cannot be used', async () => {
    const other = await server.services.places.createDistrict('Wijk West');
    const [foreign] = await server.services.letters.list(other);
    const refused = await as('nadia', 'POST', `/api/cases/${caseId}/letter`, {
      templateId: foreign!.id,
      toProfessionalId: professional('marieke'),
      reason: 'x',
      question: 'y',
    });
    expect(refused.status).toBe(400);
    expect(errorOf(refused)).toMatch(/^templateId/);
    const withIt = await as('nadia', 'POST', `/api/cases/${caseId}/referrals`, {
      toProfessionalId: professional('marieke'),
      reason: 'x',
      question: 'y',
      urgency: 'routine',
      letter: 'Brief',
      letterTemplateId: foreign!.id,
    });
    expect(withIt.status).toBe(400);
    expect(errorOf(withIt)).toMatch(/^letterTemplateId/);
  });
});
