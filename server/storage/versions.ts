import type { Kysely } from 'kysely';
import type { VersionSummary } from '../../shared/versionsApi.js';
import type { Database, NewBoardVersion } from './schema.js';

export interface StoredVersion {
  version: VersionSummary;
  /** The whole state of the board then, and the Yjs snapshot of that moment. */
  state: Uint8Array;
  snapshot: Uint8Array;
}

const summary = ['id', 'kind', 'meeting_id', 'name', 'created_at'] as const;
const summaryOf = (row: {
  id: number;
  kind: VersionSummary['kind'];
  meeting_id: string | null;
  name: string;
  created_at: string;
}): VersionSummary => ({
  id: row.id,
  kind: row.kind,
  meetingId: row.meeting_id,
  name: row.name,
  createdAt: row.created_at,
});

/** Versions of case boards as rows (server/versions/store.ts reads boards and changes from them). */
export function versionStore(db: Kysely<Database>) {
  return {
    /** Keeps a version; returns its id. */
    async put(version: NewBoardVersion): Promise<number> {
      const row = await db
        .insertInto('board_versions')
        .values(version)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    /** The versions of a case, newest first. */
    async list(caseId: string, limit = 200): Promise<VersionSummary[]> {
      const rows = await db
        .selectFrom('board_versions')
        .select(summary)
        .where('case_id', '=', caseId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(summaryOf);
    },
    /** One version of a case; null when the case has no such version. */
    async get(caseId: string, id: number): Promise<StoredVersion | null> {
      const row = await db
        .selectFrom('board_versions')
        .select([...summary, 'state', 'snapshot'])
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { version: summaryOf(row), state: row.state, snapshot: row.snapshot } : null;
    },
    /** Removes versions of a case (the thinned automatic ones); returns how many went. */
    async remove(caseId: string, ids: readonly number[]): Promise<number> {
      if (ids.length === 0) return 0;
      const result = await db
        .deleteFrom('board_versions')
        .where('case_id', '=', caseId)
        .where('id', 'in', ids)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
export type VersionStore = ReturnType<typeof versionStore>;
