import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Referral decision trees (SPEC DT1–DT5): a district's trees, each saved as numbered versions of
 * its content (JSON), never changed in place. The same statements on both engines.
 */
const statements = [
  `CREATE TABLE decision_trees (
    id TEXT PRIMARY KEY,
    district_id TEXT NOT NULL REFERENCES districts(id),
    created_at TEXT NOT NULL,
    archived_at TEXT
  )`,
  'CREATE INDEX decision_trees_by_district ON decision_trees (district_id)',
  `CREATE TABLE decision_tree_versions (
    tree_id TEXT NOT NULL REFERENCES decision_trees(id),
    version INTEGER NOT NULL,
    content TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    PRIMARY KEY (tree_id, version)
  )`,
];

/** SQLite's step in server/db/migrations.ts (its user_version counts it). */
export const sqliteDecisionTrees = statements.map((s) => `${s};`).join('\n');

export const sqlite = {
  up: async (_db: Kysely<unknown>) => undefined,
};

export const postgres = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
