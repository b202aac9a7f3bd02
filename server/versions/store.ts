import * as Y from 'yjs';
import { readBoard } from '../../shared/doc/board.js';
import type { Board } from '../../shared/doc/board.js';
import { readObservations } from '../../shared/doc/signalPlan.js';
import { boardChanges } from '../../shared/boardChanges.js';
import type { BoardMoment } from '../../shared/boardChanges.js';
import type { ChangesAnswer } from '../../shared/meetingApi.js';
import type { VersionKind, VersionSummary } from '../../shared/versionsApi.js';
import type { Db } from '../db/database.js';
import { versionsToThin } from './retention.js';

interface VersionRow {
  id: number;
  kind: VersionKind;
  meetingId: string | null;
  name: string;
  state: Buffer;
  createdAt: string;
}

const momentOf = (doc: Y.Doc): BoardMoment => ({
  goals: readBoard(doc).goals,
  observations: readObservations(doc),
});

const columns = `id, kind, meeting_id AS meetingId, name, state, created_at AS createdAt`;
const summaryOf = ({ id, kind, meetingId, name, createdAt }: VersionRow): VersionSummary => ({
  id,
  kind,
  meetingId,
  name,
  createdAt,
});

/**
 * Versions of case boards: kept when a meeting that discussed them closes, every while of editing
 * and before a relapse moves goals. Each holds the whole state (so it can be read back even after
 * Yjs collected deleted content) and the Yjs snapshot of that moment. A member looks at one and
 * restores from it; "what changed since the last meeting" compares one with the board now.
 */
export function boardVersions(db: Db) {
  const insert =
    db.prepare(`INSERT INTO board_versions (case_id, meeting_id, name, state, snapshot, created_at, kind)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const latestBefore = db.prepare<[string, string], VersionRow>(`
    SELECT ${columns} FROM board_versions
    WHERE case_id = ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT 1`);
  const ofMeeting = db.prepare<[string, string], VersionRow>(`
    SELECT ${columns} FROM board_versions
    WHERE case_id = ? AND meeting_id = ? ORDER BY id DESC LIMIT 1`);
  const latest = db.prepare<[string], { createdAt: string }>(
    `SELECT created_at AS createdAt FROM board_versions WHERE case_id = ? ORDER BY created_at DESC LIMIT 1`,
  );
  const list = db.prepare<[string, number], Omit<VersionRow, 'state'>>(`
    SELECT id, kind, meeting_id AS meetingId, name, created_at AS createdAt FROM board_versions
    WHERE case_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`);
  const one = db.prepare<[string, number], VersionRow>(
    `SELECT ${columns} FROM board_versions WHERE case_id = ? AND id = ?`,
  );
  const autoOf = db.prepare<[string], { id: number; createdAt: string }>(
    `SELECT id, created_at AS createdAt FROM board_versions WHERE case_id = ? AND kind = 'auto'`,
  );
  const remove = db.prepare<[number]>('DELETE FROM board_versions WHERE id = ?');
  const thin = db.transaction((caseId: string, now: Date) => {
    for (const id of versionsToThin(autoOf.all(caseId), now)) remove.run(id);
  });

  const docOf = (row: VersionRow): Y.Doc => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(row.state));
    return doc;
  };
  const load = (row: VersionRow): BoardMoment => {
    const doc = docOf(row);
    const moment = momentOf(doc);
    doc.destroy();
    return moment;
  };
  const answer = (since: VersionRow | undefined, now: BoardMoment): ChangesAnswer => ({
    since: since ? { meetingId: since.meetingId, name: since.name, at: since.createdAt } : null,
    changes: since ? boardChanges(load(since), now) : [],
  });

  return {
    keep(
      caseId: string,
      meetingId: string | null,
      name: string,
      doc: Y.Doc,
      at: string,
      kind: VersionKind = 'meeting',
    ): void {
      insert.run(
        caseId,
        meetingId,
        name,
        Buffer.from(Y.encodeStateAsUpdate(doc)),
        Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))),
        at,
        kind,
      );
      if (kind === 'auto') thin(caseId, new Date(at));
    },
    /** When the latest version of a case was kept, or null. */
    latestAt(caseId: string): string | null {
      return latest.get(caseId)?.createdAt ?? null;
    },
    /** The versions of a case, newest first. */
    list(caseId: string, limit = 200): VersionSummary[] {
      return list.all(caseId, limit).map((row) => summaryOf({ ...row, state: Buffer.alloc(0) }));
    },
    /** One version of a case with its board as it was then; null when the case has no such version. */
    get(caseId: string, id: number): { version: VersionSummary; board: Board } | null {
      const row = one.get(caseId, id);
      if (!row) return null;
      const doc = docOf(row);
      const board = readBoard(doc);
      doc.destroy();
      return { version: summaryOf(row), board };
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
