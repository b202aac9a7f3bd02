import { createGoal } from '../../../shared/doc/board.js';
import { addNote, noteText } from '../../../shared/doc/compartment.js';
import { addAction, addDecision } from '../../../shared/doc/meetingCase.js';
import { caseDocumentName, meetingCaseDocumentName } from '../../../shared/protocol.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam } from '../../utils/caseTeam.js';
import { api } from '../../utils/http.js';
import { planMeeting, putOnAgenda } from '../../utils/meetings.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/** Words only this client's data holds: after erasure no cell of any table may contain one. */
export const markers = {
  name: 'Ahmet Yılmaz',
  address: 'Kastanjelaan 17',
  phone: '0612345678',
  bsn: '111222333',
  goal: 'Marker-doel-werk',
  medicalNote: 'Marker-medische-notitie',
  socialNote: 'Marker-sociale-notitie',
  meetingNote: 'Marker-besluit',
  action: 'Marker-actie',
  question: 'Marker-vraag',
  observation: 'Marker-observatie',
  question2: 'Marker-agenda',
  rating: 'Marker-beoordeling',
};

/** A clock the test moves: retention periods are measured by it (SPEC RT1). */
export function testClock(start = new Date()) {
  let now = start;
  return {
    now: () => now,
    set(to: Date) {
      now = to;
    },
    /** Moves to `years` (and `days`) after `from`. */
    after(from: string | Date, years: number, days = 0) {
      const at = new Date(from);
      at.setUTCFullYear(at.getUTCFullYear() + years);
      at.setUTCDate(at.getUTCDate() + days);
      now = at;
    },
  };
}

export interface RetentionFixture {
  server: TestServer;
  t: CaseTeam;
  clock: ReturnType<typeof testClock>;
  meetingId: string;
}

/**
 * A real server with a controlled retention clock and a case holding client data of every kind:
 * the board, both compartments, an observation, the client's question, a consent, a kept version,
 * a closed meeting that discussed it (minutes, agenda line, notes, an action), a client account
 * with a session. The other case of the team stays untouched.
 */
export async function startRetentionFixture(
  options: Parameters<typeof startTestServer>[0] = {},
): Promise<RetentionFixture> {
  const clock = testClock();
  const server = await startTestServer({ projectionDebounceMs: 20, retentionClock: clock.now, ...options });
  const t = await caseTeam(server);
  server.db
    .prepare(
      `UPDATE cases SET client_name = ?, birth_year = 1961, date_of_birth = '1961-04-02', address = ?,
       phone = ?, bsn = ? WHERE id = ?`,
    )
    .run(markers.name, markers.address, markers.phone, markers.bsn, t.caseId);
  const registry = server.sync.registry;
  const gp = { userId: t.gp.userId, role: 'professional' };
  await registry.use(
    caseDocumentName(t.caseId),
    (doc) =>
      createGoal(doc, { title: markers.goal, domain: 'work', phase: 'rebuilding', visibleToClient: true }),
    gp,
  );
  await registry.use(
    caseDocumentName(t.caseId, 'medical'),
    (doc) => noteText(doc, addNote(doc, t.gp.professionalId!)).insert(0, markers.medicalNote),
    gp,
  );
  await registry.use(
    caseDocumentName(t.caseId, 'social'),
    (doc) => noteText(doc, addNote(doc, t.socialWorker.professionalId!)).insert(0, markers.socialNote),
    { userId: t.socialWorker.userId, role: 'professional' },
  );
  const observed = await api(server, t.coordinator.userId, 'POST', `/api/cases/${t.caseId}/observations`, {
    state: 'amber',
    note: markers.observation,
  });
  if (observed.status !== 201) throw new Error(`observation: ${observed.status}`);
  await server.services.clientVoice.askQuestion(
    t.caseId,
    { userId: t.client.userId, role: 'client' },
    markers.question,
  );
  const rated = await api(server, t.client.userId, 'PUT', '/api/my/ratings/housing', {
    score: 2,
    sentence: markers.rating,
  });
  if (rated.status !== 204) throw new Error(`rating: ${rated.status}`);
  const consent = await api(server, t.client.userId, 'POST', '/api/my/consents', {
    compartment: 'medical',
    sharedWithDomain: 'social',
  });
  if (consent.status !== 201) throw new Error(`consent: ${consent.status}`);
  await registry.use(caseDocumentName(t.caseId), (doc) =>
    server.services.meetings.versions.keep(t.caseId, null, '', doc, new Date().toISOString(), 'auto'),
  );

  const meetingId = await planMeeting(server, t.coordinator, [t.socialWorker, t.gp], {
    guests: [{ name: markers.name, relation: 'client' }],
  });
  await putOnAgenda(server, t.coordinator, meetingId, t.caseId, markers.question2);
  await registry.use(
    meetingCaseDocumentName(meetingId, t.caseId),
    (doc) => {
      addDecision(doc, markers.meetingNote);
      addAction(doc, { text: markers.action, ownerId: t.gp.professionalId!, dueDate: '2026-12-05' });
    },
    { userId: t.coordinator.userId, role: 'coordinator' },
  );
  const closedMeeting = await api(server, t.coordinator.userId, 'POST', `/api/meetings/${meetingId}/close`);
  if (closedMeeting.status !== 200) throw new Error(`meeting close: ${closedMeeting.status}`);
  return { server, t, clock, meetingId };
}

/** Closes the case as its coordinator would; returns when it was closed. */
export async function closeCase(server: TestServer, t: CaseTeam, caseId = t.caseId): Promise<string> {
  const who = caseId === t.caseId ? t.coordinator : t.otherCoordinator;
  const answer = await api(server, who.userId, 'POST', `/api/cases/${caseId}/close`, {
    reason: 'goals-reached',
    note: 'Doelen bereikt, zelfstandig verder',
  });
  if (answer.status >= 300) throw new Error(`close: ${answer.status} ${JSON.stringify(answer.body)}`);
  return (server.db.prepare('SELECT closed_at AS at FROM cases WHERE id = ?').get(caseId) as { at: string })
    .at;
}

/** Every cell of every table, as text, that contains `needle` (blobs searched byte-wise). */
export function cellsContaining(server: TestServer, needle: string, skip: readonly string[] = []): string[] {
  const { db } = server;
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((t) => t.name)
    .filter((name) => !skip.includes(name));
  const found: string[] = [];
  for (const table of tables) {
    const columns = db
      .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
      .all(table);
    for (const { name: column } of columns) {
      const n = db
        .prepare<[string, string], { n: number }>(
          `SELECT count(*) AS n FROM "${table}" WHERE instr(CAST("${column}" AS BLOB), CAST(? AS BLOB)) > 0
           OR instr(lower(CAST("${column}" AS TEXT)), lower(?)) > 0`,
        )
        .get(needle, needle)!.n;
      if (n > 0) found.push(`${table}.${column}`);
    }
  }
  return found;
}
