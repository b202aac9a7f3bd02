import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthOverview, MyRound } from '../../../shared/collaborationHealth.js';
import { api } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';
import { userIdOf } from '../../browser/session.js';

/** The demo district has two closed scan rounds with results and an open one waiting for answers. */
let demo: TestServer;
beforeAll(async () => {
  demo = await startTestServer({ demoData: true });
});
afterAll(async () => {
  await demo?.close();
});

const overviewOf = async (username: string) => {
  const answer = await api(demo, userIdOf(demo, username), 'GET', '/api/collaboration-health/overview');
  expect(answer.status).toBe(200);
  return answer.body as HealthOverview;
};

describe('demo collaboration health', () => {
  it('[CH4] the administrator sees the latest closed round with both sides and a trend over two rounds', async () => {
    const overview = await overviewOf('beheer');
    expect(overview.districtId).toBe('wijk-oost');
    const latest = overview.latest!;
    expect(latest.round.status).toBe('closed');
    expect(latest.respondents).toBeGreaterThanOrEqual(2 * overview.minGroup);
    for (const condition of latest.conditions) {
      expect(condition.medical.mean, condition.group).not.toBeNull();
      expect(condition.social.mean, condition.group).not.toBeNull();
    }
    // The sources name culture and trust: the sides differ most on respect and on one building.
    expect([...latest.largestGaps.slice(0, 2)].sort()).toEqual(['building', 'respect']);
    expect(latest.conditions.some((c) => c.comments.length > 0)).toBe(true);
    expect(new Set(overview.trend.map((p) => p.roundId)).size).toBe(2);
    expect(overview.trend.map((p) => p.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Voorjaarsscan \d{4}$/)]),
    );
  });

  it('[CH8] a demo professional reads the same results for their own district', async () => {
    const overview = await overviewOf('youssef');
    expect(overview.latest?.round.status).toBe('closed');
    expect(overview.latest!.conditions.every((c) => c.gap !== null)).toBe(true);
    expect(new Set(overview.trend.map((p) => p.roundId)).size).toBe(2);
  });

  it('[CH2] a demo professional has an open round, closing in about three weeks, not answered yet', async () => {
    const answer = await api(demo, userIdOf(demo, 'youssef'), 'GET', '/api/collaboration-health/rounds');
    const { rounds } = answer.body as { rounds: MyRound[] };
    const open = rounds.filter((r) => r.status === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]!.mine).toBeNull();
    const days = (Date.parse(open[0]!.closesOn) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(18);
    expect(days).toBeLessThan(23);
    expect(rounds.filter((r) => r.status === 'closed')).toHaveLength(2);
  });
});
