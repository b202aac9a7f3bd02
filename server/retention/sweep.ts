import { sql } from 'kysely';
import type { Data, Executor } from '../storage/data.js';

interface Reference {
  tbl: string;
  col: string;
}

/** The tables whose foreign key points at `table`, and the column that does; read from the schema. */
async function referencesTo(data: Data, tx: Executor, table: string): Promise<Reference[]> {
  // Reading the schema is the one thing each engine says its own way.
  const query =
    data.engine === 'sqlite'
      ? sql<Reference>`SELECT m.name AS tbl, f."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND f."table" = ${table} ORDER BY m.name, f."from"`
      : sql<Reference>`SELECT k.table_name AS tbl, k.column_name AS col
         FROM information_schema.referential_constraints r
         JOIN information_schema.key_column_usage k
           ON k.constraint_name = r.constraint_name AND k.constraint_schema = r.constraint_schema
         JOIN information_schema.constraint_column_usage u
           ON u.constraint_name = r.unique_constraint_name AND u.constraint_schema = r.unique_constraint_schema
         WHERE u.table_name = ${table} AND k.table_schema = current_schema()
         ORDER BY k.table_name, k.column_name`;
  return (await query.execute(tx)).rows;
}

/** A foreign key refused the statement, on either engine. */
const isForeignKeyError = (error: unknown) => /foreign key/i.test(String(error));

/**
 * Deletes the rows of every table whose foreign key points at `id` of `table` (the case or the
 * client's account), found through the schema, so a table added later goes without being listed.
 * Returns how many rows went.
 */
export async function sweepReferences(
  data: Data,
  tx: Executor,
  table: 'cases' | 'users',
  id: string,
): Promise<number> {
  let pending = (await referencesTo(data, tx, table)).filter((r) => r.tbl !== table);
  let removed = 0;
  // A row another row still points at goes in a later pass, after what points at it. Each try
  // has a savepoint of its own: on PostgreSQL a refused statement spoils the whole transaction.
  for (let pass = 0; pending.length > 0 && pass < 5; pass++) {
    const failed: Reference[] = [];
    for (const r of pending) {
      await sql`SAVEPOINT erasure_sweep`.execute(tx);
      try {
        removed += Number(
          (await sql`DELETE FROM ${sql.table(r.tbl)} WHERE ${sql.ref(r.col)} = ${id}`.execute(tx))
            .numAffectedRows ?? 0,
        );
        await sql`RELEASE SAVEPOINT erasure_sweep`.execute(tx);
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT erasure_sweep`.execute(tx);
        await sql`RELEASE SAVEPOINT erasure_sweep`.execute(tx);
        if (!isForeignKeyError(error)) throw error;
        failed.push(r);
      }
    }
    pending = failed;
  }
  if (pending.length > 0)
    throw new Error(
      `erasure: rows of ${pending.map((r) => r.tbl).join(', ')} still point at the ${table} row`,
    );
  return removed;
}
