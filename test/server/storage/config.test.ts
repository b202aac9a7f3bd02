import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';

const storageConfig = (env: NodeJS.ProcessEnv, dataDir: string) =>
  loadConfig({ ...env, DATA_DIR: dataDir }).storage;

describe('choosing the storage from DATABASE_URL', () => {
  it('[ST1] without DATABASE_URL the storage is SQLite in the data directory', () => {
    expect(storageConfig({}, '/srv/data')).toEqual({ databaseUrl: null, dataDir: '/srv/data' });
    expect(storageConfig({ DATABASE_URL: ' ' }, '/srv/data').databaseUrl).toBeNull();
  });

  it('[ST1] a postgres:// URL chooses PostgreSQL', () => {
    for (const url of [
      'postgres://veelzijdig:geheim@db.internal:5432/veelzijdig',
      'postgresql://db/veelzijdig',
    ])
      expect(storageConfig({ DATABASE_URL: url }, '/srv/data').databaseUrl).toBe(url);
  });

  it('[ST1] a bad DATABASE_URL stops the start with its name, never its value', () => {
    for (const url of ['mysql://u:geheim@db/x', 'postgres://u:geheim@db', 'geheim']) {
      expect(() => storageConfig({ DATABASE_URL: url }, '/srv/data')).toThrow(/^DATABASE_URL: /);
      expect(() => storageConfig({ DATABASE_URL: url }, '/srv/data')).not.toThrow(/geheim/);
    }
  });
});
