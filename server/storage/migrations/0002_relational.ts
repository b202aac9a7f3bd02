import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { cases, people, places, signIn } from './0002_relational/people.js';
import { accessLog, work } from './0002_relational/records.js';

/**
 * People, places, cases, consents, sessions, sign-in, the access log, summaries, meetings,
 * history and retention: the relational tables of `tables.ts`.
 *
 * On SQLite they exist already: server/db/migrations.ts made them in the same file (its
 * user_version counts those steps), before the storage opens. This step records that baseline;
 * later changes to these tables are storage migrations written once per engine.
 */
export const sqlite = {
  up: async (_db: Kysely<unknown>) => undefined,
};

/**
 * The same tables on PostgreSQL, in the shape SQLite has after all of server/db/migrations.ts:
 * the same names, columns, checks, keys and indexes. Times stay ISO-8601 text written by the
 * server, so both engines sort and compare them alike; flags stay integers 0/1.
 */
export const postgres = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of [...places, ...cases, ...people, ...signIn, ...accessLog, ...work])
      await sql.raw(statement).execute(db);
  },
};
