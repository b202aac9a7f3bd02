/** Migration 4 (user_version 4): The caseload: each case's summary, the last visit, and notifications. */
export const caseloadMigration = `
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
  `;
