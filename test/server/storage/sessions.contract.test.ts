import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSync } from 'otplib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deviceStore } from '../../../server/auth/devices.js';
import { secretBox } from '../../../server/auth/secretBox.js';
import { sessionStore } from '../../../server/auth/sessions.js';
import type { SessionOptions } from '../../../server/auth/sessions.js';
import { signInService } from '../../../server/auth/signIn.js';
import { loginThrottle } from '../../../server/auth/throttle.js';
import type { SignInAttempt } from '../../../server/auth/throttle.js';
import { twoFactorService } from '../../../server/auth/twoFactor.js';
import { openDatabase } from '../../../server/db/database.js';
import type { AccountService } from '../../../server/services/accounts.js';
import type { Data } from '../../../server/storage/data.js';
import { openStorage } from '../../../server/storage/storage.js';
import { freshPostgresSchema, postgresTestsEnabled, testDatabaseUrl } from '../../utils/services.js';

/**
 * Sessions and sign-in throttling are the same on SQLite and PostgreSQL, and shared between
 * instances: a session made through one server instance is known (and ended) through another,
 * and a failed sign-in counted by one counts for all (SPEC ST1, AS1–AS3). Every "instance" is a
 * data handle of its own on the same database: its own connection on SQLite, its own pool on
 * PostgreSQL.
 */

/** A database of its own per test, and how to open another instance on it. */
interface Place {
  open(): Promise<{ data: Data; close(): Promise<void> }>;
  drop(): Promise<void>;
}

