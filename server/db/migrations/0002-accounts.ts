/** Migration 2 (user_version 2): Accounts, sessions, invitations, read-only membership and consents. */
export const accountsMigration = `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('professional', 'coordinator', 'client', 'admin')),
    professional_id TEXT UNIQUE REFERENCES professionals(id),
    client_case_id TEXT REFERENCES cases(id),
    password_hash TEXT,
    language TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
    created_at TEXT NOT NULL,
    disabled_at TEXT,
    CHECK ((role IN ('professional', 'coordinator')) = (professional_id IS NOT NULL)),
    CHECK ((role = 'client') = (client_case_id IS NOT NULL))
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE TABLE login_failures (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at TEXT NOT NULL
  );
  CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );
  ALTER TABLE case_members ADD COLUMN access TEXT NOT NULL DEFAULT 'write' CHECK (access IN ('write', 'read'));
  CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    compartment TEXT NOT NULL CHECK (compartment IN ('medical', 'social')),
    shared_with_domain TEXT CHECK (shared_with_domain IN ('medical', 'social')),
    shared_with_professional_id TEXT REFERENCES professionals(id),
    given_by TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users(id),
    given_at TEXT NOT NULL,
    withdrawn_at TEXT,
    withdrawn_recorded_by TEXT REFERENCES users(id),
    CHECK ((shared_with_domain IS NULL) <> (shared_with_professional_id IS NULL))
  );
  CREATE INDEX consents_by_case ON consents (case_id);
  `;
