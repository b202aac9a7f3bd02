/** Migration 1 (user_version 1): Places, teams, professionals, cases and their members, and the stored document updates. */
export const placesMigration = `
  CREATE TABLE districts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
  );
  CREATE TABLE neighbourhoods (
    id TEXT PRIMARY KEY,
    district_id TEXT NOT NULL REFERENCES districts(id),
    name TEXT NOT NULL
  );
  CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL
  );
  CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('primary-care', 'neighbourhood-team', 'other')),
    neighbourhood_id TEXT REFERENCES neighbourhoods(id)
  );
  CREATE TABLE professionals (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role_title TEXT NOT NULL,
    domain TEXT NOT NULL CHECK (domain IN ('medical', 'social')),
    team_id TEXT REFERENCES teams(id),
    organisation_id TEXT REFERENCES organisations(id),
    phone TEXT,
    email TEXT
  );
  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    client_name TEXT NOT NULL,
    birth_year INTEGER,
    neighbourhood_id TEXT NOT NULL REFERENCES neighbourhoods(id),
    coordinator_id TEXT REFERENCES professionals(id),
    recovery_context TEXT NOT NULL CHECK (recovery_context IN ('stroke', 'psychiatric', 'addiction')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TEXT NOT NULL
  );
  CREATE TABLE case_members (
    case_id TEXT NOT NULL REFERENCES cases(id),
    professional_id TEXT NOT NULL REFERENCES professionals(id),
    case_role TEXT NOT NULL,
    PRIMARY KEY (case_id, professional_id)
  );
  CREATE TABLE document_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_name TEXT NOT NULL,
    data BLOB NOT NULL,
    stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  CREATE INDEX document_updates_by_name ON document_updates (document_name, id);
  `;
