import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { VersionKind } from '../../shared/versionsApi.js';
import type { RelationalTables } from './tables.js';

/**
 * The tables of the storage layer as Kysely sees them, the same on SQLite and PostgreSQL. Binary
 * columns are Buffers on both engines; 64-bit integers are read as numbers (storage.ts sets the
 * PostgreSQL parser), and times are ISO-8601 strings written by the server.
 */
export interface Database extends RelationalTables {
  document_updates: DocumentUpdatesTable;
  document_heads: DocumentHeadsTable;
  board_versions: BoardVersionsTable;
}

/**
 * The log of a Yjs document: every accepted update, each with the next sequence number of its
 * document (1, 2, 3, … without gaps, also across instances). Compaction replaces a prefix of the
 * log by one row holding the merged state, with the sequence of the last update it merged.
 */
export interface DocumentUpdatesTable {
  document_name: string;
  seq: number;
  data: Buffer;
  /** Who sent the update (SPEC D4); null for the server's own edits and compacted states. */
  user_id: string | null;
  stored_at: ColumnType<string, string | undefined, never>;
}

/** The last sequence number handed out per document: it only grows, compaction keeps it. */
export interface DocumentHeadsTable {
  document_name: string;
  seq: number;
}

/** A named version of a case board: its whole state and the Yjs snapshot of that moment. */
export interface BoardVersionsTable {
  id: Generated<number>;
  case_id: string;
  meeting_id: string | null;
  name: string;
  state: Buffer;
  snapshot: Buffer;
  created_at: string;
  kind: VersionKind;
}

export type DocumentUpdateRow = Selectable<DocumentUpdatesTable>;
export type NewBoardVersion = Insertable<BoardVersionsTable>;
