import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('loadConfig', () => {
  it('starts with sensible defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      demoData: true,
      sync: {
        maxMessageBytes: 4 * 1024 * 1024,
        unloadAfterMs: 30_000,
        compactAfterUpdates: 500,
        hold: { maxUpdates: 5_000, maxBytes: 16 * 1024 * 1024, maxMs: 60_000 },
      },
      logLevel: 'info',
      publicUrl: 'http://localhost:3000',
      allowedOrigins: ['http://localhost:3000', 'http://localhost:5173'],
      session: { idleMinutes: 480, maxHours: 12, cookieSecure: false },
      accessRecheckMs: 2_000,
      initialAdmin: null,
      mail: { smtpUrl: null, from: 'Veelzijdig <noreply@veelzijdig.invalid>' },
      projectionDebounceMs: 1_000,
      versionEveryMs: 15 * 60_000,
      clientDir: path.resolve('dist/client'),
    });
  });

  it('mails notifications through SMTP_URL as MAIL_FROM, and projects PROJECTION_DEBOUNCE_MS after a change', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://zorg:geheim@mail.example.nl:465',
      MAIL_FROM: 'Wijkteam <wijkteam@example.nl>',
      PROJECTION_DEBOUNCE_MS: '50',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtps://zorg:geheim@mail.example.nl:465',
      from: 'Wijkteam <wijkteam@example.nl>',
    });
    expect(config.projectionDebounceMs).toBe(50);
  });

  it('reads every variable it is given', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '0.0.0.0',
      DATA_DIR: '/tmp/veelzijdig-data',
      SYNC_MAX_MESSAGE_BYTES: '65536',
      SYNC_UNLOAD_AFTER_MS: '50',
      SYNC_COMPACT_AFTER_UPDATES: '5',
      SYNC_HOLD_MAX_UPDATES: '50',
      SYNC_HOLD_MAX_BYTES: '2048',
      SYNC_HOLD_MAX_MS: '1500',
      LOG_LEVEL: 'silent',
    });
    expect(config).toMatchObject({
      env: 'test',
      port: 0,
      host: '0.0.0.0',
      dataDir: '/tmp/veelzijdig-data',
      sync: {
        maxMessageBytes: 65_536,
        unloadAfterMs: 50,
        compactAfterUpdates: 5,
        hold: { maxUpdates: 50, maxBytes: 2048, maxMs: 1500 },
      },
      logLevel: 'silent',
    });
  });

  const demo = [
    { env: {}, demoData: true, why: 'demo data is on in development' },
    { env: { NODE_ENV: 'production' }, demoData: false, why: 'production starts without demo data' },
    { env: { NODE_ENV: 'production', DEMO_DATA: 'true' }, demoData: true, why: 'production can ask for it' },
    { env: { DEMO_DATA: '0' }, demoData: false, why: 'development can switch it off' },
    { env: { DEMO_DATA: '1' }, demoData: true, why: '1 means on' },
  ];
  for (const { env, demoData, why } of demo) {
    it(why, () => {
      expect(loadConfig(env).demoData).toBe(demoData);
    });
  }

  const bad = [
    { name: 'PORT', value: 'abc' },
    { name: 'PORT', value: '70000' },
    { name: 'SYNC_MAX_MESSAGE_BYTES', value: '12' },
    { name: 'SYNC_UNLOAD_AFTER_MS', value: '-1' },
    { name: 'SYNC_COMPACT_AFTER_UPDATES', value: '1' },
    { name: 'LOG_LEVEL', value: 'loud' },
    { name: 'DEMO_DATA', value: 'yes' },
    { name: 'NODE_ENV', value: 'staging' },
    { name: 'PROJECTION_DEBOUNCE_MS', value: '-5' },
  ];
  for (const { name, value } of bad) {
    it(`refuses to start with ${name}=${value} and says which variable is wrong`, () => {
      let error: unknown;
      try {
        loadConfig({ [name]: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(new RegExp(`^${name}: `));
      expect((error as Error).message).toContain(JSON.stringify(value));
    });
  }

  const secrets = [
    { name: 'SMTP_URL', value: 'smpt://zorg:Geheim-Wachtwoord@mail.example.nl', secret: 'Geheim-Wachtwoord' },
    { name: 'INITIAL_ADMIN_PASSWORD', value: 'kort', secret: 'kort' },
  ];
  for (const { name, value, secret } of secrets) {
    it(`a wrong ${name} is named without echoing the password it holds into the logs`, () => {
      const env = { [name]: value, INITIAL_ADMIN_USERNAME: 'beheer' };
      expect(() => loadConfig(env)).toThrow(new RegExp(`^${name}: `));
      expect(() => loadConfig(env)).not.toThrow(secret);
    });
  }
});
