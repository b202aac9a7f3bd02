import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Referral to a person (SPEC RF1–RF8): a referral of a case's client to one named professional,
 * its status (FHIR Task's codes) with the moments that delay is measured by, and every step of
 * the loop as a row of `referral_events`. The same statements on both engines. Also the social
 * map's district index in the order its pages are shown.
 */
const statuses = `'requested', 'accepted', 'rejected', 'in-progress', 'completed', 'cancelled', 'failed'`;
const statements = [
  `CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    goal_id TEXT,
    goal_title TEXT,
    from_professional_id TEXT NOT NULL REFERENCES professionals(id),
    to_professional_id TEXT NOT NULL REFERENCES professionals(id),
    service_id TEXT REFERENCES social_services(id),
    reason TEXT NOT NULL,
    question TEXT NOT NULL,
    urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'soon', 'urgent')),
    carries_compartment TEXT CHECK (carries_compartment IN ('medical', 'social')),
    consent_id TEXT,
    status TEXT NOT NULL CHECK (status IN (${statuses})),
    requested_at TEXT NOT NULL,
    accepted_at TEXT,
    first_contact_at TEXT,
    closed_at TEXT,
    created_by TEXT NOT NULL
  )`,
  'CREATE INDEX referrals_to ON referrals (to_professional_id, status)',
  'CREATE INDEX referrals_from ON referrals (from_professional_id, status)',
  'CREATE INDEX referrals_by_case ON referrals (case_id)',
  `CREATE TABLE referral_events (
    referral_id TEXT NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN (${statuses})),
    at TEXT NOT NULL,
    by_professional_id TEXT,
    reason TEXT,
    note TEXT NOT NULL,
    PRIMARY KEY (referral_id, seq)
  )`,
  // A notice about a referral names it: its receiver hears of it without being on the case.
  'ALTER TABLE notifications ADD COLUMN referral_id TEXT',
  // The social map's pages come out of the index in the order they are shown (peer-run first,
  // then by name), without a sort of every match (bench/socialMap.ts).
  'DROP INDEX social_services_by_district',
  'CREATE INDEX social_services_by_district ON social_services (district_id, status, peer_run DESC, name_key, id)',
];

/** SQLite's step in server/db/migrations.ts (its user_version counts it), as 0003 does. */
export const sqliteReferrals = statements.map((s) => `${s};`).join('\n');

export const sqlite = {
  up: async (_db: Kysely<unknown>) => undefined,
};

export const postgres = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
