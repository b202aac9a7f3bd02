import { sql } from 'kysely';
import type { MeetingAttendee, MeetingSummary, Minutes } from '../../shared/meetingApi.js';
import type { GuestRelation } from '../../shared/meetingApi.js';
import type { MeetingFacts } from '../../shared/meetingPermissions.js';
import { newId } from '../../shared/doc/board.js';
import type { Data, Executor } from '../storage/data.js';

export interface NewMeeting {
  neighbourhoodId: string;
  title: string;
  startsAt: string;
  chairId: string;
  attendeeIds: readonly string[];
  guests: readonly { name: string; relation: GuestRelation }[];
  createdBy: string;
}

type Plan = Pick<NewMeeting, 'title' | 'startsAt' | 'chairId' | 'attendeeIds' | 'guests'>;

const summarySelect = (db: Executor) =>
  db
    .selectFrom('meetings as m')
    .innerJoin('neighbourhoods as n', 'n.id', 'm.neighbourhood_id')
    .innerJoin('professionals as p', 'p.id', 'm.chair_id')
    .select((eb) => [
      'm.id',
      'm.title',
      'm.starts_at as startsAt',
      'm.neighbourhood_id as neighbourhoodId',
      'n.name as neighbourhoodName',
      'm.chair_id as chairId',
      'p.name as chairName',
      'm.status',
      'm.closed_at as closedAt',
      eb
        .selectFrom('meeting_agenda as a')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('a.meeting_id', '=', 'm.id')
        .as('caseCount'),
    ]);

/** A summary row with its count as a number (PostgreSQL counts in bigints). */
const toSummary = ({ caseCount, ...row }: Omit<MeetingSummary, 'caseCount'> & { caseCount: unknown }) =>
  ({ ...row, caseCount: Number(caseCount ?? 0) }) as MeetingSummary;

