import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CaseloadRow } from '../../../shared/api.js';
import { addStep, createGoal, updateGoal } from '../../../shared/doc/board.js';
import { setPerspectiveActive } from '../../../shared/doc/perspectives.js';
import { ensureSignalPlan, signalText } from '../../../shared/doc/signalPlan.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { signIn } from '../../utils/accounts.js';
import { caseloadRow } from '../../utils/cases.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam } from '../../utils/caseTeam.js';
import { connectClient, synced } from '../../utils/clients.js';
import type { SyncClient } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * The caseload reads one summary row per case, never the board. A change on the board (by a
 * member's browser, or an observation through the API) shows up there shortly after.
 */
let server: TestServer;
let t: CaseTeam;
const clients: SyncClient[] = [];
beforeEach(async () => {
  server = await startTestServer({ projectionDebounceMs: 20, unloadAfterMs: 50 });
  t = await caseTeam(server);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
});

/** The social worker's browser on the board, synced. */
async function openBoard(): Promise<SyncClient> {
  const client = connectClient(
    server.url,
    caseDocumentName(t.caseId),
    new Y.Doc(),
    (await signIn(server, t.socialWorker.userId)).headers,
  );
  clients.push(client);
  await synced(client);
  return client;
}
const row = async () => (await caseloadRow(server, t.coordinator.userId, t.caseId))!;
const reasons = (r: CaseloadRow) => r.risk.reasons.map((reason) => reason.code);

describe('a change on the board shows up in the caseload', () => {
  it('a client nobody has opened yet is on the caseload without a state, never observed', async () => {
    const r = await row();
    expect(r).toMatchObject({ signalState: null, openGoals: 0, lastChangeAt: null });
    expect(reasons(r)).toEqual(['never-observed', 'no-signal-plan']);
  });

  it('a stalled goal, an overdue step, a perspective and owners appear shortly after they are made', async () => {
    const { doc } = await openBoard();
    const goalId = createGoal(doc, {
      title: 'Een eigen kamer',
      domain: 'housing',
      phase: 'transition',
      ownerId: t.socialWorker.professionalId,
    });
    addStep(doc, goalId, { text: 'Inschrijven', dueDate: '2020-01-01', ownerId: t.gp.professionalId });
    updateGoal(doc, goalId, { status: 'stalled' });
    setPerspectiveActive(doc, 'refugee', true);

    const r = await eventually(async () => {
      const current = await row();
      expect(current.stalledGoals).toBe(1);
      expect(current.overdueSteps).toBe(1);
      expect(current.perspectives).toEqual(['refugee']);
      return current;
    });
    expect(r.phaseByDomain.housing).toBe('transition');
    expect(r.owners.map((o) => o.name).sort()).toEqual(['Huisarts', 'Schuldhulpverlener']);
    expect(reasons(r)).toEqual(expect.arrayContaining(['overdue-steps', 'stalled-goals']));
    expect(r.lastChangeAt).not.toBeNull();
  });

  it('moving a card to the next phase moves the client on in that life domain', async () => {
    const { doc } = await openBoard();
    const goalId = createGoal(doc, { title: 'Werk zoeken', domain: 'work', phase: 'treatment' });
    await eventually(async () => expect((await row()).phaseByDomain.work).toBe('treatment'));
    updateGoal(doc, goalId, { status: 'achieved' });
    createGoal(doc, { title: 'Proefplaatsing', domain: 'work', phase: 'rebuilding' });
    await eventually(async () => expect((await row()).phaseByDomain.work).toBe('rebuilding'));
  });

  it('writing the signs of a state removes "no signal plan"', async () => {
    const { doc } = await openBoard();
    ensureSignalPlan(doc);
    signalText(doc, 'amber', 'signs').insert(0, 'Zegt afspraken af, slaapt slecht');
    await eventually(async () => expect(reasons(await row())).not.toContain('no-signal-plan'));
  });

  it('an observation sets the state, its reasons and when the client was last seen', async () => {
    const posted = await api(server, t.gp.userId, 'POST', `/api/cases/${t.caseId}/observations`, {
      state: 'amber',
      note: 'Slaapt slecht volgens de buurvrouw',
    });
    expect(posted.status).toBe(201);
    const r = await eventually(async () => {
      const current = await row();
      expect(current.signalState).toBe('amber');
      return current;
    });
    expect(reasons(r)).toEqual(['state-amber', 'recent-escalation', 'no-signal-plan']);
    expect(Date.now() - Date.parse(r.lastObservationAt!)).toBeLessThan(60_000);

    await api(server, t.gp.userId, 'POST', `/api/cases/${t.caseId}/observations`, {
      state: 'green',
      note: 'Weer rustig',
    });
    await eventually(async () => expect((await row()).signalState).toBe('green'));
    // The escalation to amber still counts for a month, though the client is green again.
    expect(reasons(await row())).toEqual(['recent-escalation', 'no-signal-plan']);
  });

  it('the row stays after the board leaves memory; the caseload never loads it again', async () => {
    const client = await openBoard();
    createGoal(client.doc, { title: 'Schulden', domain: 'income', phase: 'treatment', status: 'stalled' });
    await eventually(async () => expect((await row()).stalledGoals).toBe(1));
    client.destroy();
    clients.splice(clients.indexOf(client), 1);
    await eventually(() => expect(server.sync.registry.isLoaded(caseDocumentName(t.caseId))).toBe(false));
    expect((await row()).stalledGoals).toBe(1);
    expect(server.sync.registry.size).toBe(0);
  });

  it('the last edit before the board leaves memory is in the row, even inside the wait', async () => {
    await server.close();
    server = await startTestServer({ projectionDebounceMs: 60_000, unloadAfterMs: 50 });
    t = await caseTeam(server);
    const client = await openBoard();
    createGoal(client.doc, { title: 'Dagbesteding', domain: 'work', phase: 'transition' });
    await eventually(async () =>
      expect(await server.sync.registry.use(caseDocumentName(t.caseId), (d) => d.getMap('goals').size)).toBe(
        1,
      ),
    );
    client.destroy();
    clients.splice(clients.indexOf(client), 1);
    await eventually(async () => expect((await row()).phaseByDomain.work).toBe('transition'));
  });
});
