import type { RunningServer } from '../../server/app.js';
import { caseTeam } from './caseTeam.js';
import type { CaseTeam, Person } from './caseTeam.js';
import { startTestServer } from './server.js';
import type { TestServer } from './server.js';
import { api } from './http.js';

/** Plans a meeting in the test neighbourhood through the API; returns its id. */
export async function planMeeting(
  server: RunningServer,
  chair: Person,
  attendees: readonly Person[],
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const answer = await api(server, chair.userId, 'POST', '/api/meetings', {
    neighbourhoodId: 'n1',
    title: 'Casusoverleg Testbuurt',
    startsAt: '2026-12-01T13:00:00+01:00',
    attendeeIds: attendees.map((a) => a.professionalId),
    ...overrides,
  });
  if (answer.status !== 201)
    throw new Error(`planning failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return (answer.body as { id: string }).id;
}

/** Puts a case on the agenda as `who`; throws unless the server accepted it. */
export async function putOnAgenda(
  server: RunningServer,
  who: Person,
  meetingId: string,
  caseId: string,
  question = 'Hoe verder met het werk?',
): Promise<void> {
  const answer = await api(server, who.userId, 'POST', `/api/meetings/${meetingId}/agenda`, {
    caseId,
    question,
    slotMinutes: 15,
  });
  if (answer.status !== 201)
    throw new Error(`agenda failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** A test server with a case team whose client is Ahmet Yılmaz (1961), for the meeting tests. */
export async function startMeetingServer(): Promise<{ server: TestServer; t: CaseTeam }> {
  const server = await startTestServer({ projectionDebounceMs: 20 });
  const t = await caseTeam(server);
  server.db
    .prepare("UPDATE cases SET client_name = 'Ahmet Yılmaz', birth_year = 1961 WHERE id = ?")
    .run(t.caseId);
  return { server, t };
}
