import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppNotification } from '../../../shared/api.js';
import { setPerspectiveActive, setPerspectiveLead } from '../../../shared/doc/perspectives.js';
import type { PerspectiveId } from '../../../shared/domain.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import type { SignalState } from '../../../shared/risk.js';
import { observe } from '../../utils/cases.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { eventually } from '../../utils/eventually.js';
import { openEventStream } from '../../utils/eventStream.js';
import { api } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * When a client moves to amber or red, the coordinator and the case's lead professionals hear
 * of it at once in the app; whoever recorded it, and members who lead nothing, do not.
 */
let server: TestServer;
let t: CaseTeam;
const closers: (() => void)[] = [];
beforeEach(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
  server.db.prepare("UPDATE cases SET client_name = 'Anna de Vries' WHERE id = ?").run(t.caseId);
  // Leads per perspective: only the leads of perspectives that are switched on lead anything.
  const leads: [PerspectiveId, Person, boolean][] = [
    ['patient', t.gp, true],
    ['refugee', t.socialWorker, true],
    ['unemployed', t.pharmacist, false],
    ['ex-detainee', t.formerMember, true], // a lead whose membership was revoked
    ['low-literacy', t.bystander, true], // named lead, but never on the case
  ];
  await server.sync.registry.use(caseDocumentName(t.caseId), (doc) => {
    for (const [perspective, lead, active] of leads) {
      setPerspectiveActive(doc, perspective, active);
      setPerspectiveLead(doc, perspective, lead.professionalId);
    }
  });
});
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await server.close();
});

const record = (who: Person, state: SignalState, note = 'Slaapt slecht, zegt afspraken af') =>
  api(server, who.userId, 'POST', `/api/cases/${t.caseId}/observations`, { state, note });
/** Sets the state as it was before, without anyone being told (as if long ago). */
const stateWas = (state: SignalState) =>
  server.sync.registry.use(caseDocumentName(t.caseId), (doc) => observe(doc, state, 3));
const notices = async (who: Person) =>
  (await api(server, who.userId, 'GET', '/api/notifications')).body as {
    notifications: AppNotification[];
    unread: number;
  };
const told = async (who: Person) => (await notices(who)).notifications.length;
const everyone = [
  'coordinator',
  'socialWorker',
  'gp',
  'pharmacist',
  'teamMate',
  'formerMember',
  'bystander',
] as const;
const whoWasTold = async () => {
  const result: string[] = [];
  for (const name of everyone) if ((await told(t[name])) > 0) result.push(name);
  return result;
};

describe('who is told that a client moved to amber or red', () => {
  it('the coordinator and the leads of active perspectives; not the author, nor members who lead nothing', async () => {
    expect((await record(t.socialWorker, 'amber')).status).toBe(201);
    expect(await whoWasTold()).toEqual(['coordinator', 'gp']);
  });

  it('when the coordinator records it, the leads are told and the coordinator is not', async () => {
    await record(t.coordinator, 'red');
    expect(await whoWasTold()).toEqual(['socialWorker', 'gp']);
  });

  it('a lead who is no longer on the case, or never was, hears nothing about the client', async () => {
    await record(t.gp, 'red');
    expect(await told(t.formerMember)).toBe(0);
    expect(await told(t.bystander)).toBe(0);
  });

  const transitions: [before: SignalState | null, after: SignalState, notifies: boolean][] = [
    [null, 'green', false],
    [null, 'amber', true],
    [null, 'red', true],
    ['green', 'green', false],
    ['green', 'amber', true],
    ['green', 'red', true],
    ['amber', 'amber', false],
    ['amber', 'red', true],
    ['amber', 'green', false],
    ['red', 'amber', false],
    ['red', 'red', false],
    ['red', 'green', false],
  ];
  for (const [before, after, notifies] of transitions) {
    it(`${before ?? 'nothing observed'} → ${after}: ${notifies ? 'told' : 'nobody is told'}`, async () => {
      if (before) await stateWas(before);
      await record(t.socialWorker, after);
      expect(await told(t.coordinator)).toBe(notifies ? 1 : 0);
    });
  }
});

