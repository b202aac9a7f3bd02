import net from 'node:net';
import pg from 'pg';

/** Where the PostgreSQL and Redis of the tests live (the machines and CI run them there). */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const probeMs = 3_000;

async function postgresAnswers(): Promise<string | null> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: probeMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redisAnswers(): Promise<string | null> {
  const { hostname, port } = new URL(testRedisUrl);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (problem: string | null) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(probeMs, () => done('no answer'));
    socket.once('error', (error) => done(error.message));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG') ? null : `answered ${data}`));
  });
}

/**
 * A service the tests need: present, the tests run; missing on a developer's machine, they are
 * skipped with a message; missing in CI (CI=true), the run fails (as browserTestsEnabled does).
 */
function required(name: string, problem: string | null, howToStart: string): boolean {
  if (problem === null) return true;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but ${name} is not reachable (${problem}); ${howToStart}`);
  console.warn(`Skipping ${name} tests: ${name} is not reachable (${problem}); ${howToStart}`);
  return false;
}

let postgres: Promise<boolean> | undefined;
let redis: Promise<boolean> | undefined;

/** Whether the PostgreSQL tests run (await it at the top of a test file, for describe.skipIf). */
export function postgresTestsEnabled(): Promise<boolean> {
  postgres ??= postgresAnswers().then((problem) =>
    required(
      'PostgreSQL',
      problem,
      `start it at ${testDatabaseUrl.replace(/\/\/[^@]*@/, '//')} or set TEST_DATABASE_URL`,
    ),
  );
  return postgres;
}

/** Whether the Redis tests run. */
export function redisTestsEnabled(): Promise<boolean> {
  redis ??= redisAnswers().then((problem) =>
    required('Redis', problem, `start it at ${testRedisUrl} or set TEST_REDIS_URL`),
  );
  return redis;
}

/**
 * A schema of its own for one test run on the test database, dropped (with all in it) by `drop`,
 * so runs side by side never see each other's rows.
 */
export function freshPostgresSchema(prefix = 'test'): { schema: string; drop: () => Promise<void> } {
  const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  return {
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
