/**
 * A case's life in SQL: registered at intake (the client's details, the reason 'other', the BSN
 * only when given), open, closed with a reason and a note, reopened; and the steps of that life
 * in `case_events` (who, when, why). SQLite cannot widen a CHECK in place, so `cases` is rebuilt
 * (migrations run with foreign keys off and are checked before they commit, db/database.ts);
 * its indexes go with the old table and are made again.
 *
 * Exported as a plain SQL string so it can be appended to the migrations list.
 */
export const caseLifecycleMigration = `
  CREATE TABLE cases_before_intake AS SELECT * FROM cases;
  DROP TABLE cases;
  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    client_name TEXT NOT NULL,
    birth_year INTEGER,
    neighbourhood_id TEXT NOT NULL REFERENCES neighbourhoods(id),
    coordinator_id TEXT REFERENCES professionals(id),
    recovery_context TEXT NOT NULL CHECK (recovery_context IN ('stroke', 'psychiatric', 'addiction', 'other')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TEXT NOT NULL,
    -- Intake: YYYY-MM-DD; cases from before intake have the birth year only.
    date_of_birth TEXT,
    address TEXT,
    phone TEXT,
    -- An ISO 639 code (nl, tr, ar, ti, …).
    preferred_language TEXT,
    reading_level TEXT CHECK (reading_level IN ('fluent', 'plain', 'low')),
    -- Nine digits that pass the elfproef, only when given; never in a list, a log line or the access log.
    bsn TEXT,
    registered_by TEXT REFERENCES users(id),
    -- Closed: read-only for everyone until reopened.
    closed_at TEXT,
    close_reason TEXT CHECK (close_reason IN ('goals-reached', 'moved-away', 'client-stopped', 'deceased', 'other')),
    closing_note TEXT,
    closed_by TEXT REFERENCES users(id),
    -- Whom the client calls once the support has ended (default: the coordinator).
    contact_after_id TEXT REFERENCES professionals(id),
    CHECK (status <> 'closed' OR closed_at IS NOT NULL)
  );
  INSERT INTO cases (id, client_name, birth_year, neighbourhood_id, coordinator_id, recovery_context, status,
                     created_at, closed_at)
    SELECT id, client_name, birth_year, neighbourhood_id, coordinator_id, recovery_context, status, created_at,
           CASE WHEN status = 'closed' THEN created_at END
    FROM cases_before_intake;
  DROP TABLE cases_before_intake;
  -- The indexes the old table had (dropped with it), and one for the possible-duplicate check.
  CREATE INDEX cases_by_coordinator ON cases (coordinator_id);
  CREATE INDEX cases_by_neighbourhood ON cases (neighbourhood_id, status);
  CREATE INDEX cases_by_birth_year ON cases (birth_year);
  CREATE TABLE case_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('registered', 'coordinator-transferred', 'closed', 'reopened')),
    user_id TEXT REFERENCES users(id),
    -- closed: the reason's code; reopened: the coordinator's words.
    reason TEXT,
    note TEXT,
    from_professional_id TEXT REFERENCES professionals(id),
    to_professional_id TEXT REFERENCES professionals(id)
  );
  CREATE INDEX case_events_by_case ON case_events (case_id, id);
  -- Who a notice is from (a colleague asking to be added to a case, a coordinator handing one over).
  ALTER TABLE notifications ADD COLUMN from_professional_id TEXT REFERENCES professionals(id);
`;
