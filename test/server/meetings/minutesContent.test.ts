import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPerspectives } from '../../../shared/doc/board.js';
import { readClientQuestions } from '../../../shared/doc/clientVoice.js';
import { addDecision, meetingNotes, tagPerspective } from '../../../shared/doc/meetingCase.js';
import { addCustomPerspective, setPerspectiveActive } from '../../../shared/doc/perspectives.js';
import type { Minutes } from '../../../shared/meetingApi.js';
import { caseDocumentName, meetingCaseDocumentName } from '../../../shared/protocol.js';
import { signIn } from '../../utils/accounts.js';
import type { CaseTeam } from '../../utils/caseTeam.js';
import { api } from '../../utils/http.js';
import { planMeeting, putOnAgenda, startMeetingServer } from '../../utils/meetings.js';
import type { TestServer } from '../../utils/server.js';

/**
 * The minutes hold everything the closed meeting page shows (SPEC M2): the notes typed together,
 * the client's questions discussed in that meeting, decisions, actions and the perspectives by
 * name, also in the Markdown export, with its times in the reader's time zone.
 */
let server: TestServer;
let t: CaseTeam;
beforeAll(async () => {
  ({ server, t } = await startMeetingServer());
});
afterAll(async () => {
  await server?.close();
});

const client = () => ({ userId: t.client.userId, role: 'client' as const });
const discussedIn = (meetingId: string, questionId: string) =>
  `/api/meetings/${meetingId}/cases/${t.caseId}/client-questions/${questionId}/discussed`;
const minutesOf = async (meetingId: string, userId: string) =>
  (await api(server, userId, 'GET', `/api/meetings/${meetingId}/minutes`)).body as { minutes: Minutes };

/** A meeting with the case on its agenda, notes, a decision, two perspectives and two questions. */
async function heldMeeting() {
  const meetingId = await planMeeting(server, t.coordinator, [t.gp, t.pharmacist, t.bystander], {
    title: 'Overleg De Hoven',
    startsAt: '2026-12-10T13:00:00.000Z',
  });
  await putOnAgenda(server, t.coordinator, meetingId, t.caseId, 'Hoe gaat het met werk?');
  const voice = server.services.clientVoice;
  const inMeeting = await voice.askQuestion(t.caseId, client(), 'Mag ik parttime beginnen?');
  const onBoard = await voice.askQuestion(t.caseId, client(), 'Wie belt de woningcorporatie?');
  const custom = await server.sync.registry.use(caseDocumentName(t.caseId), (doc) => {
    setPerspectiveActive(doc, 'unemployed', true);
    // Names are unique on a board: the second meeting of this case finds the carer's perspective.
    const carer = readPerspectives(doc).find((p) => p.label === 'Mantelzorger');
    return carer?.id ?? addCustomPerspective(doc, 'Mantelzorger');
  });
  await server.sync.registry.use(meetingCaseDocumentName(meetingId, t.caseId), (doc) => {
    meetingNotes(doc)!.insert(0, 'Werkt graag met handen.\nStart na de zomer.');
    addDecision(doc, 'Proefplaatsing bij de fietsenmaker');
    tagPerspective(doc, 'unemployed', true);
    tagPerspective(doc, custom, true);
  });
  return { meetingId, inMeeting, onBoard };
}

