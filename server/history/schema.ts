/**
 * The change log of documents (SPEC H1): who changed which item of a board, and when. Rows are
 * coalesced per person, item, field and action over a window, so typing a sentence is one row
 * (H2). Ids and field names only, never content.
 */
export const changeLogMigration = `
  CREATE TABLE document_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_name TEXT NOT NULL,
    case_id TEXT,
    -- null: the server's own upkeep (defaults, repairs)
    user_id TEXT,
    item_kind TEXT NOT NULL,
    item_id TEXT,
    -- the goal of a step, so a goal's history includes its steps
    parent_id TEXT,
    field TEXT,
    action TEXT NOT NULL CHECK (action IN ('added', 'changed', 'removed')),
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX document_changes_by_document ON document_changes (document_name, last_at);
  CREATE INDEX document_changes_by_case ON document_changes (case_id, last_at);
`;
