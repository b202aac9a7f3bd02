import { EventEmitter } from 'node:events';
import type * as Y from 'yjs';
import { readMeetingCase } from '../../shared/doc/meetingCase.js';
import type { ActionRow } from '../../shared/meetingApi.js';
import type { Db } from '../db/database.js';
import { caseAlias } from './store.js';

interface Row extends Omit<ActionRow, 'caseLabel' | 'done'> {
  done: number;
  clientName: string;
  birthYear: number | null;
}

const rowSelect = `
  SELECT a.meeting_id AS meetingId, m.title AS meetingTitle, m.starts_at AS meetingStartsAt, a.case_id AS caseId,
         c.client_name AS clientName, c.birth_year AS birthYear, a.action_id AS actionId, a.text,
         a.owner_id AS ownerId, coalesce(p.name, '?') AS ownerName, a.due_date AS dueDate, a.done,
         a.goal_id AS goalId, a.step_id AS stepId
  FROM meeting_actions a
  JOIN meetings m ON m.id = a.meeting_id
  JOIN cases c ON c.id = a.case_id
  LEFT JOIN professionals p ON p.id = a.owner_id`;

/**
 * The actions of every meeting in SQL, projected from the meeting documents, so a professional's
 * "my actions" and a case board's overdue actions never load documents. `changes` emits the owner
 * ids whose list changed, for live pages.
 */
export function actionStore(db: Db) {
  const clear = db.prepare<[string, string]>(
    'DELETE FROM meeting_actions WHERE meeting_id = ? AND case_id = ?',
  );
  const owners = db.prepare<[string, string], { ownerId: string }>(
    'SELECT DISTINCT owner_id AS ownerId FROM meeting_actions WHERE meeting_id = ? AND case_id = ?',
  );
  const insert = db.prepare(`INSERT INTO meeting_actions
    (meeting_id, case_id, action_id, text, owner_id, due_date, done, goal_id, step_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const tags = db.prepare(`INSERT INTO meeting_case_tags (meeting_id, case_id, perspectives) VALUES (?, ?, ?)
    ON CONFLICT (meeting_id, case_id) DO UPDATE SET perspectives = excluded.perspectives`);
  const byOwner = db.prepare<[string], Row>(
    `${rowSelect} WHERE a.owner_id = ? ORDER BY a.done, a.due_date, m.starts_at`,
  );
  const byCase = db.prepare<[string], Row>(
    `${rowSelect} WHERE a.case_id = ? AND a.done = 0 ORDER BY a.due_date`,
  );
  const one = db.prepare<[string, string, string], Row>(
    `${rowSelect} WHERE a.meeting_id = ? AND a.case_id = ? AND a.action_id = ?`,
  );
  const tagRows = db.prepare<[string], { caseId: string; perspectives: string }>(
    'SELECT case_id AS caseId, perspectives FROM meeting_case_tags WHERE meeting_id = ?',
  );
  const changes = new EventEmitter().setMaxListeners(0);

  const toRow = (row: Row, visibleCases: ReadonlySet<string>): ActionRow => {
    const { clientName, birthYear, done, ...rest } = row;
    return {
      ...rest,
      done: done === 1,
      caseLabel: visibleCases.has(row.caseId) ? clientName : caseAlias(clientName, birthYear),
    };
  };

  return {
    changes,
    /** Replaces the rows of one case in one meeting with what its document holds now. */
    project: (meetingId: string, caseId: string, doc: Y.Doc): void => {
      const current = readMeetingCase(doc);
      const touched = new Set(owners.all(meetingId, caseId).map((r) => r.ownerId));
      db.transaction(() => {
        clear.run(meetingId, caseId);
        for (const a of current.actions) {
          insert.run(
            meetingId,
            caseId,
            a.id,
            a.text,
            a.ownerId,
            a.dueDate,
            a.done ? 1 : 0,
            a.goalId,
            a.stepId,
            a.createdAt,
          );
          touched.add(a.ownerId);
        }
        tags.run(meetingId, caseId, JSON.stringify(current.perspectives));
      })();
      for (const ownerId of touched) changes.emit('owner', ownerId);
      changes.emit('case', caseId);
    },
    /** A professional's actions from all meetings and cases: open first, by due date. */
    mine: (professionalId: string, visibleCases: ReadonlySet<string>): ActionRow[] =>
      byOwner.all(professionalId).map((r) => toRow(r, visibleCases)),
    /** The open actions on one case (the board flags the overdue ones). */
    openForCase: (caseId: string): ActionRow[] => byCase.all(caseId).map((r) => toRow(r, new Set([caseId]))),
    one: (meetingId: string, caseId: string, actionId: string) =>
      one.get(meetingId, caseId, actionId) ?? null,
    /** Perspectives tagged per case of a meeting, as last projected. */
    tagsOf: (meetingId: string): Map<string, string[]> =>
      new Map(tagRows.all(meetingId).map((r) => [r.caseId, JSON.parse(r.perspectives) as string[]])),
  };
}
export type ActionStore = ReturnType<typeof actionStore>;