/** The meetings' rows in SQL: who, when, where, which cases; the documents hold the rest. */
export function meetingStore(data: Data) {
  const { db } = data;
  /** Runs `work` in the caller's write when given one, else in a write of its own. */
  const inWrite = <T>(tx: Executor | undefined, work: (trx: Executor) => Promise<T>) =>
    tx ? work(tx) : data.write(work);

  const writeAttendees = async (
    trx: Executor,
    id: string,
    input: Pick<NewMeeting, 'attendeeIds' | 'guests'>,
  ) => {
    await trx.deleteFrom('meeting_attendees').where('meeting_id', '=', id).execute();
    const rows = [
      ...[...new Set(input.attendeeIds)].map((p) => ({
        meeting_id: id,
        id: newId(),
        professional_id: p,
        guest_name: null,
        guest_relation: null,
      })),
      ...input.guests.map((g) => ({
        meeting_id: id,
        id: newId(),
        professional_id: null,
        guest_name: g.name,
        guest_relation: g.relation,
      })),
    ];
    if (rows.length > 0) await trx.insertInto('meeting_attendees').values(rows).execute();
  };
  const exists = async (table: 'neighbourhoods' | 'professionals', id: string) =>
    (await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

  return {
    /** What the permission rules decide on; null for an unknown meeting. */
    async facts(meetingId: string): Promise<MeetingFacts | null> {
      const row = await db
        .selectFrom('meetings')
        .select(['chair_id', 'status'])
        .where('id', '=', meetingId)
        .executeTakeFirst();
      if (!row) return null;
      const attendees = await db
        .selectFrom('meeting_attendees')
        .select('professional_id')
        .where('meeting_id', '=', meetingId)
        .where('professional_id', 'is not', null)
        .execute();
      const agenda = await db
        .selectFrom('meeting_agenda')
        .select('case_id')
        .where('meeting_id', '=', meetingId)
        .orderBy('added_at')
        .execute();
      return {
        meetingId,
        chairId: row.chair_id,
        status: row.status,
        attendeeIds: attendees.map((r) => r.professional_id!),
        agendaCaseIds: agenda.map((r) => r.case_id),
      };
    },
    async summary(meetingId: string, tx: Executor = db): Promise<MeetingSummary | null> {
      const row = await summarySelect(tx).where('m.id', '=', meetingId).executeTakeFirst();
      return row ? toSummary(row) : null;
    },
    /** Meetings the professional chairs or attends, newest first. */
    async listFor(professionalId: string): Promise<MeetingSummary[]> {
      const rows = await summarySelect(db)
        .where((eb) =>
          eb.or([
            eb('m.chair_id', '=', professionalId),
            eb(
              'm.id',
              'in',
              eb
                .selectFrom('meeting_attendees')
                .select('meeting_id')
                .where('professional_id', '=', professionalId),
            ),
          ]),
        )
        .orderBy('m.starts_at', 'desc')
        .execute();
      return rows.map(toSummary);
    },
    async attendees(meetingId: string, tx: Executor = db): Promise<MeetingAttendee[]> {
      const rows = await tx
        .selectFrom('meeting_attendees as a')
        .leftJoin('professionals as p', 'p.id', 'a.professional_id')
        .select((eb) => [
          'a.id',
          'a.professional_id as professionalId',
          eb.fn.coalesce('p.name', 'a.guest_name').as('name'),
          'p.role_title as roleTitle',
          'a.guest_relation as relation',
        ])
        .where('a.meeting_id', '=', meetingId)
        .orderBy(sql`a.professional_id IS NULL`)
        .orderBy(sql`lower(p.name)`)
        .orderBy(sql`lower(a.guest_name)`)
        .execute();
      // Every attendee is a professional (with a name) or a guest with a name.
      return rows as MeetingAttendee[];
    },
    async chairUserId(chairId: string): Promise<string | null> {
      const row = await db
        .selectFrom('users')
        .select('id')
        .where('professional_id', '=', chairId)
        .executeTakeFirst();
      return row?.id ?? null;
    },
    neighbourhoodExists: (id: string) => exists('neighbourhoods', id),
    professionalExists: (id: string) => exists('professionals', id),
    async caseLine(
      caseId: string,
      tx: Executor = db,
    ): Promise<{ clientName: string; birthYear: number | null; neighbourhoodId: string } | null> {
      const row = await tx
        .selectFrom('cases')
        .select([
          'client_name as clientName',
          'birth_year as birthYear',
          'neighbourhood_id as neighbourhoodId',
        ])
        .where('id', '=', caseId)
        .executeTakeFirst();
      return row ?? null;
    },
    create(input: NewMeeting, tx?: Executor): Promise<string> {
      return inWrite(tx, async (trx) => {
        const id = newId();
        await trx
          .insertInto('meetings')
          .values({
            id,
            neighbourhood_id: input.neighbourhoodId,
            title: input.title,
            starts_at: input.startsAt,
            chair_id: input.chairId,
            created_by: input.createdBy,
            created_at: new Date().toISOString(),
          })
          .execute();
        await writeAttendees(trx, id, input);
        return id;
      });
    },
    update(id: string, input: Plan): Promise<void> {
      return data.write(async (trx) => {
        await trx
          .updateTable('meetings')
          .set({ title: input.title, starts_at: input.startsAt, chair_id: input.chairId })
          .where('id', '=', id)
          .execute();
        await writeAttendees(trx, id, input);
      });
    },
    async addCase(meetingId: string, caseId: string, userId: string, tx: Executor = db): Promise<void> {
      await tx
        .insertInto('meeting_agenda')
        .values({
          meeting_id: meetingId,
          case_id: caseId,
          added_by: userId,
          added_at: new Date().toISOString(),
        })
        .execute();
    },
    async removeCase(meetingId: string, caseId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('meeting_agenda')
        .where('meeting_id', '=', meetingId)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    /** Marks the meeting closed with its minutes; false when it was already closed (it closes once). */
    close(meetingId: string, minutes: Minutes, tx?: Executor): Promise<boolean> {
      return inWrite(tx, async (trx) => {
        const closed = await trx
          .updateTable('meetings')
          .set({ status: 'closed', closed_at: minutes.closedAt })
          .where('id', '=', meetingId)
          .where('status', '=', 'planned')
          .executeTakeFirst();
        if (Number(closed.numUpdatedRows) === 0) return false;
        await trx
          .insertInto('meeting_minutes')
          .values({ meeting_id: meetingId, content: JSON.stringify(minutes), created_at: minutes.closedAt })
          .execute();
        return true;
      });
    },
    async minutes(meetingId: string): Promise<Minutes | null> {
      const row = await db
        .selectFrom('meeting_minutes')
        .select('content')
        .where('meeting_id', '=', meetingId)
        .executeTakeFirst();
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
