import { auditListMigration, auditLogMigration } from '../audit/schema.js';
import { changeLogMigration } from '../history/schema.js';
import { caseLifecycleMigration } from '../cases/schema.js';
import { retentionMigration } from '../retention/schema.js';

/** Schema migrations, applied in order; the index + 1 is stored as SQLite's user_version. */
export const migrations: string[] = [
  `
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
  `,
  `
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
  `,
  auditLogMigration,
  `
  CREATE TABLE case_summaries (
    case_id TEXT PRIMARY KEY REFERENCES cases(id),
    signal_state TEXT CHECK (signal_state IN ('green', 'amber', 'red')),
    phase_by_domain TEXT NOT NULL,
    open_step_due_dates TEXT NOT NULL,
    stalled_goals INTEGER NOT NULL,
    open_goals INTEGER NOT NULL,
    owners TEXT NOT NULL,
    perspectives TEXT NOT NULL,
    escalations TEXT NOT NULL,
    has_signal_plan INTEGER NOT NULL,
    last_observation_at TEXT,
    next_meeting_at TEXT,
    last_change_at TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX case_summaries_by_state ON case_summaries (signal_state);
  CREATE INDEX case_summaries_by_change ON case_summaries (last_change_at);
  CREATE INDEX cases_by_coordinator ON cases (coordinator_id);
  CREATE INDEX case_members_by_professional ON case_members (professional_id);
  CREATE TABLE caseload_visits (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    previous_visit_at TEXT,
    visited_at TEXT NOT NULL
  );
  CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    case_id TEXT NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT
  );
  CREATE INDEX notifications_by_user ON notifications (user_id, created_at);
  `,
  `
  CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    neighbourhood_id TEXT NOT NULL REFERENCES neighbourhoods(id),
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    chair_id TEXT NOT NULL REFERENCES professionals(id),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'closed')),
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    closed_at TEXT
  );
  CREATE INDEX meetings_by_start ON meetings (starts_at);
  -- A professional (with an account) or a guest by name: the client or family when invited.
  CREATE TABLE meeting_attendees (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    id TEXT NOT NULL,
    professional_id TEXT REFERENCES professionals(id),
    guest_name TEXT,
    guest_relation TEXT CHECK (guest_relation IN ('client', 'family', 'other')),
    PRIMARY KEY (meeting_id, id),
    CHECK ((professional_id IS NULL) <> (guest_name IS NULL))
  );
  CREATE UNIQUE INDEX meeting_attendees_once ON meeting_attendees (meeting_id, professional_id);
  CREATE INDEX meeting_attendees_by_professional ON meeting_attendees (professional_id);
  CREATE TABLE meeting_agenda (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    case_id TEXT NOT NULL REFERENCES cases(id),
    added_by TEXT NOT NULL REFERENCES users(id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, case_id)
  );
  CREATE INDEX meeting_agenda_by_case ON meeting_agenda (case_id);
  -- Projection of the actions in the meeting documents, for "my actions" and the case board.
  CREATE TABLE meeting_actions (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    case_id TEXT NOT NULL REFERENCES cases(id),
    action_id TEXT NOT NULL,
    text TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    due_date TEXT NOT NULL,
    done INTEGER NOT NULL,
    goal_id TEXT,
    step_id TEXT,
    created_at TEXT,
    PRIMARY KEY (meeting_id, case_id, action_id)
  );
  CREATE INDEX meeting_actions_by_owner ON meeting_actions (owner_id, done);
  CREATE INDEX meeting_actions_by_case ON meeting_actions (case_id, done);
  -- A named version of a board, kept when a meeting that discussed it closes.
  CREATE TABLE board_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL REFERENCES cases(id),
    meeting_id TEXT REFERENCES meetings(id),
    name TEXT NOT NULL,
    state BLOB NOT NULL,
    snapshot BLOB NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX board_versions_by_case ON board_versions (case_id, created_at);
  CREATE TABLE meeting_case_tags (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    case_id TEXT NOT NULL REFERENCES cases(id),
    perspectives TEXT NOT NULL,
    PRIMARY KEY (meeting_id, case_id)
  );
  CREATE TABLE meeting_minutes (
    meeting_id TEXT PRIMARY KEY REFERENCES meetings(id),
    content TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  `
  -- Who sent each stored update (SPEC D4); null for the server's own edits and compacted states.
  ALTER TABLE document_updates ADD COLUMN user_id TEXT;
  `,
  changeLogMigration,
  `
  -- Versions are kept automatically too, not only at a meeting's close.
  ALTER TABLE board_versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'meeting'
    CHECK (kind IN ('meeting', 'auto', 'relapse'));
  `,
  `
  -- Consent belongs to the client (SPEC A7): how the client gave it, the day they gave it
  -- (given_at), its last day, and when it was recorded. Consents recorded before get a year.
  ALTER TABLE consents ADD COLUMN how TEXT CHECK (how IN ('spoken', 'written', 'app'));
  ALTER TABLE consents ADD COLUMN valid_until TEXT;
  ALTER TABLE consents ADD COLUMN recorded_at TEXT;
  UPDATE consents SET recorded_at = given_at, valid_until = date(given_at, '+12 months');
  -- One account per client, and at most one usable link per account: a new one revokes the old.
  CREATE UNIQUE INDEX users_one_client_account_per_case ON users (client_case_id)
    WHERE client_case_id IS NOT NULL;
  ALTER TABLE invitations ADD COLUMN revoked_at TEXT;
  CREATE INDEX invitations_by_user ON invitations (user_id);
  `,
  `
  -- Sign-in throttling by rate-limiter-flexible (RateLimiterSQLite's own table), in place of the
  -- hand-written counter.
  DROP TABLE login_failures;
  CREATE TABLE login_limits (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER);
  -- Browsers (the device cookie, hashed) that signed in to an account, and until when that
  -- browser may skip the second step; and hashed addresses an account recently signed in from.
  CREATE TABLE sign_in_devices (
    device_hash TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    signed_in_at TEXT NOT NULL,
    two_factor_until TEXT,
    PRIMARY KEY (device_hash, user_id)
  );
  CREATE TABLE sign_in_addresses (
    user_id TEXT NOT NULL REFERENCES users(id),
    address_hash TEXT NOT NULL,
    signed_in_at TEXT NOT NULL,
    PRIMARY KEY (user_id, address_hash)
  );
  -- Two-factor sign-in: the TOTP secret (encrypted), one being set up, the last time step used
  -- (a code works once), and one-time recovery codes (hashed).
  CREATE TABLE two_factor (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    secret TEXT,
    pending_secret TEXT,
    enabled_at TEXT,
    last_time_step INTEGER
  );
  CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT,
    PRIMARY KEY (user_id, code_hash)
  );
  -- A password that was right, waiting for the code of the second step (a few minutes).
  CREATE TABLE sign_in_challenges (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    expires_at TEXT NOT NULL
  );
  `,
  // Which clients a list read showed, for their 'who looked at my file' (server/audit/schema.ts).
  auditListMigration,
  `
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
  `,
  // Intake and a case's life: the client's details, closing and reopening (server/cases/schema.ts).
  caseLifecycleMigration,
  // Retention: parts of closed cases past their period, and parts erased (server/retention/schema.ts).
  retentionMigration,
  `
  -- Organisations are archived, never deleted: professionals keep the one they work for, and an
  -- archived one leaves the professional form's picker (SPEC PP12).
  ALTER TABLE organisations ADD COLUMN archived_at TEXT;
  `,
];
