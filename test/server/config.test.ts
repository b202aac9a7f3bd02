import os from 'node:os';
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
      storage: { databaseUrl: null, dataDir: path.resolve('./data') },
      instances: {
        redisUrl: null,
        channelPrefix: 'vz:',
        name: `${os.hostname()}:3000`,
        gapWaitMs: 200,
        checkEveryMs: 2_000,
      },
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
      consent: { defaultMonths: 12, maxMonths: 24 },
      socialMap: { staleDays: 180, linkDays: 14 },
      referrals: { waitWorkingDays: 5 },
      health: { minGroup: 5 },
      retention: { medicalYears: 20, socialYears: 7, checkEveryMs: 24 * 3600 * 1000 },
      audit: {
        key: null,
        keyFile: path.resolve('keys/audit.key'),
        checkpointFile: path.resolve('keys/data-audit-checkpoints.jsonl'),
        checkpointEveryMs: 5 * 60_000,
      },
      trustProxy: false,
      twoFactor: { required: false, key: null, keyFile: path.resolve('keys/two-factor.key') },
      versionEveryMs: 15 * 60_000,
      clientDir: path.resolve('dist/client'),
    });
  });

  it('[A7] a consent lasts CONSENT_DEFAULT_MONTHS by default, CONSENT_MAX_MONTHS at most', () => {
    expect(loadConfig({ CONSENT_DEFAULT_MONTHS: '6', CONSENT_MAX_MONTHS: '12' }).consent).toEqual({
      defaultMonths: 6,
      maxMonths: 12,
    });
    expect(() => loadConfig({ CONSENT_DEFAULT_MONTHS: '13', CONSENT_MAX_MONTHS: '12' })).toThrow(
      /^CONSENT_DEFAULT_MONTHS: /,
    );
    expect(() => loadConfig({ CONSENT_MAX_MONTHS: '0' })).toThrow(/^CONSENT_MAX_MONTHS: /);
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
  it('[A6] keeps the access log key and checkpoints outside the data folder, or takes the key itself', () => {
    const config = loadConfig({
      DATA_DIR: '/srv/veelzijdig/data',
      AUDIT_KEY: 'AB'.repeat(32),
      AUDIT_CHECKPOINT_MINUTES: '1',
    });
    expect(config.audit).toEqual({
      key: 'ab'.repeat(32),
      keyFile: '/srv/veelzijdig/keys/audit.key',
      checkpointFile: '/srv/veelzijdig/keys/data-audit-checkpoints.jsonl',
      checkpointEveryMs: 60_000,
    });
    expect(
      loadConfig({ AUDIT_KEY_FILE: '/etc/veelzijdig/audit.key', AUDIT_CHECKPOINT_FILE: '/var/log/vz.jsonl' })
        .audit,
    ).toMatchObject({ keyFile: '/etc/veelzijdig/audit.key', checkpointFile: '/var/log/vz.jsonl' });
    expect(() => loadConfig({ DATA_DIR: '/srv/data', AUDIT_KEY_FILE: '/srv/data/keys/audit.key' })).toThrow(
      /^AUDIT_KEY_FILE: must lie outside DATA_DIR/,
    );
    expect(() => loadConfig({ DATA_DIR: '/srv/data', AUDIT_CHECKPOINT_FILE: '/srv/data/cp.jsonl' })).toThrow(
      /^AUDIT_CHECKPOINT_FILE: must lie outside DATA_DIR/,
    );
    // A bad key is named, never echoed.
    expect(() => loadConfig({ AUDIT_KEY: 'geheim' })).toThrow(
      'AUDIT_KEY: must be 64 hex characters (32 bytes), e.g. from `openssl rand -hex 32` (got a value that is not shown)',
    );
  });
});

describe('REQUIRE_2FA (SPEC AS7)', () => {
  const required = (env: Record<string, string>) => loadConfig(env).twoFactor.required;
  it('is on in production, off with demo data, in development and in tests, and can be set', () => {
    expect(required({ NODE_ENV: 'production' })).toBe(true);
    expect(required({ NODE_ENV: 'production', DEMO_DATA: 'true' })).toBe(false);
    expect(required({ NODE_ENV: 'development' })).toBe(false);
    expect(required({ NODE_ENV: 'test' })).toBe(false);
    expect(required({ NODE_ENV: 'production', REQUIRE_2FA: 'false' })).toBe(false);
    expect(required({ NODE_ENV: 'development', REQUIRE_2FA: 'true' })).toBe(true);
  });

  it('refuses a bad value or key and names the variable, never echoing a key', () => {
    expect(() => loadConfig({ REQUIRE_2FA: 'ja' })).toThrow(/^REQUIRE_2FA: /);
    expect(() => loadConfig({ TWO_FACTOR_KEY: 'abc123' })).toThrow(
      'TWO_FACTOR_KEY: must be 64 hexadecimal digits (32 bytes) (got a value that is not shown)',
    );
  });

  it('[SI1] several instances: REDIS_URL with DATABASE_URL, their timings and names; REDIS_URL alone is refused', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://vz:geheim@db.example.nl:5432/veelzijdig',
      REDIS_URL: 'redis://:geheim@redis.example.nl:6379',
      REDIS_CHANNEL_PREFIX: 'wijk-oost:',
      INSTANCE_NAME: 'app-2',
      SYNC_GAP_WAIT_MS: '50',
      SYNC_HEAD_CHECK_MS: '500',
    });
    expect(config.instances).toEqual({
      redisUrl: 'redis://:geheim@redis.example.nl:6379',
      channelPrefix: 'wijk-oost:',
      name: 'app-2',
      gapWaitMs: 50,
      checkEveryMs: 500,
    });
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/^REDIS_URL: .*DATABASE_URL/);
    // It may hold a password: named, never shown.
    expect(() => loadConfig({ REDIS_URL: 'http://:geheim@x' })).toThrow(
      'REDIS_URL: must be redis://host:port (got a value that is not shown)',
    );
  });
});
