import type { ChangeAction, HistoryItemKind } from '../../shared/history.js';
import type { HistoryEntry, HistoryPerson } from '../../shared/historyApi.js';
import { parseDocumentName } from '../../shared/protocol.js';
import type { Data } from '../storage/data.js';
import { writeChanges } from './writeChanges.js';

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
  user_id: string | null;
  item_kind: string;
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
    userId: row.user_id!,
    kind: row.item_kind as HistoryItemKind,
    itemId: row.item_id,
    parentId: row.parent_id,
    field: row.field,
    action: row.action,
    source,
    meetingId: document && document.kind !== 'case' ? document.meetingId : null,
  };
}

/** The latest change of a goal (its steps included) or a perspective. */
interface Latest {
  kind: 'goal' | 'perspective';
  itemId: string;
  userId: string;
  at: string;
}

/** The change log in SQL: written in batches by the ChangeLog concern, read by the history routes. */
export function changeStore(data: Data) {
  const { db } = data;

  const users = async (ids: readonly string[]): Promise<HistoryPerson[]> =>
    ids.length === 0
      ? []
      : db
          .selectFrom('users')
          .select(['id', 'display_name as name', 'role'])
          .where('id', 'in', [...ids])
          .execute();

  return {
    /**
     * Writes a batch in one transaction; a new row joins an open one of the same key written
     * before (`openSince` back). Returns the id of every row, in order.
     */
    write: (rows: readonly RowWrite[], openSince: string): Promise<number[]> =>
      writeChanges(data, rows, openSince),

    /** One page of a case's history, newest first, only of the documents given. */
    async list(query: HistoryQuery): Promise<{ entries: HistoryEntry[]; next: string | null }> {
      if (query.documents.length === 0) return { entries: [], next: null };
      let select = db
        .selectFrom('document_changes')
        .selectAll()
        .where('case_id', '=', query.caseId)
        .where('document_name', 'in', [...query.documents]);
      if (query.userId) select = select.where('user_id', '=', query.userId);
      const { kind, itemId } = query;
      if (kind === 'goal' && itemId) {
        // A goal's history includes its steps.
        select = select.where((eb) =>
          eb.or([
            eb.and([eb('item_kind', '=', 'goal'), eb('item_id', '=', itemId)]),
            eb.and([eb('item_kind', '=', 'step'), eb('parent_id', '=', itemId)]),
          ]),
        );
      } else if (kind) {
        select = select.where('item_kind', '=', kind);
        if (itemId) select = select.where('item_id', '=', itemId);
      }
      if (query.before) {
        const [lastAt, id] = query.before.split('|');
        select = select.where((eb) =>
          eb.or([
            eb('last_at', '<', lastAt!),
            eb.and([eb('last_at', '=', lastAt!), eb('id', '<', Number(id))]),
          ]),
        );
      }
      const rows = await select
        .orderBy('last_at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit + 1)
        .execute();
      const page = rows.slice(0, query.limit).map(toEntry);
      const last = page.at(-1);
      return { entries: page, next: rows.length > query.limit && last ? `${last.lastAt}|${last.id}` : null };
    },

    /** Every document with changes of this case (the board, compartments, meetings). */
    async documentsOf(caseId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('document_changes')
        .select('document_name')
        .distinct()
        .where('case_id', '=', caseId)
        .execute();
      return rows.map((r) => r.document_name);
    },

    /** Everyone who changed something in these documents of the case. */
    async people(caseId: string, documents: readonly string[]): Promise<HistoryPerson[]> {
      if (documents.length === 0) return [];
      const rows = await db
        .selectFrom('document_changes')
        .select('user_id')
        .distinct()
        .where('case_id', '=', caseId)
        .where('document_name', 'in', [...documents])
        .execute();
      const ids = rows.map((r) => r.user_id!);
      const known = new Map((await users(ids)).map((u) => [u.id, u]));
      return ids.map((id) => known.get(id) ?? { id, name: '—', role: '' });
    },

    /**
     * The latest change of every goal (steps included) and perspective of a board, by goal or
     * perspective id; picked in JS, since only SQLite takes the other columns of MAX()'s row.
     */
    async latest(documentName: string): Promise<Latest[]> {
      const rows = await db
        .selectFrom('document_changes')
        .select(['item_kind', 'item_id', 'parent_id', 'user_id', 'last_at'])
        .where('document_name', '=', documentName)
        .where('item_kind', 'in', ['goal', 'step', 'perspective'])
        .orderBy('id')
        .execute();
      const latest = new Map<string, Latest>();
      for (const row of rows) {
        const kind = row.item_kind === 'perspective' ? 'perspective' : 'goal';
        const itemId = (row.item_kind === 'step' ? row.parent_id : row.item_id)!;
        const key = `${kind}\u0000${itemId}`;
        const before = latest.get(key);
        if (!before || row.last_at > before.at)
          latest.set(key, { kind, itemId, userId: row.user_id!, at: row.last_at });
      }
      return [...latest.values()].sort(
        (a, b) => compare(a.kind, b.kind) || compare(a.itemId ?? '', b.itemId ?? ''),
      );
    },

    /** Display names of users, for the latest changes on the board. */
    async names(ids: Iterable<string>): Promise<Map<string, string>> {
      return new Map((await users([...new Set(ids)])).map((u) => [u.id, u.name]));
    },
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type ChangeStore = ReturnType<typeof changeStore>;
