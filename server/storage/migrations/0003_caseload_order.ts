import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * What the caseload sorts, filters and pages on in SQL (server/caseload/caseloadQuery.ts):
 * - `case_summaries.risk_score` and `risk_valid_until`: the risk as the projection scored it and
 *   the next moment time alone can change it (null: never). Rows written without a score are
 *   scored before a caseload reads them.
 * - `cases.client_name_key`: the folded client name (shared/search.ts), filled for rows written
 *   without one before a caseload reads them. A statement that changes the name but not the key
 *   clears the key (a trigger), so a renamed client is folded again instead of found by the old name.
 * PostgreSQL compares the key byte by byte (COLLATE "C"), as SQLite does, so both order alike.
 */
const indexes = [
  'CREATE INDEX case_summaries_by_risk_validity ON case_summaries (risk_valid_until)',
  'CREATE INDEX case_summaries_by_scoring ON case_summaries (updated_at)',
  'CREATE INDEX case_summaries_unscored ON case_summaries (case_id) WHERE risk_score IS NULL',
  'CREATE INDEX cases_without_name_key ON cases (id) WHERE client_name_key IS NULL',
  // A professional's cases from the index alone; it replaces the one on professional_id, which
  // led to each membership row first.
  'CREATE INDEX case_members_cases_of ON case_members (professional_id, case_id)',
  'DROP INDEX case_members_by_professional',
];

/**
 * On SQLite the relational tables exist only where server/db/migrations.ts made them, and it adds
 * these columns, indexes and trigger in the same file (`sqliteCaseloadOrder`), before the storage opens.
 */
export const sqlite = {
  up: async (_db: Kysely<unknown>) => undefined,
};

/** SQLite's step in server/db/migrations.ts (its user_version counts it). */
export const sqliteCaseloadOrder = `
  ALTER TABLE case_summaries ADD COLUMN risk_score INTEGER;
  ALTER TABLE case_summaries ADD COLUMN risk_valid_until TEXT;
  ALTER TABLE cases ADD COLUMN client_name_key TEXT;
  ${indexes.map((i) => `${i};`).join('\n  ')}
  CREATE TRIGGER cases_name_key_renamed AFTER UPDATE OF client_name ON cases
    WHEN NEW.client_name IS NOT OLD.client_name AND NEW.client_name_key IS OLD.client_name_key
    BEGIN UPDATE cases SET client_name_key = NULL WHERE id = NEW.id; END;
`;

export const postgres = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of [
      'ALTER TABLE case_summaries ADD COLUMN risk_score INTEGER',
      'ALTER TABLE case_summaries ADD COLUMN risk_valid_until TEXT',
      'ALTER TABLE cases ADD COLUMN client_name_key TEXT COLLATE "C"',
      ...indexes,
      `CREATE FUNCTION cases_name_key_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.client_name IS DISTINCT FROM OLD.client_name
          AND NEW.client_name_key IS NOT DISTINCT FROM OLD.client_name_key THEN
          NEW.client_name_key := NULL;
        END IF;
        RETURN NEW;
      END $$`,
      `CREATE TRIGGER cases_name_key_renamed BEFORE UPDATE OF client_name ON cases
        FOR EACH ROW EXECUTE FUNCTION cases_name_key_renamed()`,
    ])
      await sql.raw(statement).execute(db);
  },
};
