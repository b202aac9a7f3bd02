import { foldName } from '../../shared/search.js';
import type { Data } from '../storage/data.js';

/**
 * Folds the names of cases written without a key (a test's helper, a rename: a trigger clears the
 * key when only the name changes), before anything searches or orders on `client_name_key`.
 * Usually none, found through a partial index.
 */
export async function fillCaseNameKeys(data: Data): Promise<void> {
  const rows = await data.db
    .selectFrom('cases')
    .select(['id', 'client_name as clientName'])
    .where('client_name_key', 'is', null)
    .execute();
  if (rows.length === 0) return;
  await data.write(async (trx) => {
    for (const row of rows)
      await trx
        .updateTable('cases')
        .set({ client_name_key: foldName(row.clientName) })
        .where('id', '=', row.id)
        .where('client_name', '=', row.clientName)
        .execute();
  });
}
