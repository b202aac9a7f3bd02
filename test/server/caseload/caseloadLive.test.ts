import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseloadRow } from '../../../shared/api.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { eventually } from '../../utils/eventually.js';
import { openEventStream } from '../../utils/eventStream.js';
import { api } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * The open caseload is live (SPEC CL10): a case whose summary row, status or team changed is
 * named on the stream of every professional who may open it, and nobody else's; the page then
 * reads that one row again with its filters.
 */
let server: TestServer;
let t: CaseTeam;
const closers: (() => void)[] = [];
beforeEach(async () => {
  server = await startTestServer({ projectionDebounceMs: 20 });
  t = await caseTeam(server);
});
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await server.close();
});

async function openStream(who: Person) {
  const stream = await openEventStream(server, who.userId, '/api/caseload/events');
  closers.push(stream.close);
  expect(stream.status).toBe(200);
  return stream;
}

const rowOf = async (who: Person, query = '') =>
  (await api(server, who.userId, 'GET', `/api/caseload/rows/${t.caseId}${query}`)).body as {
    row: CaseloadRow | null;
  };

describe('the caseload follows the boards live', () => {
  it('an observation names the case on the coordinator’s stream, not on a stranger’s; the row is read again', async () => {
    const coordinator = await openStream(t.coordinator);
    const stranger = await openStream(t.bystander);
    const recorded = await api(server, t.socialWorker.userId, 'POST', `/api/cases/${t.caseId}/observations`, {
      state: 'red',
      note: 'Crisisafspraak gemaakt',
    });
    expect(recorded.status).toBe(201);
    await eventually(() =>
      expect(coordinator.text).toContain(`event: changed\ndata: {"caseId":"${t.caseId}"}`),
    );
    expect(stranger.text).not.toContain('event: changed');

    expect((await rowOf(t.coordinator)).row).toMatchObject({ caseId: t.caseId, signalState: 'red' });
    // With the page's filters: a red case is no longer in a list of green ones.
    expect((await rowOf(t.coordinator, '?state=green')).row).toBeNull();
    // Someone who may not open the case gets no row: the answer of an unknown case (A3).
    const stranger404 = await api(server, t.bystander.userId, 'GET', `/api/caseload/rows/${t.caseId}`);
    const unknown404 = await api(server, t.coordinator.userId, 'GET', '/api/caseload/rows/no-such-case');
    expect([stranger404.status, unknown404.status]).toEqual([404, 404]);
    expect(stranger404.body).toEqual(unknown404.body);
  });

  it('closing the case is named too, and the row leaves the list of open cases', async () => {
    const coordinator = await openStream(t.coordinator);
    const closed = await api(server, t.coordinator.userId, 'POST', `/api/cases/${t.caseId}/close`, {
      reason: 'goals-reached',
      note: 'De doelen zijn bereikt.',
    });
    expect(closed.status).toBe(204);
    await eventually(() => expect(coordinator.text).toContain(`"caseId":"${t.caseId}"`));
    expect((await rowOf(t.coordinator)).row).toBeNull();
    expect((await rowOf(t.coordinator, '?status=closed')).row).toMatchObject({ caseId: t.caseId });
  });
});
