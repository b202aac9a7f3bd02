import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * What the collaboration-health aims read about clients' outcomes (SPEC CH6), without loading a
 * board: the summary row counts goals and achieved goals per life domain (JSON, like its phase per
 * domain; null until the board is projected again), and every rating a client gives of how it is
 * going keeps a row, so ratings can be followed over time (the board keeps the latest only). The
 * rows go with the social part when a case is erased (server/retention/erasure.ts). The same
 * statements on both engines.
 */
const statements = [
  'ALTER TABLE case_summaries ADD COLUMN goals_by_domain TEXT',
  `CREATE TABLE client_rating_log (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    domain TEXT NOT NULL CHECK (domain IN ('care', 'housing', 'income', 'work')),
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    rated_at TEXT NOT NULL
  )`,
  'CREATE INDEX client_rating_log_by_case ON client_rating_log (case_id, rated_at)',
];

/** SQLite's step in server/db/migrations.ts (its user_version counts it), as 0010 does. */
export const sqliteClientOutcomes = statements.map((s) => `${s};`).join('\n');

export const sqlite = {
  up: async (_db: Kysely<unknown>) => undefined,
};

export const postgres = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
