import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../server/db/database.js';
import { migrations } from '../../../server/db/migrations.js';

/** The migration of issue 12 (places and people), found by what it does. */
const placesMigration = migrations.findIndex((sql) => sql.includes('CREATE TABLE teams_rebuilt'));

/** A database as it was before places and people: a district, a team and a professional in it. */
function databaseBefore(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-migration-'));
  const db = new Database(databaseFile(dataDir));
  db.pragma('foreign_keys = ON');
  for (const [version, sql] of migrations.slice(0, placesMigration).entries()) {
    db.exec(sql);
    db.pragma(`user_version = ${version + 1}`);
  }
  db.exec(`
    INSERT INTO districts (id, name) VALUES ('d1', 'Wijk Oost');
    INSERT INTO neighbourhoods (id, district_id, name) VALUES ('n1', 'd1', 'Molenwijk');
    INSERT INTO teams (id, name, kind, neighbourhood_id) VALUES ('t1', 'Eerstelijnsteam', 'primary-care', 'n1');
    INSERT INTO teams (id, name, kind) VALUES ('t2', 'Team zonder buurt', 'other');
    INSERT INTO professionals (id, name, role_title, domain, team_id) VALUES ('p1', 'Özlem Yılmaz', 'Huisarts', 'medical', 't1');
  `);
  db.close();
  return dataDir;
}

describe('migrating a database from before places and people', () => {
  it('keeps every team and the professionals in them, and lets a team be a volunteer organisation', () => {
    expect(placesMigration).toBeGreaterThan(0);
    const db = openDatabase(databaseBefore());
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(
        db.prepare('SELECT id, kind, neighbourhood_id AS n, archived_at AS a FROM teams ORDER BY id').all(),
      ).toEqual([
        { id: 't1', kind: 'primary-care', n: 'n1', a: null },
        { id: 't2', kind: 'other', n: null, a: null },
      ]);
      db.prepare(
        "INSERT INTO teams (id, name, kind, neighbourhood_id) VALUES ('t3', 'De Brug', 'volunteer-organisation', 'n1')",
      ).run();
      expect(() =>
        db.prepare("INSERT INTO teams (id, name, kind) VALUES ('t4', 'Club', 'club')").run(),
      ).toThrow(/CHECK/);
      // The professional still points at its team, and foreign keys still hold both ways.
      expect(db.prepare("SELECT team_id AS teamId FROM professionals WHERE id = 'p1'").get()).toEqual({
        teamId: 't1',
      });
      expect(() => db.prepare("DELETE FROM teams WHERE id = 't1'").run()).toThrow(/FOREIGN KEY/);
      expect(() =>
        db
          .prepare(
            "INSERT INTO professionals (id, name, role_title, domain, team_id) VALUES ('p2', 'X', 'Y', 'social', 'nope')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('clears the search key of a professional whose name changes without it, so it is made again', () => {
    const db = openDatabase(databaseBefore());
    try {
      db.prepare("UPDATE professionals SET search_key = 'ozlem yilmaz' WHERE id = 'p1'").run();
      db.prepare("UPDATE professionals SET phone = '06-1' WHERE id = 'p1'").run();
      expect(db.prepare("SELECT search_key AS k FROM professionals WHERE id = 'p1'").get()).toEqual({
        k: 'ozlem yilmaz',
      });
      db.prepare("UPDATE professionals SET name = 'Özlem Demir' WHERE id = 'p1'").run();
      expect(db.prepare("SELECT search_key AS k FROM professionals WHERE id = 'p1'").get()).toEqual({
        k: null,
      });
    } finally {
      db.close();
    }
  });
});