describe('[M2] what the minutes hold', () => {
  it('notes, the questions discussed in this meeting and the perspectives by name', async () => {
    const { meetingId, inMeeting, onBoard } = await heldMeeting();
    expect((await api(server, t.gp.userId, 'POST', discussedIn(meetingId, inMeeting))).status).toBe(204);
    // Marked on the board, outside the meeting: not part of this meeting's record.
    const board = `/api/cases/${t.caseId}/client-questions/${onBoard}/discussed`;
    expect((await api(server, t.gp.userId, 'POST', board)).status).toBe(204);
    expect((await api(server, t.coordinator.userId, 'POST', `/api/meetings/${meetingId}/close`)).status).toBe(
      200,
    );

    const [section] = (await minutesOf(meetingId, t.gp.userId)).minutes.cases;
    expect(section).toMatchObject({
      visible: true,
      notes: 'Werkt graag met handen.\nStart na de zomer.',
      decisions: ['Proefplaatsing bij de fietsenmaker'],
      clientQuestions: [{ text: 'Mag ik parttime beginnen?', discussedBy: 'Huisarts' }],
    });
    expect(Object.values(section!.perspectiveNames).sort()).toEqual(['Mantelzorger', 'Werkzoekende']);

    const answer = await fetch(`${server.url}/api/meetings/${meetingId}/minutes.md`, {
      headers: (await signIn(server, t.gp.userId)).headers,
    });
    const text = await answer.text();
    expect(text).toContain('### Notities\n\nWerkt graag met handen.\nStart na de zomer.');
    expect(text).toContain('"Mag ik parttime beginnen?"');
    expect(text).toContain('aangevinkt door Huisarts');
    expect(text).not.toContain('woningcorporatie');
    expect(text).toContain('### Besproken perspectieven\n\n- Werkzoekende\n- Mantelzorger');
    // The Dutch default, named.
    expect(text).toContain('- Datum: 10 december 2026 om 14:00');
    expect(text).toContain('- Tijden in tijdzone Europe/Amsterdam');
  });

  it('writes the export in the time zone the reader asks for, and refuses one that does not exist', async () => {
    const { meetingId } = await heldMeeting();
    await api(server, t.coordinator.userId, 'POST', `/api/meetings/${meetingId}/close`);
    const headers = (await signIn(server, t.gp.userId)).headers;
    const inNewYork = await fetch(`${server.url}/api/meetings/${meetingId}/minutes.md?tz=America/New_York`, {
      headers,
    });
    const text = await inNewYork.text();
    expect(text).toContain('- Datum: 10 december 2026 om 08:00');
    expect(text).toContain('- Tijden in tijdzone America/New_York');

    const wrong = await fetch(`${server.url}/api/meetings/${meetingId}/minutes.md?tz=Mars/Olympus`, {
      headers,
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/^tz: must be a time zone/);
  });

  it('an attendee who is not on the case reads neither its notes nor the client’s questions', async () => {
    const { meetingId, inMeeting } = await heldMeeting();
    await api(server, t.gp.userId, 'POST', discussedIn(meetingId, inMeeting));
    await api(server, t.coordinator.userId, 'POST', `/api/meetings/${meetingId}/close`);
    const [section] = (await minutesOf(meetingId, t.bystander.userId)).minutes.cases;
    expect(section).toMatchObject({ visible: false, notes: '', clientQuestions: [], perspectiveNames: {} });
    const answer = await fetch(`${server.url}/api/meetings/${meetingId}/minutes.md`, {
      headers: (await signIn(server, t.bystander.userId)).headers,
    });
    const text = await answer.text();
    expect(text).not.toContain('handen');
    expect(text).not.toContain('parttime');
  });
});

describe('[M2] marking a client’s question discussed in a meeting', () => {
  it('only a member who may write, while the meeting is open; the board records which meeting', async () => {
    const { meetingId, inMeeting } = await heldMeeting();
    // Not on the case, or only reading it: refused, and the question stays open.
    expect((await api(server, t.bystander.userId, 'POST', discussedIn(meetingId, inMeeting))).status).toBe(
      404,
    );
    expect((await api(server, t.pharmacist.userId, 'POST', discussedIn(meetingId, inMeeting))).status).toBe(
      403,
    );
    // On the case but not invited: the meeting is not theirs to record in.
    expect((await api(server, t.socialWorker.userId, 'POST', discussedIn(meetingId, inMeeting))).status).toBe(
      404,
    );
    const open = await server.sync.registry.use(caseDocumentName(t.caseId), (doc) =>
      readClientQuestions(doc).find((q) => q.id === inMeeting),
    );
    expect(open).toMatchObject({ discussedAt: null, discussedIn: null });

    expect((await api(server, t.gp.userId, 'POST', discussedIn(meetingId, inMeeting))).status).toBe(204);
    const marked = await server.sync.registry.use(caseDocumentName(t.caseId), (doc) =>
      readClientQuestions(doc).find((q) => q.id === inMeeting),
    );
    expect(marked).toMatchObject({ discussedBy: 'Huisarts', discussedIn: meetingId });

    await api(server, t.coordinator.userId, 'POST', `/api/meetings/${meetingId}/close`);
    const later = await server.services.clientVoice.askQuestion(t.caseId, client(), 'Nog één');
    expect((await api(server, t.gp.userId, 'POST', discussedIn(meetingId, later))).status).toBe(409);
  });
});
