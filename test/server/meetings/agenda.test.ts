import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAgenda } from '../../../shared/doc/meeting.js';
import { addDecision, meetingNotes, readMeetingCase } from '../../../shared/doc/meetingCase.js';
import type { MeetingDetails, Minutes } from '../../../shared/meetingApi.js';
import { caseDocumentName, meetingCaseDocumentName, meetingDocumentName } from '../../../shared/protocol.js';
import { signIn } from '../../utils/accounts.js';
import type { CaseTeam } from '../../utils/caseTeam.js';
import { connectClient, synced } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { planMeeting, putOnAgenda, startMeetingServer } from '../../utils/meetings.js';
import { openRawSocket, syncMessage } from '../../utils/rawSocket.js';
import type { TestServer } from '../../utils/server.js';

/** Planning a meeting, its agenda, and what an attendee who is not on a case sees (SPEC M1). */
let server: TestServer;
let t: CaseTeam;
beforeAll(async () => {
  ({ server, t } = await startMeetingServer());
});
afterAll(async () => {
  await server?.close();
});

const headersOf = async (userId: string) => (await signIn(server, userId)).headers;

const details = async (userId: string, meetingId: string) =>
  (await api(server, userId, 'GET', `/api/meetings/${meetingId}`)).body as { meeting: MeetingDetails };

describe('planning a meeting and its agenda', () => {
  it('the chair plans a meeting; the agenda line carries an alias, never the name', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp, t.teamMate]);
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId, 'Kan hij weer aan het werk?');
    const agenda = await server.sync.registry.use(meetingDocumentName(meetingId), readAgenda);
    expect(agenda).toMatchObject([
      { id: t.caseId, alias: 'A.Y. (1961)', question: 'Kan hij weer aan het werk?', slotMinutes: 15 },
    ]);
    const mine = await details(t.coordinator.userId, meetingId);
    expect(mine.meeting.agenda).toEqual([
      { caseId: t.caseId, alias: 'A.Y. (1961)', member: true, clientName: 'Ahmet Yılmaz', access: 'write' },
    ]);
    expect(mine.meeting.attendees.map((a) => a.professionalId).sort()).toEqual(
      [t.gp.professionalId, t.teamMate.professionalId].sort(),
    );
  });

  it('the caseload shows the next planned meeting a case is on', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [], { startsAt: '2026-11-30T09:30:00Z' });
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId);
    const rows = (await api(server, t.coordinator.userId, 'GET', '/api/caseload')).body as {
      rows: { caseId: string; nextMeetingAt: string | null }[];
    };
    expect(rows.rows.find((r) => r.caseId === t.caseId)?.nextMeetingAt).toBe('2026-11-30T09:30:00.000Z');
  });

  it('refuses a case from another neighbourhood, a case the person is not on, and bad input by name', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp]);
    server.db
      .prepare("INSERT OR IGNORE INTO neighbourhoods (id, district_id, name) VALUES ('n2', 'd1', 'Elders')")
      .run();
    const away = server.db.prepare<[], { id: string }>("SELECT 'case-away' AS id").get()!.id;
    server.db
      .prepare(
        "INSERT INTO cases (id, client_name, neighbourhood_id, recovery_context, coordinator_id, created_at) VALUES (?, 'X Y', 'n2', 'stroke', ?, '2026-01-01')",
      )
      .run(away, t.coordinator.professionalId);
    const add = (who: typeof t.gp, caseId: string, body: Record<string, unknown> = {}) =>
      api(server, who.userId, 'POST', `/api/meetings/${meetingId}/agenda`, { caseId, ...body });
    expect((await add(t.coordinator, away)).body).toEqual({
      error: 'caseId: the case belongs to another neighbourhood',
    });
    expect((await add(t.gp, t.otherCaseId)).status).toBe(404);
    expect((await add(t.coordinator, t.caseId, { slotMinutes: 0 })).body).toEqual({
      error: 'slotMinutes: Too small: expected number to be >=1',
    });
    expect(
      (
        await api(server, t.coordinator.userId, 'POST', '/api/meetings', {
          neighbourhoodId: 'n1',
          title: 'x',
          startsAt: 'morgen',
          attendeeIds: [],
        })
      ).body,
    ).toEqual({
      error: 'startsAt: must be a date and time (ISO 8601)',
    });
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId);
    expect((await add(t.coordinator, t.caseId)).status).toBe(409);
  });

  it('someone who does not attend gets 404 for the meeting and cannot open its documents', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp]);
    expect((await api(server, t.socialWorker.userId, 'GET', `/api/meetings/${meetingId}`)).status).toBe(404);
    const socket = openRawSocket(
      server.url,
      meetingDocumentName(meetingId),
      '',
      await headersOf(t.socialWorker.userId),
    );
    expect((await socket.closed).code).toBe(4403);
  });
});

