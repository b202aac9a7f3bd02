import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Shared terms per district (SPEC GL1–GL4): a term, what it means to the medical and to the social
 * side, the meaning both agreed on, other forms as JSON text, and which terms relate (both ways, a
 * row each way). `term_key` is the term folded (case, accents, spacing), unique per district. The
 * same statements on both engines.
 */
const statements = [
  `CREATE TABLE glossary_terms (
    id TEXT PRIMARY KEY,
    district_id TEXT NOT NULL REFERENCES districts(id),
    term TEXT NOT NULL,
    term_key TEXT NOT NULL,
    variants TEXT NOT NULL,
    medical_meaning TEXT NOT NULL,
    social_meaning TEXT NOT NULL,
    shared_meaning TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (district_id, term_key)
  )`,
  `CREATE TABLE glossary_related (
    term_id TEXT NOT NULL REFERENCES glossary_terms(id) ON DELETE CASCADE,
    related_id TEXT NOT NULL REFERENCES glossary_terms(id) ON DELETE CASCADE,
    PRIMARY KEY (term_id, related_id)
  )`,
  'CREATE INDEX glossary_related_by_related ON glossary_related (related_id)',
];

/** SQLite's step in server/db/migrations.ts (its user_version counts it), as 0003 does. */
export const sqliteGlossary = statements.map((s) => `${s};`).join('\n');

export const sqlite = {
  up: async (_db: Kysely<unknown>) => undefined,
};

export const postgres = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