describe('the list of notices', () => {
  it('shows the newest first, with the client, the state, the note and how many are unread', async () => {
    await record(t.socialWorker, 'amber', 'Mist afspraken');
    await record(t.socialWorker, 'red', 'Crisis: familie belde');
    const { notifications, unread } = await notices(t.coordinator);
    expect(unread).toBe(2);
    expect(notifications.map((n) => [n.state, n.note])).toEqual([
      ['red', 'Crisis: familie belde'],
      ['amber', 'Mist afspraken'],
    ]);
    expect(notifications[0]).toMatchObject({
      caseId: t.caseId,
      clientName: 'Anna de Vries',
      kind: 'signal-state',
      readAt: null,
    });
  });

  it('marking one read leaves the others unread; marking all reads the rest', async () => {
    await record(t.socialWorker, 'amber');
    await record(t.socialWorker, 'red');
    const [newest, older] = (await notices(t.coordinator)).notifications;
    const one = await api(server, t.coordinator.userId, 'POST', '/api/notifications/read', {
      ids: [newest!.id],
    });
    expect(one.status).toBe(204);
    let list = await notices(t.coordinator);
    expect(list.unread).toBe(1);
    expect(list.notifications.find((n) => n.id === newest!.id)!.readAt).not.toBeNull();
    expect(list.notifications.find((n) => n.id === older!.id)!.readAt).toBeNull();

    expect((await api(server, t.coordinator.userId, 'POST', '/api/notifications/read', {})).status).toBe(204);
    list = await notices(t.coordinator);
    expect(list.unread).toBe(0);
  });

  it('nobody can mark someone else’s notice read', async () => {
    await record(t.socialWorker, 'amber');
    const [gpNotice] = (await notices(t.gp)).notifications;
    await api(server, t.coordinator.userId, 'POST', '/api/notifications/read', { ids: [gpNotice!.id] });
    expect((await notices(t.gp)).unread).toBe(1);
  });

  it('ids that are not notice ids are refused', async () => {
    const answer = await api(server, t.coordinator.userId, 'POST', '/api/notifications/read', { ids: ['x'] });
    expect(answer.status).toBe(400);
  });

  it('someone taken off the case no longer sees its notices', async () => {
    await record(t.socialWorker, 'red');
    expect((await notices(t.gp)).unread).toBe(1);
    await server.services.caseAdmin.removeMember(t.caseId, t.gp.professionalId!);
    expect(await notices(t.gp)).toEqual({ notifications: [], unread: 0 });
  });
});

/** Reads a notification stream as the browser's EventSource would; `text` grows as events arrive. */
async function openStream(who: Person) {
  const stream = await openEventStream(server, who.userId, '/api/notifications/events');
  closers.push(stream.close);
  expect(stream.status).toBe(200);
  return stream;
}

describe('notices arrive live', () => {
  it('an open page of the coordinator receives the notice the moment it is made', async () => {
    const coordinator = await openStream(t.coordinator);
    const pharmacist = await openStream(t.pharmacist);
    await record(t.socialWorker, 'red', 'Crisisafspraak gemaakt');
    const event = await eventually(() => {
      const match = /event: notification\ndata: (.*)\n\n/.exec(coordinator.text);
      expect(match).not.toBeNull();
      return JSON.parse(match![1]!) as AppNotification;
    });
    expect(event).toMatchObject({ caseId: t.caseId, state: 'red', note: 'Crisisafspraak gemaakt' });
    expect(pharmacist.text).not.toContain('event: notification');
  });

  it('a stream ends within seconds of the session ending', async () => {
    await server.close();
    server = await startTestServer({ accessRecheckMs: 50 });
    t = await caseTeam(server);
    const { token } = await server.services.sessions.create(t.coordinator.userId);
    const controller = new AbortController();
    closers.push(() => controller.abort());
    const response = await fetch(`${server.url}/api/notifications/events`, {
      headers: { cookie: `vz_session=${token}` },
      signal: controller.signal,
    });
    const ended = (async () => {
      for await (const chunk of response.body!) void chunk;
      return true;
    })();
    await server.services.sessions.end((await server.services.sessions.get(token))!.idHash);
    expect(await ended).toBe(true);
  });
});
