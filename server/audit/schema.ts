/**
 * The NEN 7513 access log: one row per read or change of client data (and per login), appended
 * only. Each row carries the hash of the row before it, keyed with a key kept outside the
 * database (chain.ts), so a removed, inserted or changed row breaks the chain and nobody without
 * the key can recompute it; signed checkpoints outside the database show truncation
 * (checkpoints.ts). The triggers refuse UPDATE and DELETE through SQL; someone with raw file
 * access can drop them, which is what the chain, the checkpoints and verify's trigger check are for.
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

/**
 * Which clients a list read showed (the caseload, the case list, a meeting's agenda, the
 * notices): one row per case of an entry, so a client's "who looked at my file" finds it. The
 * ids are in the entry's details too (or their digest, for a long list), so the chain covers
 * them and verify() checks that this index says the same. Appended only, like the log.
 */
export const auditListMigration = `
  CREATE TABLE access_log_cases (
    entry_id INTEGER NOT NULL REFERENCES access_log(id),
    case_id TEXT NOT NULL,
    PRIMARY KEY (entry_id, case_id)
  ) WITHOUT ROWID;
  CREATE INDEX access_log_cases_by_case ON access_log_cases (case_id, entry_id);
  CREATE INDEX access_log_by_event ON access_log (event, id);
  CREATE TRIGGER access_log_cases_no_update BEFORE UPDATE ON access_log_cases
  BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only');
  END;
  CREATE TRIGGER access_log_cases_no_delete BEFORE DELETE ON access_log_cases
  BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only');
  END;
`;

/** The triggers that keep the log append-only; verify() reports any that is missing or changed. */
export const APPEND_ONLY_TRIGGERS = [
  { name: 'access_log_no_update', table: 'access_log' },
  { name: 'access_log_no_delete', table: 'access_log' },
  { name: 'access_log_cases_no_update', table: 'access_log_cases' },
  { name: 'access_log_cases_no_delete', table: 'access_log_cases' },
] as const;