describe('[M1] what an attendee who is not a member of a case sees', () => {
  it('only the agenda line: alias and question, never the name, the notes or the board', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp, t.teamMate]);
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId, 'Werk of dagbesteding?');
    await server.sync.registry.use(meetingCaseDocumentName(meetingId, t.caseId), (doc) => {
      meetingNotes(doc)!.insert(0, 'Geheime notitie over de schulden');
      addDecision(doc, 'Besluit: budgetbeheer aanvragen');
    });

    const seen = await details(t.teamMate.userId, meetingId);
    expect(seen.meeting.agenda).toEqual([
      { caseId: t.caseId, alias: 'A.Y. (1961)', member: false, clientName: null, access: null },
    ]);
    expect(JSON.stringify(seen)).not.toContain('Yılmaz');

    // The agenda document opens; its bytes hold the alias and question and nothing else of the case.
    const agenda = openRawSocket(
      server.url,
      meetingDocumentName(meetingId),
      '',
      await headersOf(t.teamMate.userId),
    );
    await agenda.opened;
    agenda.ws.send(syncMessage.step1(new Y.Doc()));
    await eventually(() =>
      expect(Buffer.concat(agenda.received).toString('utf8')).toContain('Werk of dagbesteding?'),
    );
    const bytes = Buffer.concat(agenda.received).toString('utf8');
    expect(bytes).toContain('A.Y. (1961)');
    expect(bytes).not.toContain('Yılmaz');
    expect(bytes).not.toContain('Geheime notitie');
    agenda.ws.terminate();

    // The case in the meeting and the board stay closed to them.
    const item = openRawSocket(
      server.url,
      meetingCaseDocumentName(meetingId, t.caseId),
      '',
      await headersOf(t.teamMate.userId),
    );
    expect((await item.closed).code).toBe(4403);
    const board = openRawSocket(
      server.url,
      caseDocumentName(t.caseId),
      '',
      await headersOf(t.teamMate.userId),
    );
    expect((await board.closed).code).toBe(4403);
    expect(
      (await api(server, t.teamMate.userId, 'GET', `/api/meetings/${meetingId}/cases/${t.caseId}/changes`))
        .status,
    ).toBe(404);

    // Made a member, they see it all.
    server.db
      .prepare(
        "INSERT INTO case_members (case_id, professional_id, case_role, access) VALUES (?, ?, 'maatje', 'write')",
      )
      .run(t.caseId, t.teamMate.professionalId);
    try {
      const member = connectClient(
        server.url,
        meetingCaseDocumentName(meetingId, t.caseId),
        new Y.Doc(),
        await headersOf(t.teamMate.userId),
      );
      await synced(member);
      expect(readMeetingCase(member.doc).notes).toBe('Geheime notitie over de schulden');
      member.destroy();
    } finally {
      server.db
        .prepare('DELETE FROM case_members WHERE case_id = ? AND professional_id = ?')
        .run(t.caseId, t.teamMate.professionalId);
    }
  });

  it('the minutes show such a reader the agenda line only', async () => {
    const meetingId = await planMeeting(server, t.coordinator, [t.gp, t.teamMate]);
    await putOnAgenda(server, t.coordinator, meetingId, t.caseId, 'Wonen?');
    await server.sync.registry.use(meetingCaseDocumentName(meetingId, t.caseId), (doc) =>
      addDecision(doc, 'Urgentie aanvragen'),
    );
    // Before the close an attendee hears why there are none yet; someone else not even that it exists.
    const early = await api(server, t.teamMate.userId, 'GET', `/api/meetings/${meetingId}/minutes`);
    expect(early.status).toBe(409);
    expect(early.body).toEqual({ error: 'meetingId: the meeting has no minutes until it is closed' });
    expect(
      (await api(server, t.socialWorker.userId, 'GET', `/api/meetings/${meetingId}/minutes`)).status,
    ).toBe(404);
    expect((await api(server, t.coordinator.userId, 'POST', `/api/meetings/${meetingId}/close`)).status).toBe(
      200,
    );
    const read = async (userId: string) =>
      ((await api(server, userId, 'GET', `/api/meetings/${meetingId}/minutes`)).body as { minutes: Minutes })
        .minutes;
    expect((await read(t.gp.userId)).cases[0]).toMatchObject({
      visible: true,
      decisions: ['Urgentie aanvragen'],
    });
    expect((await read(t.teamMate.userId)).cases[0]).toMatchObject({
      alias: 'A.Y. (1961)',
      question: 'Wonen?',
      visible: false,
      decisions: [],
      actions: [],
    });
  });
});
