import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../server/db/database.js';
import type { Db } from '../../../server/db/database.js';
import { openStorage } from '../../../server/storage/storage.js';
import type { Storage } from '../../../server/storage/storage.js';
import { freshPostgresSchema, postgresTestsEnabled, testDatabaseUrl } from '../../utils/services.js';

interface Column {
  table: string;
  column: string;
  notNull: boolean;
  primaryKey: boolean;
}

/** Every column of every table as SQLite has it after all its migrations. */
function sqliteColumns(db: Db): Column[] {
  return db
    .prepare<[], { table: string; column: string; notNull: number; pk: number; type: string }>(
      `SELECT m.name AS "table", c.name AS "column", c."notnull" AS "notNull", c.pk, c.type
       FROM sqlite_master m JOIN pragma_table_info(m.name) c
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'kysely_%'`,
    )
    .all()
    .filter((c) => !(c.table === 'document_updates' && c.column === 'id')) // SQLite's old row key
    .map((c) => {
      // SQLite keeps the old row key and makes (document_name, seq) a unique index (ST1 adoption).
      const adopted = c.table === 'document_updates' && ['document_name', 'seq'].includes(c.column);
      return {
        table: c.table,
        column: c.column,
        // A primary key column is never null; SQLite only says so for INTEGER ones.
        notNull: c.notNull === 1 || c.pk > 0 || adopted,
        primaryKey: c.pk > 0 || adopted,
      };
    });
}

async function postgresColumns(storage: Storage): Promise<Column[]> {
  const { rows } = await sql<{ table: string; column: string; nullable: string; pk: boolean }>`
    SELECT c.table_name AS "table", c.column_name AS "column", c.is_nullable AS nullable,
      EXISTS (SELECT 1 FROM information_schema.key_column_usage k
              JOIN information_schema.table_constraints t ON t.constraint_name = k.constraint_name
                AND t.table_schema = k.table_schema AND t.constraint_type = 'PRIMARY KEY'
              WHERE k.table_schema = c.table_schema AND k.table_name = c.table_name
                AND k.column_name = c.column_name) AS pk
    FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.table_name NOT LIKE 'kysely_%'`.execute(storage.db);
  return rows.map((c) => ({
    table: c.table,
    column: c.column,
    notNull: c.nullable === 'NO',
    primaryKey: c.pk,
  }));
}

const order = (columns: Column[]) =>
  [...columns].sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));

const postgres = await postgresTestsEnabled();

describe.skipIf(!postgres)('the schema on both engines (SPEC ST1)', () => {
  let dataDir: string;
  let db: Db;
  let sqlite: Storage;
  let pgStorage: Storage;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-parity-'));
    db = openDatabase(dataDir);
    sqlite = await openStorage({ databaseUrl: null, dataDir }, { sqliteConnection: db });
    const fresh = freshPostgresSchema('parity');
    drop = fresh.drop;
    pgStorage = await openStorage(
      { databaseUrl: testDatabaseUrl, dataDir: '' },
      { postgres: { schema: fresh.schema } },
    );
  });
  afterAll(async () => {
    await pgStorage?.close();
    await drop?.();
    await sqlite?.close();
    db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('PostgreSQL has every table and column SQLite has, with the same keys and the same NOT NULLs', async () => {
    expect(order(await postgresColumns(pgStorage))).toEqual(order(sqliteColumns(db)));
  });

  test('both have the indexes the caseload sorts and filters with (storage migration 0003)', async () => {
    const tables = ['cases', 'case_members', 'case_summaries'];
    const onSqlite = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'
         AND tbl_name IN (${tables.map((t) => `'${t}'`).join(', ')})`,
      )
      .all()
      .map((i) => i.name)
      .sort();
    const { rows } = await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename IN (${sql.join(tables)})
      AND indexname NOT LIKE '%_pkey'`.execute(pgStorage.db);
    expect(rows.map((i) => i.name).sort()).toEqual(onSqlite);
    expect(onSqlite).toEqual(
      expect.arrayContaining([
        'case_members_cases_of',
        'case_summaries_by_risk_validity',
        'case_summaries_by_scoring',
        'case_summaries_unscored',
        'cases_without_name_key',
      ]),
    );
    expect(onSqlite).not.toContain('case_members_by_professional');
  });

  test('both refuse to change or remove an access log entry', async () => {
    for (const storage of [sqlite, pgStorage]) {
      const entry = {
        at: '2026-12-01T10:00:00.000Z',
        event: 'sign-in',
        outcome: 'allowed' as const,
        prev_hash: '0',
        hash: '1',
      };
      const { id } = await storage.db
        .insertInto('access_log')
        .values(entry)
        .returning('id')
        .executeTakeFirstOrThrow();
      await expect(
        storage.db.updateTable('access_log').set({ event: 'nothing' }).where('id', '=', id).execute(),
      ).rejects.toThrow(/append-only/);
      await expect(storage.db.deleteFrom('access_log').where('id', '=', id).execute()).rejects.toThrow(
        /append-only/,
      );
      const kept = await storage.db.selectFrom('access_log').select('event').where('id', '=', id).execute();
      expect(kept).toEqual([{ event: 'sign-in' }]);
    }
    await expect(sql`TRUNCATE access_log CASCADE`.execute(pgStorage.db)).rejects.toThrow(/append-only/);
  });
});
