/** Migration 12 (user_version 12): Places and people (issue 12): archiving, a wider team kind, and the professionals' search key. */
export const placesAndPeopleMigration = `
  -- Places and people (issue 12). Districts, neighbourhoods and teams are archived, never deleted
  -- while cases, teams or meetings refer to them; archived ones leave the pickers.
  ALTER TABLE districts ADD COLUMN archived_at TEXT;
  ALTER TABLE neighbourhoods ADD COLUMN archived_at TEXT;
  CREATE INDEX neighbourhoods_by_district ON neighbourhoods (district_id);
  CREATE INDEX cases_by_neighbourhood ON cases (neighbourhood_id, status);
  CREATE INDEX meetings_by_neighbourhood ON meetings (neighbourhood_id);
  -- A team may be a volunteer organisation: a wider CHECK means rebuilding the table (SQLite's
  -- way; the migration runs with foreign keys off and is checked before it commits).
  CREATE TABLE teams_rebuilt (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('primary-care', 'neighbourhood-team', 'volunteer-organisation', 'other')),
    neighbourhood_id TEXT REFERENCES neighbourhoods(id),
    archived_at TEXT
  );
  INSERT INTO teams_rebuilt (id, name, kind, neighbourhood_id) SELECT id, name, kind, neighbourhood_id FROM teams;
  DROP TABLE teams;
  ALTER TABLE teams_rebuilt RENAME TO teams;
  CREATE INDEX teams_by_neighbourhood ON teams (neighbourhood_id);
  -- 2,000 professionals are listed a page at a time in SQL: ordered and searched by a key the
  -- service writes (name, role title and e-mail folded by shared/search.ts). A change that does
  -- not write the key (a seed, a test) clears it, and the service fills it in again.
  ALTER TABLE professionals ADD COLUMN search_key TEXT;
  CREATE INDEX professionals_by_key ON professionals (search_key, id);
  CREATE INDEX professionals_by_team ON professionals (team_id, search_key);
  CREATE INDEX professionals_without_key ON professionals (id) WHERE search_key IS NULL;
  CREATE TRIGGER professionals_search_key_stale AFTER UPDATE OF name, role_title, email ON professionals
    WHEN NEW.search_key IS OLD.search_key AND (NEW.name IS NOT OLD.name
      OR NEW.role_title IS NOT OLD.role_title OR NEW.email IS NOT OLD.email)
  BEGIN
    UPDATE professionals SET search_key = NULL WHERE id = NEW.id;
  END;
  CREATE INDEX users_by_role ON users (role, display_name COLLATE NOCASE);
  `;
