import { sql } from 'kysely';
import type { Data, Executor } from '../storage/data.js';
import type { RowWrite } from './store.js';

/** The key a change joins an open row by: document, person, item, field and action. */
const keyOf = (r: {
  document_name: string;
  user_id: string | null;
  item_kind: string;
  item_id: string | null;
  field: string | null;
  action: string;
}) => JSON.stringify([r.document_name, r.user_id, r.item_kind, r.item_id, r.field, r.action]);
const keyOfRow = (row: RowWrite) =>
  JSON.stringify([row.documentName, row.userId, row.kind, row.itemId, row.field, row.action]);

/** Adds a row's changes to what one stored row grows by (its last time the latest). */
function addTo(grown: Map<number, { id: number; row: RowWrite }>, id: number, row: RowWrite) {
  const known = grown.get(id);
  if (!known) grown.set(id, { id, row });
  else
    grown.set(id, {
      id,
      row: {
        ...known.row,
        delta: known.row.delta + row.delta,
        lastAt: row.lastAt > known.row.lastAt ? row.lastAt : known.row.lastAt,
      },
    });
}

// Rows of the same person, item, field and action still open (e.g. from before an unload, or
// written by another instance): every open row of the batch's documents, newest first.
const openRows = (trx: Executor, rows: readonly RowWrite[], openSince: string) =>
  trx
    .selectFrom('document_changes')
    .select(['id', 'document_name', 'user_id', 'item_kind', 'item_id', 'field', 'action', 'last_at'])
    .where('document_name', 'in', [...new Set(rows.map((r) => r.documentName))])
    .where('last_at', '>=', openSince)
    .orderBy('id', 'desc')
    .execute();

const insert = (trx: Executor, rows: readonly RowWrite[]) =>
  trx
    .insertInto('document_changes')
    .values(
      rows.map((row) => ({
        document_name: row.documentName,
        case_id: row.caseId,
        user_id: row.userId,
        item_kind: row.kind,
        item_id: row.itemId,
        parent_id: row.parentId,
        field: row.field,
        action: row.action,
        first_at: row.firstAt,
        last_at: row.lastAt,
        count: row.delta,
      })),
    )
    .returning('id')
    .execute();

// Every grown row in one statement: its new last time and its count plus what was added.
const grow = (trx: Executor, grown: readonly { id: number; row: RowWrite }[]) => {
  const when = (value: (row: RowWrite) => string | number) =>
    sql.join(
      grown.map(({ id, row }) => sql`WHEN id = ${id} THEN ${value(row)}`),
      sql` `,
    );
  return trx
    .updateTable('document_changes')
    .set({
      last_at: sql<string>`CASE ${when((row) => row.lastAt)} ELSE last_at END`,
      count: sql<number>`count + CASE ${when((row) => row.delta)} ELSE 0 END`,
    })
    .where(
      'id',
      'in',
      grown.map((g) => g.id),
    )
    .execute();
};

/**
 * Writes a batch of the change log in one transaction, in a few statements whatever its size; a
 * new row joins an open one of the same key written before (`openSince` back). Returns the id of
 * every row, in order.
 */
export function writeChanges(data: Data, rows: readonly RowWrite[], openSince: string): Promise<number[]> {
  return data.write(async (trx) => {
    if (rows.length === 0) return [];
    // Instances write the same documents' open rows: one at a time per document (no deadlock).
    await data.lock(
      trx,
      rows.map((row) => `document_changes:${row.documentName}`),
    );
    // A few statements per batch, whatever its size: find the open rows, add the new ones,
    // grow the rest. A row joins the newest open row of its key (one written before, or
    // earlier in this batch) whose last change is not older than `openSince`.
    type Target = { id: number } | { fresh: number };
    const newer = (a: Target, b: Target) =>
      'fresh' in a ? !('fresh' in b) || a.fresh > b.fresh : !('fresh' in b) && a.id > b.id;
    const open = new Map<string, { target: Target; lastAt: string }>();
    const note = (key: string, target: Target, lastAt: string) => {
      const known = open.get(key);
      if (!known || !newer(known.target, target)) open.set(key, { target, lastAt });
    };
    if (rows.some((row) => row.id === null))
      for (const r of await openRows(trx, rows, openSince)) note(keyOf(r), { id: r.id }, r.last_at);
    const fresh: number[] = [];
    const targets = rows.map((row, index): Target => {
      const key = keyOfRow(row);
      let target: Target;
      if (row.id !== null) target = { id: row.id };
      else {
        const known = open.get(key);
        if (known && known.lastAt >= openSince) target = known.target;
        else target = { fresh: fresh.push(index) - 1 };
      }
      note(key, target, row.lastAt);
      return target;
    });
    // Ids of one insert ascend in the order of its rows (RETURNING itself keeps no order on SQLite).
    const freshIds =
      fresh.length === 0
        ? []
        : (
            await insert(
              trx,
              fresh.map((i) => rows[i]!),
            )
          )
            .map((r) => r.id)
            .sort((a, b) => a - b);
    const ids = targets.map((t) => ('fresh' in t ? freshIds[t.fresh]! : t.id));
    const grown = new Map<number, { id: number; row: RowWrite }>();
    rows.forEach((row, i) => {
      const target = targets[i]!;
      if ('fresh' in target && fresh[target.fresh] === i) return; // inserted as it is
      addTo(grown, ids[i]!, row);
    });
    if (grown.size > 0) await grow(trx, [...grown.values()]);
    return ids;
  });
}
