/** Migration 5 (user_version 5): Case meetings: attendees, agenda, projected actions, board versions, tags and minutes. */
export const meetingsMigration = `
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
  `;