const backends = [
  {
    name: 'SQLite',
    enabled: true,
    place(): Place {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-sessions-contract-'));
      return {
        // As the server opens it: the old layer's connection (its migrations) shared with the storage.
        async open() {
          const connection = openDatabase(dataDir);
          const storage = await openStorage({ databaseUrl: null, dataDir }, { sqliteConnection: connection });
          return {
            data: storage,
            close: async () => {
              await storage.close();
              connection.close();
            },
          };
        },
        drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    enabled: await postgresTestsEnabled(),
    place(): Place {
      const { schema, drop } = freshPostgresSchema('sessions');
      return {
        async open() {
          const storage = await openStorage(
            { databaseUrl: testDatabaseUrl, dataDir: '' },
            { postgres: { schema } },
          );
          return { data: storage, close: () => storage.close() };
        },
        drop,
      };
    },
  },
];

const t0 = Date.parse('2026-03-02T09:00:00.000Z');
const minutes = (m: number) => new Date(t0 + m * 60_000);
const options: SessionOptions = { idleMinutes: 30, maxHours: 2, twoFactorRoles: ['admin'] };

const stranger = (username = 'anna', address = '192.0.2.10'): SignInAttempt => ({
  username,
  address,
  knownDevice: null,
  knownAddress: false,
});

describe.each(backends)('sessions and sign-in throttling on $name', ({ enabled, place: makePlace }) => {
  const test = it.skipIf(!enabled);
  let place: Place;
  const opened: { close(): Promise<void> }[] = [];
  /** Another server instance on the same database. */
  const instance = async () => {
    const handle = await place.open();
    opened.push(handle);
    return handle.data;
  };
  /** An admin account (admins must use two-factor sign-in here); `twoFactor` switches it on. */
  const addAdmin = async (data: Data, id: string, { twoFactor = true } = {}) => {
    await data.db
      .insertInto('users')
      .values({
        id,
        username: id,
        display_name: `Admin ${id}`,
        role: 'admin',
        created_at: minutes(0).toISOString(),
      })
      .execute();
    if (twoFactor)
      await data.db
        .insertInto('two_factor')
        .values({ user_id: id, secret: 'sealed', enabled_at: minutes(0).toISOString(), last_time_step: null })
        .execute();
  };
  const sessionRows = async (data: Data) =>
    Number(
      (
        await data.db
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeEach(() => {
    place = makePlace();
  });
  afterEach(async () => {
    vi.useRealTimers();
    for (const handle of opened.splice(0)) await handle.close();
    await place.drop();
  });

  test('a session made through one instance is the same session through another', async () => {
    const [a, b] = [await instance(), await instance()];
    await addAdmin(a, 'beheer');
    const sessionsA = sessionStore(a, options);
    const sessionsB = sessionStore(b, options);

    const { token, csrfToken } = await sessionsA.create('beheer', minutes(0));
    const stored = JSON.stringify(await b.db.selectFrom('sessions').selectAll().execute());
    expect(stored).not.toContain(token);
    expect(stored).toContain(csrfToken); // the CSRF token lives in the session's row
    const seen = await sessionsB.get(token, minutes(1));
    expect(seen).toEqual({
      idHash: expect.any(String),
      csrfToken,
      limited: false,
      user: {
        id: 'beheer',
        username: 'beheer',
        displayName: 'Admin beheer',
        role: 'admin',
        professionalId: null,
        domain: null,
        clientCaseId: null,
        language: 'nl',
      },
    });
    expect(await sessionsA.isLive(seen!.idHash, minutes(1))).toBe(true);
    expect(await sessionsB.get('not-a-token')).toBeNull();
    expect(await sessionsB.get(undefined)).toBeNull();
  });

  test('without two-factor sign-in where the role requires it, the session is limited on every instance', async () => {
    const [a, b] = [await instance(), await instance()];
    await addAdmin(a, 'nieuw', { twoFactor: false });
    const { token } = await sessionStore(a, options).create('nieuw', minutes(0));
    const sessionsB = sessionStore(b, options);
    const session = await sessionsB.get(token, minutes(1));
    expect(session).toMatchObject({ limited: true, user: { twoFactorSetupRequired: true } });
    expect(await sessionsB.isLive(session!.idHash, minutes(1))).toBe(false);
  });

  test('idle too long or past its maximum age it ends for every instance, and its row goes', async () => {
    const [a, b] = [await instance(), await instance()];
    await addAdmin(a, 'beheer');
    const sessionsA = sessionStore(a, options);
    const sessionsB = sessionStore(b, options);

    const idle = await sessionsA.create('beheer', minutes(0));
    const busy = await sessionsA.create('beheer', minutes(0));
    // Used through A now and then: B sees it used (the last use is in the row, not in A's memory).
    for (const m of [20, 45, 70, 95, 115]) expect(await sessionsA.get(busy.token, minutes(m))).not.toBeNull();
    expect(await sessionsB.get(idle.token, minutes(31))).toBeNull();
    expect(await sessionsB.get(busy.token, minutes(116))).not.toBeNull();
    expect(await sessionRows(a)).toBe(1);
    expect(await sessionsB.get(busy.token, minutes(121))).toBeNull(); // past the 2 hours
    expect(await sessionRows(a)).toBe(0);
  });

  test('a touch through one instance keeps the session alive for another; isLive follows the rules', async () => {
    const [a, b] = [await instance(), await instance()];
    await addAdmin(a, 'beheer');
    const sessionsA = sessionStore(a, options);
    const sessionsB = sessionStore(b, options);
    const { token } = await sessionsA.create('beheer', minutes(0));
    const { idHash } = (await sessionsA.get(token, minutes(0)))!;

    await sessionsA.touch(idHash, minutes(25));
    expect(await sessionsB.isLive(idHash, minutes(50))).toBe(true);
    expect(await sessionsB.isLive(idHash, minutes(56))).toBe(false);
    expect(await sessionsB.isLive('unknown', minutes(1))).toBe(false);
  });

  test('ending all of a person’s sessions, or all but one, through one instance ends them for all', async () => {
    const [a, b] = [await instance(), await instance()];
    await addAdmin(a, 'beheer');
    await addAdmin(a, 'ander');
    const sessionsA = sessionStore(a, options);
    const sessionsB = sessionStore(b, options);
    const [one, two, three] = [
      await sessionsA.create('beheer'),
      await sessionsB.create('beheer'),
      await sessionsB.create('beheer'),
    ];
    const other = await sessionsA.create('ander');
    const kept = (await sessionsB.get(one.token))!;

    expect(await sessionsA.endOthersOf('beheer', kept.idHash)).toBe(2);
    expect(await sessionsB.get(two.token)).toBeNull();
    expect(await sessionsB.get(three.token)).toBeNull();
    expect(await sessionsB.get(one.token)).not.toBeNull();

    expect(await sessionsB.endAllOf('beheer')).toBe(1);
    expect(await sessionsA.get(one.token)).toBeNull();
    expect(await sessionsA.get(other.token)).not.toBeNull();
    expect(await sessionsA.endAllOf('beheer')).toBe(0);

    // Ending inside a caller's write (an account disabled with its sessions) takes the write's executor.
    expect(await a.write((trx) => sessionsA.endAllOf('ander', trx))).toBe(1);
    expect(await sessionsB.get(other.token)).toBeNull();
  });

  test('[AS2] failed sign-ins counted through one instance count for another', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t0);
    const [a, b] = [await instance(), await instance()];
    const throttleA = loginThrottle(a);
    const throttleB = loginThrottle(b);

    for (let i = 0; i < 10; i++) expect((await throttleA.password(stranger())).allowed).toBe(true);
    const refused = await throttleB.password(stranger());
    expect(refused.allowed ? 0 : refused.retryAfterSeconds).toBe(900);
    // Another address for the same account is not slowed, on either instance.
    expect((await throttleB.password(stranger('anna', '198.51.100.7'))).allowed).toBe(true);

    vi.setSystemTime(t0 + 15 * 60_000 + 1_000);
    const allowed = await throttleB.password(stranger());
    expect(allowed.allowed).toBe(true);
    // A success through B starts the consecutive count again for A too.
    if (allowed.allowed) await throttleB.succeeded(allowed.ticket);
    for (let i = 0; i < 10; i++) expect((await throttleA.password(stranger())).allowed).toBe(true);
    expect((await throttleB.password(stranger())).allowed).toBe(false);
  });

  test('[AS4] wrong codes of the second step counted through one instance count for another', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t0);
    const [a, b] = [await instance(), await instance()];
    const throttleA = loginThrottle(a);
    const throttleB = loginThrottle(b);
    for (let i = 0; i < 5; i++) expect((await throttleA.code('user-1')).allowed).toBe(true);
    const sixth = await throttleB.code('user-1');
    expect(sixth.allowed ? 0 : sixth.retryAfterSeconds).toBe(900);
    expect((await throttleB.code('user-2')).allowed).toBe(true);

    // Expired counters are cleared after a success, through the query builder on both engines.
    vi.setSystemTime(t0 + 2 * 86_400_000);
    const next = await throttleB.code('user-2');
    expect(next.allowed).toBe(true);
    if (next.allowed) await throttleB.succeeded(next.ticket);
    const left = await a.db.selectFrom('login_limits').select('key').orderBy('key').execute();
    expect(left.map((r) => r.key)).toEqual(['code-day:user-2']);
  });

  test('the second step (codes, remembered browsers, challenges) is kept for every instance', async () => {
    const [a, b] = [await instance(), await instance()];
    await addAdmin(a, 'beheer', { twoFactor: false });
    const box = secretBox(randomBytes(32));
    const [twoFactorA, twoFactorB] = [twoFactorService(a, box), twoFactorService(b, box)];
    const [devicesA, devicesB] = [deviceStore(a), deviceStore(b)];

    const { secret } = await twoFactorA.begin('beheer', 'beheer');
    expect(await twoFactorB.isEnabled('beheer')).toBe(false);
    const now = Date.now();
    const codes = await twoFactorB.confirm(
      'beheer',
      generateSync({ secret, epoch: Math.floor(now / 1000) }),
      now,
    );
    expect(codes).toHaveLength(10);
    expect(await twoFactorA.status('beheer')).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    // The code that confirmed it does not work again, on any instance; a recovery code works once.
    const later = now + 30_000;
    const code = generateSync({ secret, epoch: Math.floor(later / 1000) });
    expect(await twoFactorA.verify('beheer', code, later)).toBe('totp');
    expect(await twoFactorB.verify('beheer', code, later)).toBeNull();
    expect(await twoFactorB.verify('beheer', codes![0]!.toUpperCase())).toBe('recovery-code');
    expect(await twoFactorA.verify('beheer', codes![0]!)).toBeNull();
    expect((await twoFactorA.status('beheer')).recoveryCodesLeft).toBe(9);

    await devicesA.signedIn('browser-1', '192.0.2.10', 'beheer', true);
    await devicesA.signedIn('browser-2', '192.0.2.11', 'beheer', true);
    await devicesA.signedIn('browser-2', '192.0.2.11', 'beheer'); // a later sign-in keeps the remembering
    expect(await devicesB.knows('browser-1', 'beheer')).toBe(true);
    expect(await devicesB.knows('browser-3', 'beheer')).toBe(false);
    expect(await devicesB.knowsAddress('192.0.2.11', 'beheer')).toBe(true);
    expect(await devicesB.skipsSecondStep('browser-2', 'beheer')).toBe(true);
    await devicesB.forgetSecondStep('beheer', 'browser-1');
    expect(await devicesA.skipsSecondStep('browser-1', 'beheer')).toBe(true);
    expect(await devicesA.skipsSecondStep('browser-2', 'beheer')).toBe(false);

    // A right password through A waits for its code; the challenge is known through B.
    const accounts = { authenticate: async () => 'beheer' } as unknown as AccountService;
    const signIn = (data: Data, twoFactor: typeof twoFactorA, devices: typeof devicesA) =>
      signInService({ data, accounts, throttle: loginThrottle(data), devices, twoFactor });
    const [signInA, signInB] = [signIn(a, twoFactorA, devicesA), signIn(b, twoFactorB, devicesB)];
    const from = { address: '192.0.2.12', device: null };
    const outcome = await signInA.password('BEHEER', 'right', from);
    expect(outcome.kind).toBe('code');
    if (outcome.kind !== 'code') return;
    expect(await signInB.code(outcome.challenge, 'wrong')).toEqual({ kind: 'wrong', userId: 'beheer' });
    expect(await signInB.code(outcome.challenge, codes![1]!)).toEqual({
      kind: 'signed-in',
      userId: 'beheer',
      secondFactor: 'recovery-code',
    });
    expect(await signInA.code(outcome.challenge, codes![2]!)).toEqual({ kind: 'expired' });

    await twoFactorB.disable('beheer');
    expect(await twoFactorA.status('beheer')).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    expect(await b.db.selectFrom('recovery_codes').select('code_hash').execute()).toEqual([]);
  });
});
