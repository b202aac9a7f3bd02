/** PostgreSQL's tables of places, cases, people and signing in (see ../0002_relational.ts). */

export const places = [
  `CREATE TABLE districts (id TEXT PRIMARY KEY, name TEXT NOT NULL, archived_at TEXT)`,
  `CREATE TABLE neighbourhoods (
    id TEXT PRIMARY KEY,
    district_id TEXT NOT NULL REFERENCES districts(id),
    name TEXT NOT NULL,
    archived_at TEXT
  )`,
  `CREATE INDEX neighbourhoods_by_district ON neighbourhoods (district_id)`,
  `CREATE TABLE organisations (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, archived_at TEXT)`,
  `CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('primary-care', 'neighbourhood-team', 'volunteer-organisation', 'other')),
    neighbourhood_id TEXT REFERENCES neighbourhoods(id),
    archived_at TEXT
  )`,
  `CREATE INDEX teams_by_neighbourhood ON teams (neighbourhood_id)`,
  `CREATE TABLE professionals (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role_title TEXT NOT NULL,
    domain TEXT NOT NULL CHECK (domain IN ('medical', 'social')),
    team_id TEXT REFERENCES teams(id),
    organisation_id TEXT REFERENCES organisations(id),
    phone TEXT,
    email TEXT,
    -- "C": compared and ordered byte by byte, as SQLite's BINARY does (prefix ranges use the index).
    search_key TEXT COLLATE "C"
  )`,
  `CREATE INDEX professionals_by_key ON professionals (search_key, id)`,
  `CREATE INDEX professionals_by_team ON professionals (team_id, search_key)`,
  `CREATE INDEX professionals_without_key ON professionals (id) WHERE search_key IS NULL`,
  // A changed name, role or e-mail makes the search key stale; the server fills it again.
  `CREATE FUNCTION professionals_search_key_stale() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.search_key IS NOT DISTINCT FROM OLD.search_key AND (NEW.name IS DISTINCT FROM OLD.name
       OR NEW.role_title IS DISTINCT FROM OLD.role_title OR NEW.email IS DISTINCT FROM OLD.email) THEN
      NEW.search_key := NULL;
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER professionals_search_key_stale BEFORE UPDATE OF name, role_title, email ON professionals
    FOR EACH ROW EXECUTE FUNCTION professionals_search_key_stale()`,
];

export const cases = [
  `CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    client_name TEXT NOT NULL,
    birth_year INTEGER,
    neighbourhood_id TEXT NOT NULL REFERENCES neighbourhoods(id),
    coordinator_id TEXT REFERENCES professionals(id),
    recovery_context TEXT NOT NULL CHECK (recovery_context IN ('stroke', 'psychiatric', 'addiction', 'other')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TEXT NOT NULL,
    date_of_birth TEXT,
    address TEXT,
    phone TEXT,
    preferred_language TEXT,
    reading_level TEXT CHECK (reading_level IN ('fluent', 'plain', 'low')),
    bsn TEXT,
    registered_by TEXT,
    closed_at TEXT,
    close_reason TEXT CHECK (close_reason IN ('goals-reached', 'moved-away', 'client-stopped', 'deceased', 'other')),
    closing_note TEXT,
    closed_by TEXT,
    contact_after_id TEXT REFERENCES professionals(id),
    CHECK (status <> 'closed' OR closed_at IS NOT NULL)
  )`,
  `CREATE INDEX cases_by_coordinator ON cases (coordinator_id)`,
  `CREATE INDEX cases_by_neighbourhood ON cases (neighbourhood_id, status)`,
  `CREATE INDEX cases_by_birth_year ON cases (birth_year)`,
  `CREATE TABLE case_members (
    case_id TEXT NOT NULL REFERENCES cases(id),
    professional_id TEXT NOT NULL REFERENCES professionals(id),
    case_role TEXT NOT NULL,
    access TEXT NOT NULL DEFAULT 'write' CHECK (access IN ('write', 'read')),
    PRIMARY KEY (case_id, professional_id)
  )`,
  `CREATE INDEX case_members_by_professional ON case_members (professional_id)`,
];

export const people = [
  `CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
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
  )`,
  // SQLite has UNIQUE COLLATE NOCASE: one account per name whatever its capitals.
  `CREATE UNIQUE INDEX users_username ON users (lower(username))`,
  `CREATE UNIQUE INDEX users_one_client_account_per_case ON users (client_case_id) WHERE client_case_id IS NOT NULL`,
  `CREATE INDEX users_by_role ON users (role, lower(display_name))`,
  `ALTER TABLE cases ADD FOREIGN KEY (registered_by) REFERENCES users(id)`,
  `ALTER TABLE cases ADD FOREIGN KEY (closed_by) REFERENCES users(id)`,
  `CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
  )`,
  `CREATE INDEX sessions_by_user ON sessions (user_id)`,
  `CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    revoked_at TEXT
  )`,
  `CREATE INDEX invitations_by_user ON invitations (user_id)`,
  `CREATE TABLE consents (
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
    how TEXT CHECK (how IN ('spoken', 'written', 'app')),
    valid_until TEXT,
    recorded_at TEXT,
    CHECK ((shared_with_domain IS NULL) <> (shared_with_professional_id IS NULL))
  )`,
  `CREATE INDEX consents_by_case ON consents (case_id)`,
  `CREATE TABLE case_events (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('registered', 'coordinator-transferred', 'closed', 'reopened')),
    user_id TEXT REFERENCES users(id),
    reason TEXT,
    note TEXT,
    from_professional_id TEXT REFERENCES professionals(id),
    to_professional_id TEXT REFERENCES professionals(id)
  )`,
  `CREATE INDEX case_events_by_case ON case_events (case_id, id)`,
  `CREATE TABLE retention_due (
    case_id TEXT NOT NULL REFERENCES cases(id),
    part TEXT NOT NULL CHECK (part IN ('social', 'medical')),
    due_since TEXT NOT NULL,
    found_at TEXT NOT NULL,
    PRIMARY KEY (case_id, part)
  )`,
  `CREATE TABLE case_erasures (
    case_id TEXT NOT NULL REFERENCES cases(id),
    part TEXT NOT NULL CHECK (part IN ('social', 'medical')),
    erased_at TEXT NOT NULL,
    erased_by TEXT NOT NULL,
    PRIMARY KEY (case_id, part)
  )`,
];

export const signIn = [
  // rate-limiter-flexible's RateLimiterPostgres table (created here, so the limiter never does).
  `CREATE TABLE login_limits (key VARCHAR(255) PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire BIGINT)`,
  `CREATE TABLE sign_in_devices (
    device_hash TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    signed_in_at TEXT NOT NULL,
    two_factor_until TEXT,
    PRIMARY KEY (device_hash, user_id)
  )`,
  `CREATE TABLE sign_in_addresses (
    user_id TEXT NOT NULL REFERENCES users(id),
    address_hash TEXT NOT NULL,
    signed_in_at TEXT NOT NULL,
    PRIMARY KEY (user_id, address_hash)
  )`,
  `CREATE TABLE two_factor (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    secret TEXT,
    pending_secret TEXT,
    enabled_at TEXT,
    last_time_step BIGINT
  )`,
  `CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT,
    PRIMARY KEY (user_id, code_hash)
  )`,
  `CREATE TABLE sign_in_challenges (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    expires_at TEXT NOT NULL
  )`,
];
