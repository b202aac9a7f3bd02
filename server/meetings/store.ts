import type { MeetingAttendee, MeetingSummary, Minutes } from '../../shared/meetingApi.js';
import type { GuestRelation } from '../../shared/meetingApi.js';
import type { MeetingFacts } from '../../shared/meetingPermissions.js';
import { newId } from '../../shared/doc/board.js';
import type { Db } from '../db/database.js';

export interface NewMeeting {
  neighbourhoodId: string;
  title: string;
  startsAt: string;
  chairId: string;
  attendeeIds: readonly string[];
  guests: readonly { name: string; relation: GuestRelation }[];
  createdBy: string;
}

const summarySelect = `
  SELECT m.id, m.title, m.starts_at AS startsAt, m.neighbourhood_id AS neighbourhoodId,
         n.name AS neighbourhoodName, m.chair_id AS chairId, p.name AS chairName, m.status,
         m.closed_at AS closedAt,
         (SELECT count(*) FROM meeting_agenda a WHERE a.meeting_id = m.id) AS caseCount
  FROM meetings m
  JOIN neighbourhoods n ON n.id = m.neighbourhood_id
  JOIN professionals p ON p.id = m.chair_id`;

/** The meetings' rows in SQL: who, when, where, which cases; the documents hold the rest. */
export function meetingStore(db: Db) {
  const meeting = db.prepare<[string], { chairId: string; status: 'planned' | 'closed' }>(
    'SELECT chair_id AS chairId, status FROM meetings WHERE id = ?',
  );
  const attendeeIds = db.prepare<[string], { id: string }>(
    'SELECT professional_id AS id FROM meeting_attendees WHERE meeting_id = ? AND professional_id IS NOT NULL',
  );
  const agendaIds = db.prepare<[string], { id: string }>(
    'SELECT case_id AS id FROM meeting_agenda WHERE meeting_id = ? ORDER BY added_at',
  );
  const one = db.prepare<[string], MeetingSummary>(`${summarySelect} WHERE m.id = ?`);
  const mine = db.prepare<[string, string], MeetingSummary>(`${summarySelect}
    WHERE m.chair_id = ? OR m.id IN (SELECT meeting_id FROM meeting_attendees WHERE professional_id = ?)
    ORDER BY m.starts_at DESC`);
  const attendees = db.prepare<[string], MeetingAttendee>(`
    SELECT a.id, a.professional_id AS professionalId, coalesce(p.name, a.guest_name) AS name,
           p.role_title AS roleTitle, a.guest_relation AS relation
    FROM meeting_attendees a LEFT JOIN professionals p ON p.id = a.professional_id
    WHERE a.meeting_id = ? ORDER BY a.professional_id IS NULL, p.name, a.guest_name`);
  const chairUser = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE professional_id = ?');
  const insertMeeting = db.prepare(`INSERT INTO meetings
    (id, neighbourhood_id, title, starts_at, chair_id, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertAttendee = db.prepare(`INSERT INTO meeting_attendees
    (meeting_id, id, professional_id, guest_name, guest_relation) VALUES (?, ?, ?, ?, ?)`);
  const clearAttendees = db.prepare('DELETE FROM meeting_attendees WHERE meeting_id = ?');
  const setPlan = db.prepare('UPDATE meetings SET title = ?, starts_at = ?, chair_id = ? WHERE id = ?');
  const addCase = db.prepare(
    'INSERT INTO meeting_agenda (meeting_id, case_id, added_by, added_at) VALUES (?, ?, ?, ?)',
  );
  const removeCase = db.prepare('DELETE FROM meeting_agenda WHERE meeting_id = ? AND case_id = ?');
  const close = db.prepare(
    "UPDATE meetings SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'planned'",
  );
  const saveMinutes = db.prepare(
    'INSERT INTO meeting_minutes (meeting_id, content, created_at) VALUES (?, ?, ?)',
  );
  const readMinutes = db.prepare<[string], { content: string }>(
    'SELECT content FROM meeting_minutes WHERE meeting_id = ?',
  );
  const caseLine = db.prepare<
    [string],
    { clientName: string; birthYear: number | null; neighbourhoodId: string }
  >(
    'SELECT client_name AS clientName, birth_year AS birthYear, neighbourhood_id AS neighbourhoodId FROM cases WHERE id = ?',
  );
  const neighbourhood = db.prepare<[string], { id: string }>('SELECT id FROM neighbourhoods WHERE id = ?');
  const professional = db.prepare<[string], { id: string }>('SELECT id FROM professionals WHERE id = ?');

  const writeAttendees = (id: string, input: Pick<NewMeeting, 'attendeeIds' | 'guests'>) => {
    clearAttendees.run(id);
    for (const p of new Set(input.attendeeIds)) insertAttendee.run(id, newId(), p, null, null);
    for (const g of input.guests) insertAttendee.run(id, newId(), null, g.name, g.relation);
  };

  return {
    /** What the permission rules decide on; null for an unknown meeting. */
    facts(meetingId: string): MeetingFacts | null {
      const row = meeting.get(meetingId);
      if (!row) return null;
      return {
        meetingId,
        chairId: row.chairId,
        status: row.status,
        attendeeIds: attendeeIds.all(meetingId).map((r) => r.id),
        agendaCaseIds: agendaIds.all(meetingId).map((r) => r.id),
      };
    },
    summary: (meetingId: string) => one.get(meetingId) ?? null,
    /** Meetings the professional chairs or attends, newest first. */
    listFor: (professionalId: string) => mine.all(professionalId, professionalId),
    attendees: (meetingId: string) => attendees.all(meetingId),
    chairUserId: (chairId: string) => chairUser.get(chairId)?.id ?? null,
    neighbourhoodExists: (id: string) => neighbourhood.get(id) !== undefined,
    professionalExists: (id: string) => professional.get(id) !== undefined,
    caseLine: (caseId: string) => caseLine.get(caseId) ?? null,
    create: db.transaction((input: NewMeeting): string => {
      const id = newId();
      insertMeeting.run(
        id,
        input.neighbourhoodId,
        input.title,
        input.startsAt,
        input.chairId,
        input.createdBy,
        new Date().toISOString(),
      );
      writeAttendees(id, input);
      return id;
    }),
    update: db.transaction(
      (id: string, input: Pick<NewMeeting, 'title' | 'startsAt' | 'chairId' | 'attendeeIds' | 'guests'>) => {
        setPlan.run(input.title, input.startsAt, input.chairId, id);
        writeAttendees(id, input);
      },
    ),
    addCase: (meetingId: string, caseId: string, userId: string) =>
      addCase.run(meetingId, caseId, userId, new Date().toISOString()),
    removeCase: (meetingId: string, caseId: string) => removeCase.run(meetingId, caseId).changes > 0,
    /** Marks the meeting closed with its minutes; false when it was already closed (it closes once). */
    close: db.transaction((meetingId: string, minutes: Minutes): boolean => {
      if (close.run(minutes.closedAt, meetingId).changes === 0) return false;
      saveMinutes.run(meetingId, JSON.stringify(minutes), minutes.closedAt);
      return true;
    }),
    minutes(meetingId: string): Minutes | null {
      const row = readMinutes.get(meetingId);
      return row ? (JSON.parse(row.content) as Minutes) : null;
    },
  };
}
export type MeetingStore = ReturnType<typeof meetingStore>;

/**
 * The agenda line's name for a client: initials and birth year, as casusoverleg agendas do, so an
 * attendee who is not on the case never reads the client's name.
 */
export function caseAlias(clientName: string, birthYear: number | null): string {
  const initials = clientName
    .split(/[\s-]+/)
    .filter((part) => part && part[0] === part[0]!.toLocaleUpperCase('nl'))
    .map((part) => `${[...part][0]}.`)
    .join('');
  return birthYear ? `${initials || '?'} (${birthYear})` : initials || '?';
}
