import { EventEmitter } from 'node:events';
import * as Y from 'yjs';
import { readBoard } from '../../shared/doc/board.js';
import type { Board } from '../../shared/doc/board.js';
import { readObservations } from '../../shared/doc/signalPlan.js';
import { boardChanges } from '../../shared/boardChanges.js';
import type { BoardMoment } from '../../shared/boardChanges.js';
import type { ChangesAnswer } from '../../shared/meetingApi.js';
import type { VersionKind, VersionSummary } from '../../shared/versionsApi.js';
import type { Data, Executor } from '../storage/data.js';
import { versionStore } from '../storage/versions.js';
import { versionsToThin } from './retention.js';

/** What a version keeps of a board: its whole state and the Yjs snapshot of that moment. */
export interface BoardState {
  state: Uint8Array;
  snapshot: Uint8Array;
}

/** The state of a board to keep as a version, read from the document at once. */
export function boardState(doc: Y.Doc): BoardState {
  return { state: Y.encodeStateAsUpdate(doc), snapshot: Y.encodeSnapshot(Y.snapshot(doc)) };
}

/** What "what changed" compares: the goals and observations of a board. */
export const boardMoment = (doc: Y.Doc): BoardMoment => ({
  goals: readBoard(doc).goals,
  observations: readObservations(doc),
});

interface VersionRow {
  id: number;
  meeting_id: string | null;
  name: string;
  state: Uint8Array;
  created_at: string;
}

const docOf = (state: Uint8Array): Y.Doc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(state));
  return doc;
};
const load = (row: VersionRow): BoardMoment => {
  const doc = docOf(row.state);
  const moment = boardMoment(doc);
  doc.destroy();
  return moment;
};
const answer = (since: VersionRow | undefined, now: BoardMoment): ChangesAnswer => ({
  since: since ? { meetingId: since.meeting_id, name: since.name, at: since.created_at } : null,
  changes: since ? boardChanges(load(since), now) : [],
});

/** Drops the automatic versions of a case that retention thins out. */
async function thin(trx: Executor, caseId: string, now: Date): Promise<void> {
  const autos = await trx
    .selectFrom('board_versions')
    .select(['id', 'created_at as createdAt'])
    .where('case_id', '=', caseId)
    .where('kind', '=', 'auto')
    .execute();
  await versionStore(trx).remove(caseId, versionsToThin(autos, now));
}

/**
 * Versions of case boards: kept when a meeting that discussed them closes, every while of editing
 * and before a relapse moves goals. Each holds the whole state (so it can be read back even after
 * Yjs collected deleted content) and the Yjs snapshot of that moment. A member looks at one and
 * restores from it; "what changed since the last meeting" compares one with the board now. The
 * rows are the storage layer's (storage/versions.ts); this reads boards and changes from them.
 * `kept` emits (caseId, createdAt) once a version is stored.
 */
export function boardVersions(data: Data) {
  const { db } = data;
  const rows = versionStore(db);
  const kept = new EventEmitter().setMaxListeners(0);
  const columns = ['id', 'meeting_id', 'name', 'state', 'created_at'] as const;

  return {
    kept,
    /**
     * Keeps a version of the board (a document, read before the first await, or its state).
     * Inside a write, pass its `tx`.
     */
    async keep(
      caseId: string,
      meetingId: string | null,
      name: string,
      board: Y.Doc | BoardState,
      at: string,
      kind: VersionKind = 'meeting',
      tx?: Executor,
    ): Promise<void> {
      const { state, snapshot } = board instanceof Y.Doc ? boardState(board) : board;
      const work = async (trx: Executor) => {
        await versionStore(trx).put({
          case_id: caseId,
          meeting_id: meetingId,
          name,
          state: Buffer.from(state),
          snapshot: Buffer.from(snapshot),
          created_at: at,
          kind,
        });
        if (kind === 'auto') await thin(trx, caseId, new Date(at));
      };
      await (tx ? work(tx) : data.write(work));
      kept.emit('kept', caseId, at);
    },
    /** When the latest version of a case was kept, or null. */
    async latestAt(caseId: string): Promise<string | null> {
      const row = await db
        .selectFrom('board_versions')
        .select('created_at')
        .where('case_id', '=', caseId)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.created_at ?? null;
    },
    /** The versions of a case, newest first. */
    list(caseId: string, limit = 200): Promise<VersionSummary[]> {
      return rows.list(caseId, limit);
    },
    /** One version of a case with its board as it was then; null when the case has no such version. */
    async get(caseId: string, id: number): Promise<{ version: VersionSummary; board: Board } | null> {
      const found = await rows.get(caseId, id);
      if (!found) return null;
      const doc = docOf(found.state);
      const board = readBoard(doc);
      doc.destroy();
      return { version: found.version, board };
    },
    /**
     * For a planned meeting: the latest version kept before it, against the board now. For a
     * closed one: the version before it against the version it kept, so the answer stays what the
     * meeting saw.
     */
    async changes(
      caseId: string,
      meetingId: string,
      closedAt: string | null,
      board: BoardMoment,
    ): Promise<ChangesAnswer> {
      const own = closedAt
        ? await db
            .selectFrom('board_versions')
            .select(columns)
            .where('case_id', '=', caseId)
            .where('meeting_id', '=', meetingId)
            .orderBy('id', 'desc')
            .limit(1)
            .executeTakeFirst()
        : undefined;
      const before = await db
        .selectFrom('board_versions')
        .select(columns)
        .where('case_id', '=', caseId)
        .where('created_at', '<', own?.created_at ?? new Date(Date.now() + 1).toISOString())
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return answer(before, own ? load(own) : board);
    },
  };
}
export type BoardVersions = ReturnType<typeof boardVersions>;
