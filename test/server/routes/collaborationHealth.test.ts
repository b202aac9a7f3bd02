import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementIds } from '../../../shared/collaborationHealthStatements.js';
import type { HealthOverview, MyRound } from '../../../shared/collaborationHealth.js';
import { createGoal } from '../../../shared/doc/board.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { addAccount, addProfessional } from '../../utils/accounts.js';
import { api, errorOf } from '../../utils/http.js';
import { insertCase, startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Collaboration health through its routes (SPEC CH1–CH9): who opens, answers and reads, and each
 * way someone might give themselves more: answering another district's round, reading a
 * colleague's answers, changing them after the close, reading another district's results.
 */
let server: TestServer;
let admin: string;
const team: { userId: string; professionalId: string }[] = [];
let outsider: { userId: string; professionalId: string };
let coordinatorElsewhere: { userId: string; professionalId: string };
const base = '/api/collaboration-health';
const everything = (score: number) => ({ scores: Object.fromEntries(statementIds.map((id) => [id, score])) });

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server;
  insertCase(db);
  db.prepare("INSERT INTO districts (id, name) VALUES ('d2', 'Andere wijk')").run();
  db.prepare("INSERT INTO neighbourhoods (id, district_id, name) VALUES ('n2', 'd2', 'Andere buurt')").run();
  db.prepare(
    "INSERT INTO teams (id, name, kind, neighbourhood_id) VALUES ('t1', 'Wijkteam', 'neighbourhood-team', 'n1')",
  ).run();
  db.prepare(
    "INSERT INTO teams (id, name, kind, neighbourhood_id) VALUES ('t2', 'Ander team', 'neighbourhood-team', 'n2')",
  ).run();
  const inTeam = (teamId: string, p: { userId: string; professionalId: string }) => {
    db.prepare('UPDATE professionals SET team_id = ? WHERE id = ?').run(teamId, p.professionalId);
    return p;
  };
  for (let i = 0; i < 6; i++)
    team.push(inTeam('t1', addProfessional(server, { domain: i < 3 ? 'medical' : 'social' })));
  outsider = inTeam('t2', addProfessional(server, { domain: 'social' }));
  coordinatorElsewhere = inTeam('t2', addProfessional(server, { role: 'coordinator', domain: 'medical' }));
  admin = addAccount(server, { username: 'beheer-ch', displayName: 'Beheer', role: 'admin' });
});
afterAll(async () => {
  await server?.close();
});

const open = async (body: Record<string, unknown> = {}) => {
  const answer = await api(server, admin, 'POST', `${base}/rounds`, {
    title: 'Voorjaar',
    districtId: 'd1',
    closesOn: '2099-12-31',
    ...body,
  });
  expect(answer.status, errorOf(answer)).toBe(201);
  return (answer.body as { id: string }).id;
};

describe('[CH1] only the administrator opens and closes a round', () => {
  it('refuses a professional, and bad input naming the field', async () => {
    const body = { title: 'X', districtId: 'd1', closesOn: '2099-01-01' };
    expect((await api(server, team[0]!.userId, 'POST', `${base}/rounds`, body)).status).toBe(403);
    const bad = await api(server, admin, 'POST', `${base}/rounds`, { ...body, closesOn: 'morgen' });
    expect([bad.status, errorOf(bad)]).toEqual([400, 'closesOn: must be a date as YYYY-MM-DD']);
    const elsewhere = await api(server, admin, 'POST', `${base}/rounds`, { ...body, neighbourhoodId: 'n2' });
    expect([elsewhere.status, errorOf(elsewhere)]).toEqual([
      400,
      'neighbourhoodId: not a neighbourhood of this district',
    ]);
    const past = await api(server, admin, 'POST', `${base}/rounds`, { ...body, closesOn: '2020-01-01' });
    expect(past.status).toBe(400);
  });
});

