import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionTree, TreeAdvice, TreeContent } from '../../../shared/decisionTree.js';
import { demoCaseId } from '../../utils/demo.js';
import { api, errorOf } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/** Referral decision trees through the routes (SPEC DT1–DT5), on the demo district. */
let server: TestServer;
let caseId: string;
const user = (username: string) =>
  (server.db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;
const as = (who: string, method: string, path: string, body?: unknown) =>
  api(server, user(who), method, path, body);
const trees = async (who = 'youssef') =>
  ((await as(who, 'GET', '/api/decision-trees')).body as { trees: DecisionTree[] }).trees;
beforeAll(async () => {
  server = await startTestServer({ demoData: true });
  caseId = demoCaseId(server, 'Ahmet Yılmaz');
});
afterAll(async () => {
  await server?.close();
});

const content = (overrides: Partial<TreeContent> = {}): TreeContent => ({
  title: 'Valpreventie',
  description: '',
  rootId: 'q',
  nodes: [
    {
      id: 'q',
      kind: 'question',
      text: 'Is de cliënt gevallen?',
      help: '',
      answers: [
        { id: 'ja', label: 'Ja', next: 'huisarts' },
        { id: 'nee', label: 'Nee', next: 'wijk' },
      ],
    },
    {
      id: 'huisarts',
      kind: 'advice',
      text: 'Naar de huisarts',
      area: 'medical',
      teamKind: 'primary-care',
      serviceId: null,
    },
    {
      id: 'wijk',
      kind: 'advice',
      text: 'Naar het wijkteam',
      area: 'social',
      teamKind: 'neighbourhood-team',
      serviceId: null,
    },
  ],
  ...overrides,
});

describe('the district keeps its decision trees', () => {
  it('[DT2] the demo has the LESA example tree, which every professional reads', async () => {
    const list = await trees();
    expect(list.map((t) => t.title)).toContain('Wie verwijst naar wie? (LESA-verdeling)');
    expect(list[0]!.version).toBe(1);
    expect((await as('ahmet', 'GET', '/api/decision-trees')).status).toBe(403);
  });

  it('[DT3] the administrator saves versions; the ones before stay readable as they were', async () => {
    expect(
      (await as('sevda', 'POST', '/api/decision-trees', { ...content(), districtId: 'wijk-oost' })).status,
    ).toBe(403);
    const made = await as('beheer', 'POST', '/api/decision-trees', { ...content(), districtId: 'wijk-oost' });
    expect(made.status).toBe(201);
    const { id } = made.body as { id: string };
    const saved = await as(
      'beheer',
      'PUT',
      `/api/decision-trees/${id}`,
      content({ title: 'Vallen en opstaan' }),
    );
    expect(saved.body).toEqual({ version: 2 });
    const now = ((await as('youssef', 'GET', `/api/decision-trees/${id}`)).body as { tree: DecisionTree })
      .tree;
    expect([now.title, now.version]).toEqual(['Vallen en opstaan', 2]);
    const before = (
      (await as('youssef', 'GET', `/api/decision-trees/${id}?version=1`)).body as { tree: DecisionTree }
    ).tree;
    expect([before.title, before.version]).toEqual(['Valpreventie', 1]);
    const versions = (await as('youssef', 'GET', `/api/decision-trees/${id}/versions`)).body as {
      versions: { version: number }[];
    };
    expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await as('beheer', 'PUT', `/api/decision-trees/${id}/archived`, { archived: true })).status).toBe(
      204,
    );
    expect((await trees()).map((t) => t.id)).not.toContain(id);
  });

  it('[DT1] a tree with an answer to nowhere is refused naming it, and no version is stored', async () => {
    const [demo] = await trees();
    const broken = content();
    (broken.nodes[0] as { answers: { next: string }[] }).answers[1]!.next = 'weg';
    const refused = await as('beheer', 'PUT', `/api/decision-trees/${demo!.id}`, broken);
    expect(refused.status).toBe(400);
    expect(errorOf(refused)).toBe('nodes.q.answers.nee.next: no node weg');
    expect((await trees()).find((t) => t.id === demo!.id)!.version).toBe(1);
  });
});

describe('walking a tree for a client', () => {
  const advice = async (who: string, answers: string[]) => {
    const [demo] = (await trees(who)).filter((t) => t.title.startsWith('Wie verwijst'));
    return as(
      who,
      'GET',
      `/api/cases/${caseId}/decision-trees/${demo!.id}/advice?answers=${answers.join(',')}`,
    );
  };

  it("[DT4] the walk ends at an advice with named people of that team in the client's neighbourhood", async () => {
    const answer = (await advice('youssef', ['a-leven', 'a-schulden-nee'])).body as TreeAdvice;
    expect(answer.at).toMatchObject({ kind: 'advice', area: 'social', teamKind: 'neighbourhood-team' });
    expect(answer.steps).toEqual([
      { question: 'Waar gaat de vraag vooral over?', answer: 'Wonen, geld, werk of meedoen' },
      { question: 'Zijn er schulden of betalingsachterstanden?', answer: 'Nee' },
    ]);
    expect(answer.candidates.length).toBeGreaterThan(0);
    const neighbourhood = (
      server.db.prepare('SELECT neighbourhood_id AS n FROM cases WHERE id = ?').get(caseId) as { n: string }
    ).n;
    for (const person of answer.candidates) {
      const team = server.db
        .prepare(
          'SELECT t.kind, t.neighbourhood_id AS n FROM professionals p JOIN teams t ON t.id = p.team_id WHERE p.id = ?',
        )
        .get(person.id) as { kind: string; n: string };
      expect(team).toEqual({ kind: 'neighbourhood-team', n: neighbourhood });
    }
  });

  it('[DT4] an advice naming a service offers the people of its organisation, with the service', async () => {
    const answer = (await advice('youssef', ['a-leven', 'a-schulden-ja'])).body as TreeAdvice;
    expect(answer.service?.organisationId).toBe('org-kompas');
    const organisations = answer.candidates.map(
      (p) =>
        (
          server.db.prepare('SELECT organisation_id AS o FROM professionals WHERE id = ?').get(p.id) as {
            o: string;
          }
        ).o,
    );
    expect(organisations.length).toBeGreaterThan(0);
    expect(new Set(organisations)).toEqual(new Set(['org-kompas']));
  });

  it('[DT4] only who may open the case walks a tree for it', async () => {
    const outsider = (await advice('samira', ['a-beide'])).status;
    expect(outsider).toBe(404);
  });
});
