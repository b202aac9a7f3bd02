/**
 * Sync benchmark: edit-to-everyone latency (p50/p99) and server memory for our sync server
 * (validation and persistence on) against the reference `@y/websocket-server` 0.1.1, on the same
 * load in the same run. Ours runs twice: one instance on SQLite (`ours`), and three instances on
 * one PostgreSQL and Redis (`ours-3-instances`, the clients of every board spread over the three
 * round-robin, so edits cross instances; memory and CPU are the three summed). For many boards
 * the three instances run once more with each board's clients on one instance chosen by a hash of
 * its path (`ours-3-instances-by-document`), as the README's nginx configuration routes them: the
 * deployment as documented, next to the worst case. Each server runs
 * alone in its own child process(es); this process only generates the load with real
 * y-websocket providers. Prints one JSON object on stdout; progress goes to stderr.
 *
 *   npm run bench
 *
 * Env, for a shorter run: BENCH_SERVERS (comma-separated kinds, default all three),
 * BENCH_SCENARIOS (comma-separated scenario names), BENCH_MEASURE_MS and BENCH_WARMUP_MS;
 * BENCH_CPU_PROFILE_DIR=<folder> makes every server process write a V8 CPU profile there.
 * PostgreSQL and Redis: TEST_DATABASE_URL / TEST_REDIS_URL (or BENCH_DATABASE_URL /
 * BENCH_REDIS_URL), defaults as the tests'; a schema of its own is made and dropped. When they
 * are unreachable the three-instance kind is skipped with a note (under CI=true the run fails).
 */
import os from 'node:os';
import { runScenario } from './lib/scenario.js';
import type { ScenarioResult, ScenarioSpec } from './lib/scenario.js';
import { instancesUnavailable, serverKinds, startServerProcess } from './lib/serverProcess.js';
import type { ServerKind, ServerProcess } from './lib/serverProcess.js';
import { wholeNumberFromEnv } from './lib/env.js';
import { machineInfo } from './lib/machine.js';

const log = (message: string) => process.stderr.write(`${message}\n`);

const measureMs = wholeNumberFromEnv('BENCH_MEASURE_MS', 15_000);
const warmupMs = wholeNumberFromEnv('BENCH_WARMUP_MS', 3_000);

const allScenarios: Record<string, ScenarioSpec> = {
  oneBoard50Editors: {
    boards: 1,
    clientsPerBoard: 50,
    editIntervalMs: 1_000,
    warmupMs,
    measureMs,
    seed: 50,
  },
  hundredBoards500Connections: {
    boards: 100,
    clientsPerBoard: 5,
    editIntervalMs: 2_000,
    warmupMs,
    measureMs,
    seed: 500,
  },
};

function listFromEnv<T extends string>(name: string, allowed: readonly T[]): T[] {
  const raw = process.env[name];
  if (!raw) return [...allowed];
  const picked = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of picked) {
    if (!allowed.includes(item as T))
      throw new Error(`${name}: unknown "${item}" (known: ${allowed.join(', ')})`);
  }
  return picked as T[];
}

const scenarioNames = listFromEnv('BENCH_SCENARIOS', Object.keys(allScenarios));
const scenarios = Object.fromEntries(scenarioNames.map((name) => [name, allScenarios[name]!]));
let servers = listFromEnv<ServerKind>('BENCH_SERVERS', serverKinds);

/** The server running right now, so a watchdog or Ctrl-C can still stop it (and drop its schema). */
let current: ServerProcess | null = null;

async function measure(kind: ServerKind, name: string, spec: ScenarioSpec): Promise<ScenarioResult> {
  log(`${name}: ${kind} server${spec.routing === 'by-document' ? ', clients routed by document' : ''}`);
  const server = await startServerProcess(kind, spec.boards);
  current = server;
  try {
    const result = await runScenario(server, spec);
    log(
      `  p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms over ${result.edits} edits; rss ${result.rssMB} MB`,
    );
    return result;
  } finally {
    current = null;
    await server.stop();
  }
}

async function giveUp(code: number, why: string): Promise<never> {
  log(why);
  const server = current;
  current = null;
  if (server) {
    await Promise.race([server.stop().catch(() => undefined), new Promise((r) => setTimeout(r, 15_000))]);
  }
  process.exit(code);
}

