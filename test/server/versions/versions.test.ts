import { afterEach, describe, expect, it } from 'vitest';
import { createGoal, goalText, readBoard } from '../../../shared/doc/board.js';
import type { VersionAnswer, VersionsAnswer } from '../../../shared/versionsApi.js';
import { signIn } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { connectClient, synced } from '../../utils/clients.js';
import type { SyncClient } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api, errorOf } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';
import { caseDocumentName } from '../../../shared/protocol.js';

/** Boards keep versions by themselves, so what someone deleted can be looked at and brought back. */
let server: TestServer;
let t: CaseTeam;
const clients: SyncClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

async function start(options: Parameters<typeof startTestServer>[0] = {}) {
  server = await startTestServer({ unloadAfterMs: 50, ...options });
  t = await caseTeam(server);
}

async function open(who: Person, caseId = t.caseId) {
  const client = connectClient(
    server.url,
    caseDocumentName(caseId),
    undefined,
    (await signIn(server, who.userId)).headers,
  );
  clients.push(client);
  await synced(client);
  return client;
}

const list = async (who: Person, caseId = t.caseId) =>
  api(server, who.userId, 'GET', `/api/cases/${caseId}/versions`);
const versionsOf = async (caseId = t.caseId) =>
  ((await list(t.coordinator, caseId)).body as VersionsAnswer).versions;

describe('[U2] versions kept automatically', () => {
  it('the first edit after a quiet while keeps a version, later edits within the while do not', async () => {
    await start();
    const client = await open(t.socialWorker);
    expect(await versionsOf()).toEqual([]);
    const id = createGoal(client.doc, { title: 'Schulden op orde', domain: 'income', phase: 'treatment' });
    await eventually(async () => expect(await versionsOf()).toHaveLength(1));
    goalText(client.doc, id, 'title').insert(0, 'Eerst ');
    createGoal(client.doc, { title: 'Werk', domain: 'work', phase: 'treatment' });
    await eventually(async () => {
      const fresh = await open(t.coordinator);
      expect(readBoard(fresh.doc).goals).toHaveLength(2);
    });
    const versions = await versionsOf();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ kind: 'auto', meetingId: null });
  });

  it('a board that leaves memory after changes keeps a version of its end state', async () => {
    await start();
    const client = await open(t.socialWorker);
    const id = createGoal(client.doc, { title: 'Eigen kamer', domain: 'housing', phase: 'transition' });
    await eventually(async () => expect(await versionsOf()).toHaveLength(1));
    goalText(client.doc, id, 'title').insert(11, ' in de wijk');
    await eventually(async () => {
      const fresh = await open(t.coordinator);
      expect(readBoard(fresh.doc).goals[0]?.title).toBe('Eigen kamer in de wijk');
    });
    for (const c of clients.splice(0)) c.destroy();
    await eventually(() => expect(server.sync.registry.isLoaded(caseDocumentName(t.caseId))).toBe(false));
    const versions = await versionsOf();
    expect(versions).toHaveLength(2);
    const latest = (
      await api(server, t.gp.userId, 'GET', `/api/cases/${t.caseId}/versions/${versions[0]!.id}`)
    ).body as VersionAnswer;
    expect(latest.board.goals.map((g) => g.title)).toEqual(['Eigen kamer in de wijk']);
  });

  it('with a short interval every stretch of editing gets its own version', async () => {
    await start({ versionEveryMs: 1 });
    const client = await open(t.socialWorker);
    createGoal(client.doc, { title: 'Een', domain: 'care', phase: 'treatment' });
    await eventually(async () => expect(await versionsOf()).toHaveLength(1));
    createGoal(client.doc, { title: 'Twee', domain: 'care', phase: 'treatment' });
    await eventually(async () => expect((await versionsOf()).length).toBeGreaterThanOrEqual(2));
  });

  it('a relapse keeps the board as it was before it moved goals back', async () => {
    await start();
    const client = await open(t.gp);
    const id = createGoal(client.doc, { title: 'Weer werken', domain: 'work', phase: 'rebuilding' });
    await eventually(async () => {
      const fresh = await open(t.coordinator);
      expect(readBoard(fresh.doc).goals).toHaveLength(1);
    });
    const answer = await api(server, t.gp.userId, 'POST', `/api/cases/${t.caseId}/observations`, {
      state: 'red',
      note: 'Terugval',
      relapse: { goalIds: [id], toPhase: 'treatment' },
    });
    expect(answer.status).toBe(201);
    const relapse = (await versionsOf()).find((v) => v.kind === 'relapse')!;
    const kept = (await api(server, t.gp.userId, 'GET', `/api/cases/${t.caseId}/versions/${relapse.id}`))
      .body as VersionAnswer;
    expect(kept.board.goals[0]).toMatchObject({ id, phase: 'rebuilding' });
  });
});

describe('[U3] who may look at versions', () => {
  it('members, read-only ones too, list and open them; others get the same 404 as for an unknown case', async () => {
    await start();
    const client = await open(t.socialWorker);
    createGoal(client.doc, { title: 'Een', domain: 'care', phase: 'treatment' });
    await eventually(async () => expect(await versionsOf()).toHaveLength(1));
    const [version] = await versionsOf();
    for (const who of [t.pharmacist, t.gp, t.coordinator]) {
      expect((await list(who)).status).toBe(200);
      expect(
        (await api(server, who.userId, 'GET', `/api/cases/${t.caseId}/versions/${version!.id}`)).status,
      ).toBe(200);
    }
    for (const who of [t.bystander, t.teamMate, t.formerMember, t.otherCoordinator]) {
      const answer = await list(who);
      expect(answer.status).toBe(404);
      expect(errorOf(answer)).toContain(t.caseId);
      expect(
        (await api(server, who.userId, 'GET', `/api/cases/${t.caseId}/versions/${version!.id}`)).status,
      ).toBe(404);
    }
    for (const who of [t.client, t.admin]) expect((await list(who)).status).toBe(403);
  });

  it('a version of another case cannot be read through this one', async () => {
    await start();
    const other = await open(t.otherCoordinator, t.otherCaseId);
    createGoal(other.doc, { title: 'Van een ander', domain: 'care', phase: 'treatment' });
    await eventually(async () =>
      expect(((await list(t.otherCoordinator, t.otherCaseId)).body as VersionsAnswer).versions).toHaveLength(
        1,
      ),
    );
    const [foreign] = ((await list(t.otherCoordinator, t.otherCaseId)).body as VersionsAnswer).versions;
    const answer = await api(
      server,
      t.coordinator.userId,
      'GET',
      `/api/cases/${t.caseId}/versions/${foreign!.id}`,
    );
    expect(answer.status).toBe(404);
    expect(errorOf(answer)).toMatch(/versionId/);
  });
});
