import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileAccess } from '../../../shared/api.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { signIn } from '../../utils/accounts.js';
import { separateAuditFiles } from '../../utils/audit.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { openRawSocket } from '../../utils/rawSocket.js';
import { freePort, seedDataDir, startServerProcess } from '../../utils/serverProcess.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Issue 11, item 11: reads that showed clients without saying which. Before, the notices (names
 * and notes) left no entry at all, and the caseload, the case list and a meeting's agenda were
 * logged without the clients they showed, so "who looked at my file" missed those people.
 */
let server: TestServer;
let t: CaseTeam;
beforeAll(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
});
afterAll(async () => {
  await server?.close();
});

const newestEntry = async (who: Person) =>
  (await server.services.audit.search({ userId: who.userId, limit: 1 }))[0]!;
const whoLookedAt = async () =>
  ((await api(server, t.client.userId, 'GET', '/api/my/access-log')).body as { entries: FileAccess[] })
    .entries;
const notify = (note: string) =>
  server.services.notifications.notifyStateChange({
    caseId: t.caseId,
    state: 'amber',
    note,
    professionalIds: [t.coordinator.professionalId!],
    exceptUserId: t.gp.userId,
  });

describe('[A6] [LG3] a read that shows clients names each of them', () => {
  it('the notices (client names and notes) are an access-log read of every client in them', async () => {
    await notify('Slaapt slecht');
    const answer = await api(server, t.coordinator.userId, 'GET', '/api/notifications');
    expect(JSON.stringify(answer.body)).toContain('Test Cliënt');
    expect(await newestEntry(t.coordinator)).toMatchObject({
      event: 'api-read',
      caseId: null,
      authorization: 'recipient',
      address: '127.0.0.1',
      details: { resource: 'notifications', listed: 1, cases: t.caseId },
    });
  });

  it('a notice pushed on the live stream is a read of that client when it is sent', async () => {
    const controller = new AbortController();
    const { cookie } = await signIn(server, t.coordinator.userId);
    const response = await fetch(`${server.url}/api/notifications/events`, {
      headers: { cookie },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    let text = '';
    await reader.read(); // ": connected"
    const [notice] = await notify('Terugval in gebruik');
    while (!text.includes('event: notification'))
      text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('Terugval in gebruik');
    expect(await newestEntry(t.coordinator)).toMatchObject({
      event: 'api-read',
      caseId: t.caseId,
      details: { resource: 'notification', notificationId: notice!.id, pushed: true },
    });
  });

  it('the caseload names the clients on the page, and only those', async () => {
    await api(server, t.gp.userId, 'GET', '/api/caseload');
    expect(await newestEntry(t.gp)).toMatchObject({
      event: 'api-read',
      details: { resource: 'caseload', results: 1, listed: 1, cases: t.caseId },
    });
    await api(server, t.otherCoordinator.userId, 'GET', '/api/caseload?q=Test');
    expect(await newestEntry(t.otherCoordinator)).toMatchObject({
      event: 'search',
      details: { listed: 1, cases: t.otherCaseId },
    });
  });

  it('the case list names the clients it showed', async () => {
    await api(server, t.pharmacist.userId, 'GET', '/api/cases');
    expect(await newestEntry(t.pharmacist)).toMatchObject({
      event: 'api-read',
      details: { list: 'cases', count: 1, listed: 1, cases: t.caseId },
    });
  });

  it("a meeting's agenda names the clients on it", async () => {
    const { store, service } = server.services.meetings;
    const meetingId = await store.create({
      neighbourhoodId: 'n1',
      title: 'Overleg',
      startsAt: '2026-12-01T12:00:00.000Z',
      chairId: t.coordinator.professionalId!,
      attendeeIds: [t.socialWorker.professionalId!],
      guests: [],
      createdBy: t.coordinator.userId,
    });
    await service.addCase(
      meetingId,
      t.caseId,
      { question: 'Werk?', slotMinutes: 10 },
      { userId: t.coordinator.userId, role: 'coordinator' },
    );
    await api(server, t.socialWorker.userId, 'GET', `/api/meetings/${meetingId}`);
    expect(await newestEntry(t.socialWorker)).toMatchObject({
      event: 'api-read',
      details: { resource: 'meeting', meetingId, listed: 1, cases: t.caseId },
    });
  });

  it('the client sees who saw them in a list, as seeing them in an overview', async () => {
    const entries = await whoLookedAt();
    const listed = new Set(entries.filter((e) => e.event === 'listed').map((e) => e.name));
    for (const name of ['Coördinator', 'Huisarts', 'Apotheker', 'Schuldhulpverlener'])
      expect(listed).toContain(name);
    expect(listed).not.toContain('Andere coördinator'); // saw another client's caseload
    // The pushed notice names this client directly.
    expect(entries).toContainEqual(expect.objectContaining({ event: 'api-read', name: 'Coördinator' }));
  });

  it('the admin finds the list reads when searching the log for the client', async () => {
    const found = await server.services.audit.search({ caseId: t.caseId, userId: t.pharmacist.userId });
    expect(found.map((e) => e.details?.list)).toContain('cases');
  });
});

describe('[A6] editing sessions a killed server left open are closed at the next start', () => {
  it('closes each open session as interrupted, with who and which client, and names its opening', async () => {
    const { dataDir, audit } = separateAuditFiles(); // where the server process keeps them by default
    fs.mkdirSync(dataDir, { recursive: true });
    const { caseIds, cookie } = await seedDataDir(dataDir, 2);
    const port = await freePort();
    const crashing = await startServerProcess(dataDir, port);
    const url = `http://127.0.0.1:${port}`;
    const sockets = caseIds.map((caseId) => openRawSocket(url, caseDocumentName(caseId), '', { cookie }));
    await Promise.all(sockets.map((s) => eventually(() => expect(s.received.length).toBeGreaterThan(0))));
    await crashing.kill(); // SIGKILL: no document-close is written

    const restarted = await startTestServer({ dataDir, audit });
    const opens = await restarted.services.audit.search({ event: 'document-open' });
    const closes = await restarted.services.audit.search({ event: 'document-close' });
    expect(opens).toHaveLength(2);
    expect(closes).toHaveLength(2);
    for (const open of opens) {
      expect(closes).toContainEqual(
        expect.objectContaining({
          caseId: open.caseId,
          userId: open.userId,
          role: open.role,
          authorization: open.authorization,
          address: open.address,
          outcome: 'allowed',
          details: { part: 'shared', openId: open.id, interrupted: true },
        }),
      );
    }
    expect(await restarted.services.audit.verify()).toMatchObject({ ok: true });
    // The client's view still shows the opening, once; the close is not a visit of its own.
    expect((await restarted.services.audit.whoLookedAt(caseIds[0]!)).map((e) => e.event)).toEqual([
      'document-open',
    ]);

    // A second restart finds nothing left open.
    const again = await restarted.restart();
    expect(await again.services.audit.search({ event: 'document-close' })).toHaveLength(2);
    await again.close();
    expect(fs.existsSync(audit.keyFile)).toBe(true);
  }, 60_000);
});
