import { auditListMigration, auditLogMigration } from '../audit/schema.js';
import { changeLogMigration } from '../history/schema.js';
import { caseLifecycleMigration } from '../cases/schema.js';
import { retentionMigration } from '../retention/schema.js';
import { placesMigration } from './migrations/0001-places.js';
import { accountsMigration } from './migrations/0002-accounts.js';
import { caseloadMigration } from './migrations/0004-caseload.js';
import { meetingsMigration } from './migrations/0005-meetings.js';
import { signInMigration } from './migrations/0010-sign-in.js';
import { placesAndPeopleMigration } from './migrations/0012-places-and-people.js';
import { sqliteCaseloadOrder } from '../storage/migrations/0003_caseload_order.js';
import { sqliteSocialMap } from '../storage/migrations/0004_social_map.js';
import { sqliteReferrals } from '../storage/migrations/0005_referrals.js';
import { sqliteGlossary } from '../storage/migrations/0009_glossary.js';
import { sqliteLetters } from '../storage/migrations/0007_letters.js';
import { sqliteDecisionTrees } from '../storage/migrations/0008_decision_trees.js';
import { sqliteCollaborationHealth } from '../storage/migrations/0010_collaboration_health.js';
import { sqliteClientOutcomes } from '../storage/migrations/0011_client_outcomes.js';

/**
 * Schema migrations, applied in order; the index + 1 is stored as SQLite's user_version, so an
 * applied one is never edited or moved. The long ones live in ./migrations/NNNN-*.ts, NNNN being
 * that user_version.
 */
export const migrations: string[] = [
  placesMigration,
  accountsMigration,
  auditLogMigration,
  caseloadMigration,
  meetingsMigration,
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
  signInMigration,
  // Which clients a list read showed, for their 'who looked at my file' (server/audit/schema.ts).
  auditListMigration,
  placesAndPeopleMigration,
  // Intake and a case's life: the client's details, closing and reopening (server/cases/schema.ts).
  caseLifecycleMigration,
  // Retention: parts of closed cases past their period, and parts erased (server/retention/schema.ts).
  retentionMigration,
  `
  -- Organisations are archived, never deleted: professionals keep the one they work for, and an
  -- archived one leaves the professional form's picker (SPEC PP12).
  ALTER TABLE organisations ADD COLUMN archived_at TEXT;
  `,
  // The caseload sorts, filters and pages in SQL (server/storage/migrations/0003_caseload_order.ts).
  sqliteCaseloadOrder,
  // The social map: organisations' services per district (server/storage/migrations/0004_social_map.ts).
  sqliteSocialMap,
  // Referral to a person (server/storage/migrations/0005_referrals.ts).
  sqliteReferrals,
  // Standard letters (server/storage/migrations/0007_letters.ts).
  sqliteLetters,
  // Referral decision trees (server/storage/migrations/0008_decision_trees.ts).
  sqliteDecisionTrees,
  // Shared terms per district (server/storage/migrations/0009_glossary.ts).
  sqliteGlossary,
  // Collaboration health: scan rounds and answers (server/storage/migrations/0010_collaboration_health.ts).
  sqliteCollaborationHealth,
  // Goals per life domain in the summary and the clients' ratings over time (0011_client_outcomes.ts).
  sqliteClientOutcomes,
];
