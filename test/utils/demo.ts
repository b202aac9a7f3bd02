import type { RunningServer } from '../../server/app.js';

/**
 * The id of a demo client's case, by the client's name. Demo case ids are random per database
 * (an id never says whose case it is), so tests look them up instead of writing them down.
 */
export function demoCaseId(server: Pick<RunningServer, 'db'>, clientName: string): string {
  const row = server.db
    .prepare<[string], { id: string }>('SELECT id FROM cases WHERE client_name = ?')
    .get(clientName);
  if (!row) throw new Error(`no demo case of ${clientName}`);
  return row.id;
}
