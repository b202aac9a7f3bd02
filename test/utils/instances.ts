import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { hashToken, newToken } from '../../server/auth/tokens.js';
import { openStorage } from '../../server/storage/storage.js';
import { freshPostgresSchema, testDatabaseUrl, testRedisUrl } from './services.js';
import { freePort, startServerProcess } from './serverProcess.js';
import type { ServerProcess } from './serverProcess.js';
import { startTcpProxy } from './tcpProxy.js';
import type { TcpProxy } from './tcpProxy.js';

/** A person with a session on the shared database: the cookie works on every instance. */
export interface Person {
  userId: string;
  professionalId: string;
  cookie: string;
  csrfToken: string;
}

/** One deployment: a PostgreSQL schema of its own, Redis behind a proxy a test can cut. */
export interface Deployment {
  databaseUrl: string;
  /** The one address people use (PUBLIC_URL of every instance): the browsers' Origin. */
  origin: string;
  redis: TcpProxy;
  env: NodeJS.ProcessEnv;
  /** Starts one more instance (its own data folder for its files, the shared database). */
  start(): Promise<Instance>;
  drop(): Promise<void>;
}

export interface Instance {
  process: ServerProcess;
  port: number;
  /** Where this instance listens (behind the balancer). */
  url: string;
}

/** Starts nothing yet: a fresh schema, a Redis proxy, and the variables every instance shares. */
export async function newDeployment(): Promise<Deployment> {
  const schema = freshPostgresSchema('instances');
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema.schema}`).finally(() => client.end());
  const url = new URL(testDatabaseUrl);
  url.searchParams.set('options', `-c search_path=${schema.schema}`);
  const redis = await startTcpProxy(testRedisUrl.replace(/^redis/, 'http'));
  const dirs: string[] = [];
  const key = () => randomBytes(32).toString('hex');
  const origin = 'http://wijkzorg.test';
  const env: NodeJS.ProcessEnv = {
    // One address for all, as behind a load balancer: a page may sync with any instance.
    PUBLIC_URL: origin,
    DATABASE_URL: url.toString(),
    REDIS_URL: redis.url.replace(/^http/, 'redis'),
    // This deployment's own channels: other test runs on the same Redis never hear it.
    REDIS_CHANNEL_PREFIX: `${schema.schema}:`,
    // The keys every instance of a deployment shares (README "Running several instances").
    AUDIT_KEY: key(),
    TWO_FACTOR_KEY: key(),
    SYNC_HEAD_CHECK_MS: '1000',
    SYNC_UNLOAD_AFTER_MS: '2000',
  };
  return {
    databaseUrl: url.toString(),
    origin,
    redis,
    env,
    async start() {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-instance-'));
      dirs.push(dataDir);
      const port = await freePort();
      const started = await startServerProcess(path.join(dataDir, 'data'), port, env);
      return { process: started, port, url: `http://127.0.0.1:${port}` };
    },
    async drop() {
      await redis.close();
      await schema.drop();
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes one case, its coordinator and `members` professionals with sessions into the
 * deployment's database (once the first instance migrated it). SQL of the test's own, so it
 * needs no service of the server.
 */
export async function seedDeployment(
  deployment: Deployment,
  members: number,
): Promise<{ caseId: string; coordinator: Person; members: Person[] }> {
  const storage = await openStorage({ databaseUrl: deployment.databaseUrl, dataDir: '' }, { migrate: false });
  const now = new Date().toISOString();
  const later = new Date(Date.now() + 12 * 3_600_000).toISOString();
  const caseId = 'case-instances';
  try {
    const person = async (n: number, role: 'coordinator' | 'professional'): Promise<Person> => {
      const professionalId = `prof-${n}`;
      const userId = `user-${n}`;
      const token = newToken();
      const csrfToken = newToken();
      await storage.db
        .insertInto('professionals')
        .values({ id: professionalId, name: `Tester ${n}`, role_title: 'Tester', domain: 'social' })
        .execute();
      await storage.db
        .insertInto('users')
        .values({
          id: userId,
          username: `tester-${n}`,
          display_name: `Tester ${n}`,
          role,
          professional_id: professionalId,
          created_at: now,
        })
        .execute();
      await storage.db
        .insertInto('sessions')
        .values({
          id_hash: hashToken(token),
          user_id: userId,
          csrf_token: csrfToken,
          created_at: now,
          expires_at: later,
          last_seen_at: now,
        })
        .execute();
      return { userId, professionalId, cookie: `vz_session=${token}`, csrfToken };
    };
    await storage.db.insertInto('districts').values({ id: 'd1', name: 'Testwijk' }).execute();
    await storage.db
      .insertInto('neighbourhoods')
      .values({ id: 'n1', district_id: 'd1', name: 'Testbuurt' })
      .execute();
    const coordinator = await person(0, 'coordinator');
    await storage.db
      .insertInto('cases')
      .values({
        id: caseId,
        client_name: 'Test Cliënt',
        neighbourhood_id: 'n1',
        coordinator_id: coordinator.professionalId,
        recovery_context: 'stroke',
        created_at: now,
      })
      .execute();
    const people: Person[] = [];
    for (let n = 1; n <= members; n++) {
      const member = await person(n, 'professional');
      await storage.db
        .insertInto('case_members')
        .values({
          case_id: caseId,
          professional_id: member.professionalId,
          case_role: 'test',
          access: 'write',
        })
        .execute();
      people.push(member);
    }
    return { caseId, coordinator, members: people };
  } finally {
    await storage.close();
  }
}

/**
 * The crash suite's fixture on PostgreSQL (what `seedDataDir` writes into SQLite): `cases` cases
 * with one member who may write, that member's account and a session. Migrates the schema first.
 */
export async function seedPostgres(
  databaseUrl: string,
  cases: number,
): Promise<{ caseIds: string[]; cookie: string }> {
  const storage = await openStorage({ databaseUrl, dataDir: '' });
  const now = new Date().toISOString();
  try {
    await storage.db.insertInto('districts').values({ id: 'd1', name: 'Testwijk' }).execute();
    await storage.db
      .insertInto('neighbourhoods')
      .values({ id: 'n1', district_id: 'd1', name: 'Testbuurt' })
      .execute();
    await storage.db
      .insertInto('professionals')
      .values({ id: 'prof-crash', name: 'Crash Tester', role_title: 'Tester', domain: 'social' })
      .execute();
    await storage.db
      .insertInto('users')
      .values({
        id: 'user-crash',
        username: 'crash-tester',
        display_name: 'Crash Tester',
        role: 'professional',
        professional_id: 'prof-crash',
        created_at: now,
      })
      .execute();
    const caseIds = Array.from({ length: cases }, (_, i) => `case-crash-${i}`);
    for (const id of caseIds) {
      await storage.db
        .insertInto('cases')
        .values({
          id,
          client_name: 'Test Cliënt',
          neighbourhood_id: 'n1',
          recovery_context: 'stroke',
          created_at: now,
        })
        .execute();
      await storage.db
        .insertInto('case_members')
        .values({ case_id: id, professional_id: 'prof-crash', case_role: 'test', access: 'write' })
        .execute();
    }
    const token = newToken();
    await storage.db
      .insertInto('sessions')
      .values({
        id_hash: hashToken(token),
        user_id: 'user-crash',
        csrf_token: newToken(),
        created_at: now,
        expires_at: new Date(Date.now() + 12 * 3_600_000).toISOString(),
        last_seen_at: now,
      })
      .execute();
    return { caseIds, cookie: `vz_session=${token}` };
  } finally {
    await storage.close();
  }
}
