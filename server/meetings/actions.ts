import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type * as Y from 'yjs';
import { readMeetingCase } from '../../shared/doc/meetingCase.js';
import type { ActionRow } from '../../shared/meetingApi.js';
import type { Data, Executor } from '../storage/data.js';
import { caseAlias } from './store.js';

interface Row extends Omit<ActionRow, 'caseLabel' | 'done'> {
  done: number;
  clientName: string;
  birthYear: number | null;
}

const rowSelect = (db: Executor) =>
  db
    .selectFrom('meeting_actions as a')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .leftJoin('professionals as p', 'p.id', 'a.owner_id')
    .select((eb) => [
      'a.meeting_id as meetingId',
      'm.title as meetingTitle',
      'm.starts_at as meetingStartsAt',
      'a.case_id as caseId',
      'c.client_name as clientName',
      'c.birth_year as birthYear',
      'a.action_id as actionId',
      'a.text',
      'a.owner_id as ownerId',
      eb.fn.coalesce('p.name', sql.lit('?')).as('ownerName'),
      'a.due_date as dueDate',
      'a.done',
      'a.goal_id as goalId',
      'a.step_id as stepId',
    ]);

/**
 * The actions of every meeting in SQL, projected from the meeting documents, so a professional's
 * "my actions" and a case board's overdue actions never load documents. `changes` emits the owner
 * ids whose list changed, for live pages.
 */
export function actionStore(data: Data) {
  const changes = new EventEmitter().setMaxListeners(0);

  const toRow = (row: Row, visibleCases: ReadonlySet<string>): ActionRow => {
    const { clientName, birthYear, done, ...rest } = row;
    return {
      ...rest,
      done: done === 1,
      caseLabel: visibleCases.has(row.caseId) ? clientName : caseAlias(clientName, birthYear),
    };
  };

  /** Replaces the rows of one case in one meeting; returns the owners whose list changed. */
  const replace = async (
    trx: Executor,
    meetingId: string,
    caseId: string,
    current: ReturnType<typeof readMeetingCase>,
  ): Promise<Set<string>> => {
    const owners = await trx
      .selectFrom('meeting_actions')
      .select('owner_id')
      .distinct()
      .where('meeting_id', '=', meetingId)
      .where('case_id', '=', caseId)
      .execute();
    const touched = new Set(owners.map((r) => r.owner_id));
    await trx
      .deleteFrom('meeting_actions')
      .where('meeting_id', '=', meetingId)
      .where('case_id', '=', caseId)
      .execute();
    if (current.actions.length > 0) {
      await trx
        .insertInto('meeting_actions')
        .values(
          current.actions.map((a) => ({
            meeting_id: meetingId,
            case_id: caseId,
            action_id: a.id,
            text: a.text,
            owner_id: a.ownerId,
            due_date: a.dueDate,
            done: a.done ? 1 : 0,
            goal_id: a.goalId,
            step_id: a.stepId,
            created_at: a.createdAt,
          })),
        )
        .execute();
    }
    for (const a of current.actions) touched.add(a.ownerId);
    await trx
      .insertInto('meeting_case_tags')
      .values({ meeting_id: meetingId, case_id: caseId, perspectives: JSON.stringify(current.perspectives) })
      .onConflict((oc) =>
        oc
          .columns(['meeting_id', 'case_id'])
          .doUpdateSet((eb) => ({ perspectives: eb.ref('excluded.perspectives') })),
      )
      .execute();
    return touched;
  };

  return {
    changes,
    /**
     * Replaces the rows of one case in one meeting with what its document holds now (read before
     * the first await). Inside a write, pass its `tx`.
     */
    async project(meetingId: string, caseId: string, doc: Y.Doc, tx?: Executor): Promise<void> {
      const current = readMeetingCase(doc);
      const work = (trx: Executor) => replace(trx, meetingId, caseId, current);
      const touched = await (tx ? work(tx) : data.write(work));
      for (const ownerId of touched) changes.emit('owner', ownerId);
      changes.emit('case', caseId);
    },
    /** A professional's actions from all meetings and cases: open first, by due date. */
    async mine(professionalId: string, visibleCases: ReadonlySet<string>): Promise<ActionRow[]> {
      const rows = await rowSelect(data.db)
        .where('a.owner_id', '=', professionalId)
        .orderBy('a.done')
        .orderBy('a.due_date')
        .orderBy('m.starts_at')
        .execute();
      return rows.map((r) => toRow(r, visibleCases));
    },
    /** The open actions on one case (the board flags the overdue ones). */
    async openForCase(caseId: string): Promise<ActionRow[]> {
      const rows = await rowSelect(data.db)
        .where('a.case_id', '=', caseId)
        .where('a.done', '=', 0)
        .orderBy('a.due_date')
        .execute();
      return rows.map((r) => toRow(r, new Set([caseId])));
    },
    async one(meetingId: string, caseId: string, actionId: string): Promise<Row | null> {
      const row = await rowSelect(data.db)
        .where('a.meeting_id', '=', meetingId)
        .where('a.case_id', '=', caseId)
        .where('a.action_id', '=', actionId)
        .executeTakeFirst();
      return row ?? null;
    },
    /** Perspectives tagged per case of a meeting, as last projected. */
    async tagsOf(meetingId: string): Promise<Map<string, string[]>> {
      const rows = await data.db
        .selectFrom('meeting_case_tags')
        .select(['case_id', 'perspectives'])
        .where('meeting_id', '=', meetingId)
        .execute();
      return new Map(rows.map((r) => [r.case_id, JSON.parse(r.perspectives) as string[]]));
    },
  };
}
export type ActionStore = ReturnType<typeof actionStore>;