interface Comparison {
  /** p99 of three instances divided by p99 of one instance on SQLite. */
  p99Ratio: number | null;
  p50Ratio: number | null;
  /** The goal: p99 across instances within 2× of one instance. */
  withinTwiceOneInstance: boolean | null;
}

/** A run of the three instances with every board's clients on one instance, as nginx routes them. */
const byDocument = 'ours-3-instances-by-document';
type RunName = ServerKind | typeof byDocument;

const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null || b === 0 ? null : Math.round((a / b) * 100) / 100;

async function main(): Promise<void> {
  // A hard stop, should anything hang: the whole run normally takes about three minutes.
  const watchdog = setTimeout(
    () => void giveUp(2, 'benchmark took longer than 8 minutes; giving up'),
    8 * 60_000,
  );
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void giveUp(130, `${signal}: stopping`));
  }

  let skippedInstances: string | null = null;
  if (servers.includes('ours-3-instances')) {
    const problem = await instancesUnavailable();
    if (problem !== null) {
      if (process.env.CI === 'true') throw new Error(`CI=true but ${problem}`);
      skippedInstances = `ours-3-instances skipped: ${problem}`;
      log(skippedInstances);
      servers = servers.filter((kind) => kind !== 'ours-3-instances');
    }
  }

  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  if (loadAtStart > os.cpus().length * 0.75) {
    log(`note: load average is ${loadAtStart.toFixed(2)} before the run; other work skews the figures`);
  }
  const results: Record<string, Partial<Record<RunName, ScenarioResult>>> = {};
  const comparisons: Record<string, Partial<Record<'roundRobin' | 'byDocument', Comparison>>> = {};
  const lines: string[] = [];
  for (const [name, spec] of Object.entries(scenarios)) {
    const byRun: Partial<Record<RunName, ScenarioResult>> = {};
    results[name] = byRun;
    // One server (or one set of instances) at a time, never two at once.
    for (const kind of servers) byRun[kind] = await measure(kind, name, spec);
    // Many boards: also as the README's nginx routes them (a board's clients on one instance).
    if (servers.includes('ours-3-instances') && spec.boards > 1) {
      byRun[byDocument] = await measure('ours-3-instances', name, { ...spec, routing: 'by-document' });
    }
    const one = byRun.ours;
    if (!one) continue;
    const runs = [
      ['roundRobin', byRun['ours-3-instances'], 'three instances'],
      ['byDocument', byRun[byDocument], 'three instances routed by document'],
    ] as const;
    for (const [key, three, label] of runs) {
      if (!three) continue;
      const p99Ratio = ratio(three.p99Ms, one.p99Ms);
      const c: Comparison = {
        p99Ratio,
        p50Ratio: ratio(three.p50Ms, one.p50Ms),
        withinTwiceOneInstance: p99Ratio === null ? null : p99Ratio <= 2,
      };
      (comparisons[name] ??= {})[key] = c;
      const reference = byRun.reference;
      lines.push(
        `${name}: p99 ${label} ${three.p99Ms} ms vs one instance ${one.p99Ms} ms = ${c.p99Ratio ?? '?'}× ` +
          `(goal ≤ 2×: ${c.withinTwiceOneInstance === null ? 'n/a' : c.withinTwiceOneInstance ? 'met' : 'NOT met'})` +
          `; p50 ${three.p50Ms} vs ${one.p50Ms} ms` +
          (reference ? `; reference p50/p99 ${reference.p50Ms}/${reference.p99Ms} ms` : ''),
      );
    }
  }
  const output = {
    machine: machineInfo(loadAtStart),
    load: scenarios,
    servers,
    ...(skippedInstances ? { skipped: skippedInstances } : {}),
    scenarios: results,
    /**
     * Three instances on PostgreSQL + Redis against one instance on SQLite, per load: with the
     * clients of a board spread round-robin (every edit crosses instances) and, for many boards,
     * routed by document as the README's nginx configuration does.
     */
    threeInstancesVsOne: comparisons,
    durationS: Math.round((Date.now() - started) / 1000),
  };
  // The comparison on stderr (stdout stays one JSON object; it is in there as threeInstancesVsOne).
  for (const line of lines) log(line);
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    void giveUp(
      1,
      `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  },
);