describe('[CH2] [CH3] professionals of the round’s teams answer, and only they see their own answers', () => {
  let roundId: string;
  beforeAll(async () => {
    roundId = await open({ neighbourhoodId: 'n1' });
  });

  it('lists the round for its teams, not for another district', async () => {
    const mine = await api(server, team[0]!.userId, 'GET', `${base}/rounds`);
    expect((mine.body as { rounds: MyRound[] }).rounds.map((r) => r.id)).toContain(roundId);
    const theirs = await api(server, outsider.userId, 'GET', `${base}/rounds`);
    expect((theirs.body as { rounds: MyRound[] }).rounds.map((r) => r.id)).not.toContain(roundId);
  });

  it('saves, reads back and changes one’s own answers; a missing statement is named', async () => {
    const who = team[0]!.userId;
    const partial = await api(server, who, 'PUT', `${base}/rounds/${roundId}/answers`, {
      scores: { 'urgency.1': 3 },
    });
    expect([partial.status, errorOf(partial)]).toEqual([400, 'scores: must answer every statement']);
    const out = await api(server, who, 'PUT', `${base}/rounds/${roundId}/answers`, {
      scores: { ...everything(3).scores, 'urgency.1': 6 },
    });
    expect([out.status, errorOf(out)]).toEqual([400, 'scores.urgency.1: must be 1 to 5']);
    expect(
      (
        await api(server, who, 'PUT', `${base}/rounds/${roundId}/answers`, {
          ...everything(2),
          comments: { respect: 'Wij praten langs elkaar heen.' },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await api(server, who, 'PUT', `${base}/rounds/${roundId}/answers`, {
          ...everything(4),
          comments: { respect: 'Het wordt beter.' },
        })
      ).status,
    ).toBe(204);
    const back = (await api(server, who, 'GET', `${base}/rounds/${roundId}/answers`)).body as {
      round: MyRound;
    };
    expect(back.round.mine?.scores['urgency.1']).toBe(4);
    expect(back.round.mine?.comments).toEqual({ respect: 'Het wordt beter.' });
    // A colleague reads their own (none yet), never this one's.
    const colleague = (await api(server, team[1]!.userId, 'GET', `${base}/rounds/${roundId}/answers`))
      .body as { round: MyRound };
    expect(colleague.round.mine).toBeNull();
  });

  it('someone of another district cannot answer or read the round (404), the admin has no answers', async () => {
    expect(
      (await api(server, outsider.userId, 'PUT', `${base}/rounds/${roundId}/answers`, everything(1))).status,
    ).toBe(404);
    expect((await api(server, outsider.userId, 'GET', `${base}/rounds/${roundId}/answers`)).status).toBe(404);
    expect((await api(server, admin, 'PUT', `${base}/rounds/${roundId}/answers`, everything(1))).status).toBe(
      403,
    );
  });

  it('shows no results while the round is open, and takes no answer after it closed', async () => {
    for (const p of team.slice(1))
      await api(server, p.userId, 'PUT', `${base}/rounds/${roundId}/answers`, everything(3));
    const before = (await api(server, admin, 'GET', `${base}/overview?districtId=d1&neighbourhoodId=n1`))
      .body as HealthOverview;
    expect(before.latest).toBeNull();
    expect((await api(server, team[0]!.userId, 'POST', `${base}/rounds/${roundId}/close`)).status).toBe(403);
    expect((await api(server, admin, 'POST', `${base}/rounds/${roundId}/close`)).status).toBe(204);
    expect((await api(server, admin, 'POST', `${base}/rounds/${roundId}/close`)).status).toBe(409);
    const late = await api(
      server,
      team[1]!.userId,
      'PUT',
      `${base}/rounds/${roundId}/answers`,
      everything(5),
    );
    expect([late.status, errorOf(late)]).toEqual([409, 'the round is closed: answers can no longer change']);
  });

  it('[CH4] [CH5] gives aggregates of six people; sides of three each stay hidden', async () => {
    const o = (await api(server, team[2]!.userId, 'GET', `${base}/overview?districtId=d1&neighbourhoodId=n1`))
      .body as HealthOverview;
    expect(o.latest?.respondents).toBe(6);
    const respect = o.latest!.conditions.find((c) => c.group === 'respect')!;
    expect(respect.total).toEqual({ n: 6, mean: 3.17 });
    expect([respect.medical.mean, respect.social.mean]).toEqual([null, null]);
    expect(respect.comments).toEqual(['Het wordt beter.']);
    expect(JSON.stringify(o)).not.toContain(team[0]!.professionalId);
  });
});

describe('[CH4] a neighbourhood page also shows the rounds of its whole district', () => {
  it('a closed district round is in the trend of each of its neighbourhoods, as a district round', async () => {
    const districtRound = await open({ title: 'Hele wijk', closesOn: '2099-06-30' });
    for (const p of team)
      await api(server, p.userId, 'PUT', `${base}/rounds/${districtRound}/answers`, everything(4));
    expect((await api(server, admin, 'POST', `${base}/rounds/${districtRound}/close`)).status).toBe(204);
    const o = (await api(server, admin, 'GET', `${base}/overview?districtId=d1&neighbourhoodId=n1`))
      .body as HealthOverview;
    expect(new Set(o.trend.map((p) => p.roundId))).toContain(districtRound);
    const row = o.trend.find((p) => p.roundId === districtRound && p.group === 'respect')!;
    expect(row).toMatchObject({ title: 'Hele wijk', total: 4 });
  });
});

describe('[CH8] [CH9] who reads the figures of a district', () => {
  it('the admin and a coordinator of any district, a professional of their own only, never a client', async () => {
    expect((await api(server, admin, 'GET', `${base}/overview?districtId=d1`)).status).toBe(200);
    expect(
      (await api(server, coordinatorElsewhere.userId, 'GET', `${base}/overview?districtId=d1`)).status,
    ).toBe(200);
    expect((await api(server, team[0]!.userId, 'GET', `${base}/overview`)).status).toBe(200);
    expect((await api(server, outsider.userId, 'GET', `${base}/overview?districtId=d1`)).status).toBe(403);
    expect((await api(server, outsider.userId, 'GET', `${base}/export.csv?districtId=d1`)).status).toBe(403);
    expect(
      (await api(server, admin, 'GET', `${base}/overview?districtId=d1&neighbourhoodId=n2`)).status,
    ).toBe(404);
  });

  it('exports figures as CSV without comments or people', async () => {
    const csv = await api(server, admin, 'GET', `${base}/export.csv?districtId=d1&neighbourhoodId=n1`);
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text.split('\r\n')[0]).toBe('section,figure,group,value,n');
    expect(text).toContain('scan,respect,total,3.17,6');
    expect(text).not.toContain('Het wordt beter');
    expect(text).not.toContain(team[0]!.professionalId);
  });
});

describe('[CH6] goals achieved and the clients’ own ratings reach the aims from SQL rows', () => {
  it('five clients rate through their plan and have housing goals: both show, from their rows alone', async () => {
    const clients = Array.from({ length: 5 }, (_, i) => {
      const caseId = insertCase(server.db, `ch-case-${i}`);
      const userId = addAccount(server, {
        username: `ch-client-${i}`,
        displayName: `Cliënt ${i}`,
        role: 'client',
        clientCaseId: caseId,
      });
      return { caseId, userId };
    });
    for (const [i, c] of clients.entries()) {
      const rated = await api(server, c.userId, 'PUT', '/api/my/ratings/housing', {
        score: i < 3 ? 4 : 2,
        sentence: '',
      });
      expect(rated.status, errorOf(rated)).toBe(204);
      // The board changes as the team works on it; its summary row is what the aims read.
      await server.sync.registry.use(caseDocumentName(c.caseId), async (doc) => {
        createGoal(doc, {
          title: 'Een eigen huis',
          domain: 'housing',
          phase: 'rebuilding',
          status: i < 2 ? 'achieved' : 'active',
        });
        await server.services.summaries.project(c.caseId, doc, new Date());
      });
    }
    const o = (await api(server, admin, 'GET', `${base}/overview?districtId=d1&neighbourhoodId=n1`))
      .body as HealthOverview;
    const quarter = o.aims.individualCare.ratings.at(-1)!.quarter;
    expect(
      o.aims.individualCare.ratings.find((p) => p.quarter === quarter && p.domain === 'housing'),
    ).toEqual({
      quarter,
      domain: 'housing',
      n: 5,
      mean: 3.2,
    });
    expect(o.aims.individualCare.goalsAchieved.housing).toEqual({ numerator: 2, denominator: 5, value: 40 });
    expect(o.aims.individualCare.goalsAchieved.work.value).toBeNull();
    const csv = String((await api(server, admin, 'GET', `${base}/export.csv?districtId=d1`)).body);
    expect(csv).toContain(`individualCare,clientRatingMean,${quarter}:housing,3.2,5`);
    expect(csv).toContain('individualCare,goalsAchieved,housing,40,5');
  });
});
