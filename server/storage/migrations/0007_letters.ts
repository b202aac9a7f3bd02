import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Standard letters (SPEC LT1–LT4): a district's letter templates, and the letter a referral was
 * sent with (its text as sent, and the template it started from). The same statements on both engines.
 */
const statements = [
  `CREATE TABLE letter_templates (
    id TEXT PRIMARY KEY,
    district_id TEXT NOT NULL REFERENCES districts(id),
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    from_side TEXT NOT NULL CHECK (from_side IN ('medical', 'social', 'any')),
    to_side TEXT NOT NULL CHECK (to_side IN ('medical', 'social', 'any')),
    body TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    archived_at TEXT
  )`,
  'CREATE INDEX letter_templates_by_district ON letter_templates (district_id, archived_at)',
  'ALTER TABLE referrals ADD COLUMN letter TEXT',
  'ALTER TABLE referrals ADD COLUMN letter_template_id TEXT REFERENCES letter_templates(id)',
];

/** SQLite's step in server/db/migrations.ts (its user_version counts it). */
export const sqliteLetters = statements.map((s) => `${s};`).join('\n');

export const sqlite = {
  up: async (_db: Kysely<unknown>) => undefined,
};

export const postgres = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
