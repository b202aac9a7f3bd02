import type { ChangeAction, HistoryItemKind } from '../../shared/history.js';
import type { HistoryEntry, HistoryPerson } from '../../shared/historyApi.js';
import { parseDocumentName } from '../../shared/protocol.js';
import type { Db } from '../db/database.js';

/** One row of the change log as the ChangeLog concern keeps it in memory until it is written. */
export interface ChangeRow {
  documentName: string;
  caseId: string | null;
  userId: string;
  kind: HistoryItemKind;
  itemId: string | null;
  parentId: string | null;
  field: string | null;
  action: ChangeAction;
  firstAt: string;
  lastAt: string;
}

/** A row to write: new (`id` null) or grown by `delta` changes since it was last written. */
export interface RowWrite extends ChangeRow {
  id: number | null;
  delta: number;
}

export interface HistoryQuery {
  caseId: string;
  /** The documents of the case this person may open (SPEC H3): only their rows are read. */
  documents: readonly string[];
  userId?: string;
  kind?: HistoryItemKind;
  itemId?: string;
  /** A cursor from the previous page (`lastAt|id`). */
  before?: string;
  limit: number;
}

interface Stored {
  id: number;
  document_name: string;
  user_id: string;
  item_kind: HistoryItemKind;
  item_id: string | null;
  parent_id: string | null;
  field: string | null;
  action: ChangeAction;
  first_at: string;
  last_at: string;
  count: number;
}

function toEntry(row: Stored): HistoryEntry {
  const document = parseDocumentName(row.document_name);
  const source =
    document?.kind === 'case' ? (document.part === 'shared' ? 'board' : document.part) : 'meeting';
  return {
    id: row.id,
    firstAt: row.first_at,
    lastAt: row.last_at,
    count: row.count,
    userId: row.user_id,
    kind: row.item_kind,
    itemId: row.item_id,
    parentId: row.parent_id,
    field: row.field,
    action: row.action,
    source,
    meetingId: document && document.kind !== 'case' ? document.meetingId : null,
  };
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The change log in SQL: written in batches by the ChangeLog concern, read by the history routes. */
export function changeStore(db: Db) {
  const insert = db.prepare<ChangeRow>(
    `INSERT INTO document_changes
       (document_name, case_id, user_id, item_kind, item_id, parent_id, field, action, first_at, last_at, count)
     VALUES (@documentName, @caseId, @userId, @kind, @itemId, @parentId, @field, @action, @firstAt, @lastAt, @count)`,
  );
  const grow = db.prepare<[string, number, number]>(
    'UPDATE document_changes SET last_at = ?, count = count + ? WHERE id = ?',
  );
  // A row of the same person, item, field and action still open (e.g. from before an unload).
  const openRow = db.prepare<
    [string, string, string, string | null, string | null, string, string],
    { id: number }
  >(
    `SELECT id FROM document_changes
     WHERE document_name = ? AND user_id = ? AND item_kind = ? AND item_id IS ? AND field IS ? AND action = ?
       AND last_at >= ?
     ORDER BY id DESC LIMIT 1`,
  );
  const latest = db.prepare<
    [string],
    { kind: 'goal' | 'perspective'; item_id: string; user_id: string; at: string }
  >(
    `SELECT CASE item_kind WHEN 'step' THEN 'goal' ELSE item_kind END AS kind,
            CASE item_kind WHEN 'step' THEN parent_id ELSE item_id END AS item_id,
            user_id, MAX(last_at) AS at
     FROM document_changes
     WHERE document_name = ? AND item_kind IN ('goal', 'step', 'perspective')
     GROUP BY 1, 2`,
  );
  const documents = db.prepare<[string], { document_name: string }>(
    'SELECT DISTINCT document_name FROM document_changes WHERE case_id = ?',
  );
  const users = (ids: readonly string[]): HistoryPerson[] =>
    ids.length === 0
      ? []
      : db
          .prepare<string[], HistoryPerson>(
            `SELECT id, display_name AS name, role FROM users WHERE id IN (${placeholders(ids.length)})`,
          )
          .all(...ids);

  return {
    /**
     * Writes a batch in one transaction; a new row joins an open one of the same key written
     * before (`openSince` back). Returns the id of every row, in order.
     */
    write: db.transaction((rows: readonly RowWrite[], openSince: string): number[] =>
      rows.map((row) => {
        const id =
          row.id ??
          openRow.get(row.documentName, row.userId, row.kind, row.itemId, row.field, row.action, openSince)
            ?.id;
        if (id === undefined)
          return Number(insert.run({ ...row, count: row.delta } as ChangeRow).lastInsertRowid);
        grow.run(row.lastAt, row.delta, id);
        return id;
      }),
    ),

    /** One page of a case's history, newest first, only of the documents given. */
    list(query: HistoryQuery): { entries: HistoryEntry[]; next: string | null } {
      if (query.documents.length === 0) return { entries: [], next: null };
      const where = [`case_id = ?`, `document_name IN (${placeholders(query.documents.length)})`];
      const params: (string | number)[] = [query.caseId, ...query.documents];
      if (query.userId) {
        where.push('user_id = ?');
        params.push(query.userId);
      }
      if (query.kind === 'goal' && query.itemId) {
        // A goal's history includes its steps.
        where.push(`((item_kind = 'goal' AND item_id = ?) OR (item_kind = 'step' AND parent_id = ?))`);
        params.push(query.itemId, query.itemId);
      } else if (query.kind) {
        where.push('item_kind = ?');
        params.push(query.kind);
        if (query.itemId) {
          where.push('item_id = ?');
          params.push(query.itemId);
        }
      }
      if (query.before) {
        const [lastAt, id] = query.before.split('|');
        where.push('(last_at < ? OR (last_at = ? AND id < ?))');
        params.push(lastAt!, lastAt!, Number(id));
      }
      const rows = db
        .prepare<(string | number)[], Stored>(
          `SELECT * FROM document_changes WHERE ${where.join(' AND ')}
           ORDER BY last_at DESC, id DESC LIMIT ${query.limit + 1}`,
        )
        .all(...params);
      const page = rows.slice(0, query.limit).map(toEntry);
      const last = page.at(-1);
      return { entries: page, next: rows.length > query.limit && last ? `${last.lastAt}|${last.id}` : null };
    },

    /** Every document with changes of this case (the board, compartments, meetings). */
    documentsOf(caseId: string): string[] {
      return documents.all(caseId).map((r) => r.document_name);
    },

    /** Everyone who changed something in these documents of the case. */
    people(caseId: string, documents: readonly string[]): HistoryPerson[] {
      if (documents.length === 0) return [];
      const ids = db
        .prepare<string[], { user_id: string }>(
          `SELECT DISTINCT user_id FROM document_changes
           WHERE case_id = ? AND document_name IN (${placeholders(documents.length)})`,
        )
        .all(caseId, ...documents)
        .map((r) => r.user_id);
      const known = new Map(users(ids).map((u) => [u.id, u]));
      return ids.map((id) => known.get(id) ?? { id, name: '—', role: '' });
    },

    /** The latest change of every goal (steps included) and perspective of a board. */
    latest(documentName: string) {
      return latest
        .all(documentName)
        .map((r) => ({ kind: r.kind, itemId: r.item_id, userId: r.user_id, at: r.at }));
    },

    /** Display names of users, for the latest changes on the board. */
    names(ids: Iterable<string>): Map<string, string> {
      return new Map(users([...new Set(ids)]).map((u) => [u.id, u.name]));
    },
  };
}
export type ChangeStore = ReturnType<typeof changeStore>;
