import { Migrator, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Database } from '../schema.js';
import * as documentLog from './0001_document_log.js';
import * as relational from './0002_relational.js';
import * as caseloadOrder from './0003_caseload_order.js';
import * as socialMap from './0004_social_map.js';
import * as referrals from './0005_referrals.js';
import * as letters from './0007_letters.js';
import * as decisionTrees from './0008_decision_trees.js';
import * as glossary from './0009_glossary.js';
import * as collaborationHealth from './0010_collaboration_health.js';
import * as clientOutcomes from './0011_client_outcomes.js';

export type Engine = 'sqlite' | 'postgres';

/**
 * The storage migrations in order, each written once per engine (the SQL of the two differs in
 * types and in what SQLite must adopt from the older layer). Kysely's Migrator records them in
 * `kysely_migration`; PostgreSQL runs them in one transaction under the migrator's lock.
 */
const all: Record<string, Record<Engine, Migration>> = {
  '0001_document_log': documentLog,
  '0002_relational': relational,
  '0003_caseload_order': caseloadOrder,
  '0004_social_map': socialMap,
  '0005_referrals': referrals,
  '0007_letters': letters,
  '0008_decision_trees': decisionTrees,
  '0009_glossary': glossary,
  '0010_collaboration_health': collaborationHealth,
  '0011_client_outcomes': clientOutcomes,
};

/** The migrations of one engine, for Kysely's Migrator. */
export function migrationsFor(engine: Engine): MigrationProvider {
  return {
    getMigrations: async () =>
      Object.fromEntries(Object.entries(all).map(([name, byEngine]) => [name, byEngine[engine]])),
  };
}

/** Applies the pending storage migrations; the first error stops it and is thrown. */
export async function runMigrations(db: Kysely<Database>, engine: Engine): Promise<void> {
  // Named, or the Migrator takes another schema's kysely_migration on the same database for ours.
  const migrationTableSchema =
    engine === 'postgres'
      ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]!.schema
      : undefined;
  const migrator = new Migrator({ db, provider: migrationsFor(engine), migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'the migrator';
    throw new Error(`storage migration ${failed} failed on ${engine}: ${String(error)}`, { cause: error });
  }
}
