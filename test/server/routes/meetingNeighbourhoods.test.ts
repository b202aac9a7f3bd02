import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neighbourhood } from '../../../shared/api.js';
import { addProfessional } from '../../utils/accounts.js';
import { api } from '../../utils/http.js';
import { insertCase, startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/** The neighbourhoods a meeting can be planned in, and which is the planner's own (issue 14, item 12). */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  insertCase(server.db); // district d1 with neighbourhood n1, Testbuurt
  server.db
    .prepare("INSERT INTO neighbourhoods (id, district_id, name) VALUES ('n0', 'd1', 'Aabuurt')")
    .run();
  server.db
    .prepare(
      "INSERT INTO teams (id, name, kind, neighbourhood_id) VALUES ('team-n1', 'Wijkteam Testbuurt', 'neighbourhood-team', 'n1')",
    )
    .run();
});
afterAll(async () => {
  await server?.close();
});

type Picker = { neighbourhoods: Neighbourhood[]; myNeighbourhoodId: string | null };
const pickerOf = async (userId: string) =>
  (await api(server, userId, 'GET', '/api/meetings/neighbourhoods')).body as Picker;
const inTeam = (teamId: string) => {
  const { professionalId, userId } = addProfessional(server);
  server.db.prepare('UPDATE professionals SET team_id = ? WHERE id = ?').run(teamId, professionalId);
  return userId;
};

describe('the neighbourhoods of the meeting planner', () => {
  it("names the planner's own team's neighbourhood beside all of them", async () => {
    const picker = await pickerOf(inTeam('team-n1'));
    expect(picker.neighbourhoods.map((n) => n.id)).toEqual(['n0', 'n1']);
    expect(picker.myNeighbourhoodId).toBe('n1');
  });

  it('names none for a professional without a team', async () => {
    expect((await pickerOf(addProfessional(server).userId)).myNeighbourhoodId).toBeNull();
  });

  it('names none when the own team or its neighbourhood is archived', async () => {
    const userId = inTeam('team-n1');
    server.db.prepare("UPDATE neighbourhoods SET archived_at = '2026-01-01T00:00:00Z' WHERE id = 'n1'").run();
    try {
      const picker = await pickerOf(userId);
      expect(picker.neighbourhoods.map((n) => n.id)).toEqual(['n0']);
      expect(picker.myNeighbourhoodId).toBeNull();
    } finally {
      server.db.prepare("UPDATE neighbourhoods SET archived_at = NULL WHERE id = 'n1'").run();
    }
    server.db.prepare("UPDATE teams SET archived_at = '2026-01-01T00:00:00Z' WHERE id = 'team-n1'").run();
    expect((await pickerOf(userId)).myNeighbourhoodId).toBeNull();
  });
});
