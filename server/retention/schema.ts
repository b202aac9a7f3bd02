/**
 * Retention (SPEC RT1–RT8): the parts of closed cases the daily check found past their period,
 * waiting for the admin's confirmation, and the parts already erased (so nothing serves or
 * recreates them). Both go with the case row when its last part is erased.
 *
 * Exported as a plain SQL string so it can be appended to the migrations list.
 */
export const retentionMigration = `
  CREATE TABLE retention_due (
    case_id TEXT NOT NULL REFERENCES cases(id),
    part TEXT NOT NULL CHECK (part IN ('social', 'medical')),
    due_since TEXT NOT NULL,
    found_at TEXT NOT NULL,
    PRIMARY KEY (case_id, part)
  );
  CREATE TABLE case_erasures (
    case_id TEXT NOT NULL REFERENCES cases(id),
    part TEXT NOT NULL CHECK (part IN ('social', 'medical')),
    erased_at TEXT NOT NULL,
    erased_by TEXT NOT NULL,
    PRIMARY KEY (case_id, part)
  );
`;
