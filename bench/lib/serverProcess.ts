import { randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { isFromServer } from './ipc.js';
import type { FromServer, MemoryMessage, ToServer } from './ipc.js';

/**
 * `ours`: one instance on SQLite. `ours-3-instances`: three instances of ours on one PostgreSQL
 * schema and one Redis (README "Running several instances"). `reference`: @y/websocket-server.
 */
export type ServerKind = 'ours' | 'ours-3-instances' | 'reference';
export const serverKinds: readonly ServerKind[] = ['ours', 'ours-3-instances', 'reference'];

/** Memory and CPU of a server; for several instances the sum (event-loop delay: the worst). */
export interface ServerMemory extends MemoryMessage {
  /** Several instances: each one's own figures, in the order of `ports`. */
  perInstance?: MemoryMessage[];
}

export interface ServerProcess {
  kind: ServerKind;
  /** The first (or only) port. */
  port: number;
  /** Every port clients may use: one per instance. */
  ports: number[];
  /** What every client must send to be let in (a session cookie for ours). */
  headers: Record<string, string>;
  /**
   * Asks the server process(es) for their own memory figures (after a full GC unless `gc` is
   * false) and the CPU time used since the previous ask.
   */
  memory(gc?: boolean): Promise<ServerMemory>;
  /** Stops the server process(es) (gracefully, then by force), waits for them, cleans up. */
  stop(): Promise<void>;
}

/** Where PostgreSQL and Redis are for the several-instances kind (the tests' defaults). */
export const benchDatabaseUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
export const benchRedisUrl =
  process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Why the several-instances kind cannot run here (PostgreSQL or Redis unreachable), or null. */
export async function instancesUnavailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: benchDatabaseUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    return `PostgreSQL at ${benchDatabaseUrl.replace(/\/\/[^@]*@/, '//')}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
  const { hostname, port } = new URL(benchRedisUrl);
  const redis = await new Promise<string | null>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (problem: string | null) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(3_000, () => done('no answer'));
    socket.once('error', (error) => done(error.message));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) =>
      done(data.toString().startsWith('+PONG') ? null : `answered ${data.toString()}`),
    );
  });
  return redis === null ? null : `Redis at ${benchRedisUrl}: ${redis}`;
}

const serversDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'servers');

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

interface Child {
  port: number;
  headers: Record<string, string>;
  memory(gc?: boolean): Promise<MemoryMessage>;
  stop(): Promise<void>;
}

/** Every child started and not yet gone: killed should this process exit without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Forks one script of bench/servers (node --import tsx) and waits until it reports its port. */
async function startChild(script: string, label: string, extraEnv: NodeJS.ProcessEnv): Promise<Child> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  delete env.YPERSISTENCE;
  delete env.CALLBACK_URL;
  delete env.NODE_OPTIONS;
  const child: ChildProcess = fork(path.join(serversDir, `${script}.ts`), [], {
    // BENCH_CPU_PROFILE_DIR: each server process writes a V8 CPU profile there when it exits.
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      ...(process.env.BENCH_CPU_PROFILE_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`]
        : []),
    ],
    env,
    // The child's own output goes to our stderr: stdout carries only the result JSON.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  running.add(child);
  child.stdout?.on('data', (chunk: Buffer) => process.stderr.write(`[${label}] ${chunk.toString()}`));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${label}] ${chunk.toString()}`));

  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const next = (type: FromServer['type']) =>
    new Promise<FromServer>((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if (!isFromServer(message) || message.type !== type) return;
        cleanup();
        resolve(message);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`${label} server exited (code ${code}) while waiting for "${type}"`));
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const send = (message: ToServer) => child.send(message);

  let ready: FromServer;
  try {
    ready = await withTimeout(next('ready'), 60_000, `${label} server start`);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  if (ready.type !== 'ready') throw new Error('unexpected message');

  return {
    port: ready.port,
    headers: ready.headers,
    async memory(gc = true) {
      const answer = next('memory');
      send({ type: 'memory', gc });
      const message = await withTimeout(answer, 10_000, `${label} memory`);
      if (message.type !== 'memory') throw new Error('unexpected message');
      return message;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) send({ type: 'stop' });
      try {
        await withTimeout(exited, 8_000, `${label} stop`);
      } catch {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/**
 * Starts one server under test (or, for ours-3-instances, three) and waits for its port(s);
 * `env` goes to a single server's process (e.g. BENCH_UNLOAD_AFTER_MS for ours).
 */
export async function startServerProcess(
  kind: ServerKind,
  boards: number,
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  if (kind === 'ours-3-instances') return startInstances(kind, 3, boards);
  const child = await startChild(kind, kind, { ...env, BENCH_BOARDS: String(boards) });
  return { kind, ports: [child.port], ...child };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * `count` instances of ours on a PostgreSQL schema made for this run and a Redis channel prefix
 * of their own, with the same AUDIT_KEY and TWO_FACTOR_KEY: the first migrates and seeds, the
 * others start once it is up. `stop` stops them all and drops the schema.
 */
async function startInstances(kind: ServerKind, count: number, boards: number): Promise<ServerProcess> {
  const schema = `bench_${process.pid}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: benchDatabaseUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(benchDatabaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const key = () => randomBytes(32).toString('hex');
  const shared: NodeJS.ProcessEnv = {
    BENCH_BOARDS: String(boards),
    DATABASE_URL: url.toString(),
    REDIS_URL: benchRedisUrl,
    // This run's own channels: nobody else on the same Redis hears it.
    REDIS_CHANNEL_PREFIX: `${schema}:`,
    AUDIT_KEY: key(),
    TWO_FACTOR_KEY: key(),
  };
  const children: Child[] = [];
  // Each instance's own folder (DATA_DIR and its key files inside), removed here even if it was killed.
  const dirs: string[] = [];
  const stopAll = async () => {
    await Promise.all(children.map((child) => child.stop()));
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  };
  try {
    const start = (n: number) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-bench-instance-'));
      dirs.push(dir);
      return startChild('oursInstance', `${kind}#${n}`, {
        ...shared,
        BENCH_INSTANCE_DIR: dir,
        INSTANCE_NAME: `bench-${n}`,
        BENCH_SEED: n === 1 ? '1' : '0',
      });
    };
    children.push(await start(1)); // migrates the schema and seeds it
    for (let n = 2; n <= count; n++) children.push(await start(n));
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
  const ports = children.map((child) => child.port);
  return {
    kind,
    port: ports[0]!,
    ports,
    // The session lives in PostgreSQL: the first instance's cookie works on every instance.
    headers: children[0]!.headers,
    async memory(gc = true) {
      const each = await Promise.all(children.map((child) => child.memory(gc)));
      const sum = (pick: (m: MemoryMessage) => number) => round1(each.reduce((s, m) => s + pick(m), 0));
      const max = (pick: (m: MemoryMessage) => number) => Math.max(...each.map(pick));
      const afterGc = each.every((m) => m.heapUsedAfterGcMB !== null)
        ? sum((m) => m.heapUsedAfterGcMB!)
        : null;
      return {
        type: 'memory',
        rssMB: sum((m) => m.rssMB),
        heapUsedMB: sum((m) => m.heapUsedMB),
        heapUsedAfterGcMB: afterGc,
        eventLoopDelayP99Ms: max((m) => m.eventLoopDelayP99Ms),
        eventLoopDelayMaxMs: max((m) => m.eventLoopDelayMaxMs),
        cpuMs: Math.round(sum((m) => m.cpuMs)),
        perInstance: each,
      };
    },
    stop: stopAll,
  };
}
