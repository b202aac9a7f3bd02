import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * The social map (sociale kaart, SPEC SM1–SM8): what organisations tell about themselves, their
 * services per district, the lists a search filters on (life domains, perspectives, neighbourhoods,
 * languages) as rows of `social_service_terms`, and the one-time links a contact person confirms a
 * service with. (Which services help with a goal is part of the board: `goal.services`.) The same statements on both engines:
 * text, integers 0/1 for flags, JSON as text for the opening hours and the location.
 */
const statements = [
  'ALTER TABLE organisations ADD COLUMN description TEXT',
  'ALTER TABLE organisations ADD COLUMN website TEXT',
  'ALTER TABLE organisations ADD COLUMN email TEXT',
  'ALTER TABLE organisations ADD COLUMN phone TEXT',
  `CREATE TABLE social_services (
    id TEXT PRIMARY KEY,
    district_id TEXT NOT NULL REFERENCES districts(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    for_whom TEXT NOT NULL,
    access TEXT NOT NULL CHECK (access IN ('walk-in', 'referral', 'appointment')),
    how_to_get_in TEXT NOT NULL,
    free INTEGER NOT NULL CHECK (free IN (0, 1)),
    cost_description TEXT NOT NULL,
    opening_hours TEXT NOT NULL,
    opening_note TEXT NOT NULL,
    location TEXT,
    contact_name TEXT NOT NULL,
    contact_role TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    peer_run INTEGER NOT NULL CHECK (peer_run IN (0, 1)),
    status TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
    search_key TEXT NOT NULL,
    name_key TEXT NOT NULL,
    last_confirmed_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  'CREATE INDEX social_services_by_district ON social_services (district_id, status, peer_run, name_key)',
  'CREATE INDEX social_services_by_organisation ON social_services (organisation_id)',
  `CREATE TABLE social_service_terms (
    service_id TEXT NOT NULL REFERENCES social_services(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('domain', 'perspective', 'neighbourhood', 'language')),
    value TEXT NOT NULL,
    PRIMARY KEY (service_id, kind, value)
  )`,
  'CREATE INDEX social_service_terms_by_value ON social_service_terms (kind, value, service_id)',
  `CREATE TABLE social_service_confirmations (
    token_hash TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES social_services(id) ON DELETE CASCADE,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  )`,
  'CREATE INDEX social_service_confirmations_by_service ON social_service_confirmations (service_id)',
];

/** SQLite's step in server/db/migrations.ts (its user_version counts it), as 0003 does. */
export const sqliteSocialMap = statements.map((s) => `${s};`).join('\n');

export const sqlite = {
  up: async (_db: Kysely<unknown>) => undefined,
};

export const postgres = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
