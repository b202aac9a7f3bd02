/**
 * The NEN 7513 access log: one row per read or change of client data (and per login), appended
 * only. Each row carries the hash of the row before it, so a removed, inserted or changed row
 * breaks the chain (see accessLog.ts). The triggers refuse UPDATE and DELETE through SQL; someone
 * with raw file access can drop them, which is what the hash chain is for.
 *
 * Exported as a plain SQL string so it can be appended to the migrations list.
 */
export const auditLogMigration = `
  CREATE TABLE access_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    case_id TEXT,
    user_id TEXT,
    on_behalf_of TEXT,
    role TEXT,
    address TEXT,
    user_agent TEXT,
    "authorization" TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('allowed', 'refused')),
    details TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX access_log_by_case ON access_log (case_id, at);
  CREATE INDEX access_log_by_user ON access_log (user_id, at);
  CREATE INDEX access_log_by_time ON access_log (at);
  CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
  BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only');
  END;
  CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
  BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only');
  END;
`;
