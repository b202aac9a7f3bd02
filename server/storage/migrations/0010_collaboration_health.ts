import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Collaboration health (SPEC CH1–CH8): scan rounds per neighbourhood or district, and each
 * professional's answers to a round's statements (1–5), a comment per condition, with the side
 * (medical or social) they worked on when they answered, so results compare the two sides.
 * Answers name their author only so that person can see and change them; no route shows them
 * to anyone else. The same statements on both engines.
 */
const statements = [
  `CREATE TABLE health_rounds (
    id TEXT PRIMARY KEY,
    district_id TEXT NOT NULL REFERENCES districts(id),
    neighbourhood_id TEXT REFERENCES neighbourhoods(id),
    title TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    closed_at TEXT
  )`,
  'CREATE INDEX health_rounds_by_district ON health_rounds (district_id, opened_at)',
  `CREATE TABLE health_responses (
    round_id TEXT NOT NULL REFERENCES health_rounds(id),
    professional_id TEXT NOT NULL REFERENCES professionals(id),
    side TEXT NOT NULL CHECK (side IN ('medical', 'social')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (round_id, professional_id)
  )`,
  `CREATE TABLE health_answers (
    round_id TEXT NOT NULL,
    professional_id TEXT NOT NULL,
    statement_id TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (round_id, professional_id, statement_id),
    FOREIGN KEY (round_id, professional_id)
      REFERENCES health_responses(round_id, professional_id) ON DELETE CASCADE
  )`,
  `CREATE TABLE health_comments (
    round_id TEXT NOT NULL,
    professional_id TEXT NOT NULL,
    condition_id TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (round_id, professional_id, condition_id),
    FOREIGN KEY (round_id, professional_id)
      REFERENCES health_responses(round_id, professional_id) ON DELETE CASCADE
  )`,
];

/** SQLite's step in server/db/migrations.ts (its user_version counts it), as 0009 does. */
export const sqliteCollaborationHealth = statements.map((s) => `${s};`).join('\n');

export const sqlite = {
  up: async (_db: Kysely<unknown>) => undefined,
};

export const postgres = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
