import * as Y from 'yjs';
import { readBoard } from '../../shared/doc/board.js';
import { readObservations } from '../../shared/doc/signalPlan.js';
import { boardChanges } from '../../shared/boardChanges.js';
import type { BoardMoment } from '../../shared/boardChanges.js';
import type { ChangesAnswer } from '../../shared/meetingApi.js';
import type { Db } from '../db/database.js';

interface VersionRow {
  id: number;
  meetingId: string | null;
  name: string;
  state: Buffer;
  createdAt: string;
}

const momentOf = (doc: Y.Doc): BoardMoment => ({
  goals: readBoard(doc).goals,
  observations: readObservations(doc),
});

/**
 * Named versions of case boards, kept when a meeting that discussed them closes: the whole state
 * (so it can be read back even after Yjs collected deleted content) and the Yjs snapshot of that
 * moment. "What changed since the last meeting" compares such a version with the board now.
 */
export function boardVersions(db: Db) {
  const insert =
    db.prepare(`INSERT INTO board_versions (case_id, meeting_id, name, state, snapshot, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const latestBefore = db.prepare<[string, string], VersionRow>(`
    SELECT id, meeting_id AS meetingId, name, state, created_at AS createdAt FROM board_versions
    WHERE case_id = ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT 1`);
  const ofMeeting = db.prepare<[string, string], VersionRow>(`
    SELECT id, meeting_id AS meetingId, name, state, created_at AS createdAt FROM board_versions
    WHERE case_id = ? AND meeting_id = ? ORDER BY id DESC LIMIT 1`);

  const load = (row: VersionRow): BoardMoment => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(row.state));
    const moment = momentOf(doc);
    doc.destroy();
    return moment;
  };
  const answer = (since: VersionRow | undefined, now: BoardMoment): ChangesAnswer => ({
    since: since ? { meetingId: since.meetingId, name: since.name, at: since.createdAt } : null,
    changes: since ? boardChanges(load(since), now) : [],
  });

  return {
    keep(caseId: string, meetingId: string | null, name: string, doc: Y.Doc, at: string): void {
      insert.run(
        caseId,
        meetingId,
        name,
        Buffer.from(Y.encodeStateAsUpdate(doc)),
        Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))),
        at,
      );
    },
    /**
     * For a planned meeting: the latest version kept before it, against the board now. For a
     * closed one: the version before it against the version it kept, so the answer stays what the
     * meeting saw.
     */
    changes(caseId: string, meetingId: string, closedAt: string | null, board: Y.Doc): ChangesAnswer {
      const own = closedAt ? ofMeeting.get(caseId, meetingId) : undefined;
      const before = latestBefore.get(caseId, own?.createdAt ?? new Date(Date.now() + 1).toISOString());
      return answer(before, own ? load(own) : momentOf(board));
    },
  };
}
export type BoardVersions = ReturnType<typeof boardVersions>;
