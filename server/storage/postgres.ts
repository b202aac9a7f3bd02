import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Backend } from './backend.js';
import type { Database } from './schema.js';
import { runMigrations } from './migrations/index.js';

/** The first key of the documents' advisory locks, so they never meet another use of them. */
const documentLockClass = 0x7665656c; // "veel"
const schemaLockClass = documentLockClass + 1;
/** The first key of the locks services take inside their writes (Data.lock). */
const rowLockClass = documentLockClass + 2;

const int8 = 20;
/** 64-bit integers (sequences, counts, ids) as numbers; one past 2^53 is refused, not rounded. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid !== int8 || format === 'binary') return pg.types.getTypeParser(oid, format);
    return (value: string) => {
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw new RangeError(`a 64-bit integer past 2^53: ${value}`);
      return n;
    };
  },
} as pg.CustomTypesConfig;

export interface PostgresOptions {
  /** A schema of its own (created when missing), e.g. one per test run; default the URL's search_path. */
  schema?: string;
  /** Connections per instance; default 10. */
  poolSize?: number;
}

const quoteIdent = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`schema name must be lower-case letters, digits and _: ${name}`);
  return name;
};

/**
 * PostgreSQL through a pool. A document's lock is a transaction-scoped advisory lock on a hash
 * of its name (pg_advisory_xact_lock), released by commit or rollback, also when the instance dies.
 */
export async function postgresBackend(databaseUrl: string, options: PostgresOptions = {}): Promise<Backend> {
  if (options.schema) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // CREATE SCHEMA IF NOT EXISTS races with itself: instances starting at once take turns.
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [schemaLockClass, options.schema]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // An idle connection that PostgreSQL drops (a restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

  const write = <T>(work: (trx: Kysely<Database>) => Promise<T>) => db.transaction().execute(work);
  return {
    engine: 'postgres',
    db,
    write,
    client: { engine: 'postgres', pool },
    async lock(trx, keys) {
      const distinct = [...new Set(keys)];
      if (distinct.length === 0) return;
      // One statement for all keys, taken in the order of their hashes (a Sort before the
      // locks), so two writers never hold each other's next lock.
      await sql`SELECT count(pg_advisory_xact_lock(${sql.lit(rowLockClass)}, h)) FROM (
        SELECT DISTINCT hashtext(k) AS h FROM unnest(${distinct}::text[]) AS k ORDER BY h
      ) AS sorted`.execute(trx);
    },
    locked: (name, work) =>
      write(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${sql.lit(documentLockClass)}, hashtext(${name}))`.execute(
          trx,
        );
        return work(trx);
      }),
    migrate: () => runMigrations(db, 'postgres'),
    close: () => db.destroy(),
  };
}
