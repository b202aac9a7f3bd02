import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

/** The tables of migration 0010_collaboration_health, as Kysely sees them. */
export type HealthTables = {
  health_rounds: {
    id: string;
    district_id: string;
    neighbourhood_id: string | null;
    title: string;
    opened_at: string;
    opened_by: string;
    closes_on: string;
    status: 'open' | 'closed';
    closed_at: string | null;
  };
  health_responses: {
    round_id: string;
    professional_id: string;
    side: 'medical' | 'social';
    updated_at: string;
  };
  health_answers: { round_id: string; professional_id: string; statement_id: string; score: number };
  health_comments: { round_id: string; professional_id: string; condition_id: string; text: string };
};

export type HealthDb = Kysely<Database & HealthTables>;

/** The database with the health tables in its type (they are not in the shared schema file). */
export const healthDb = (db: Kysely<Database>): HealthDb => db.withTables<HealthTables>();
