/**
 * Sync benchmark: edit-to-everyone latency (p50/p99) and server memory for our sync server
 * (validation and persistence on) against the reference `@y/websocket-server` 0.1.1, on the same
 * load in the same run. Each server runs alone in its own child process; this process only
 * generates the load with real y-websocket providers. Prints one JSON object on stdout;
 * progress goes to stderr.
 *
 *   npm run bench
 */
import os from 'node:os';
import { runScenario } from './lib/scenario.js';
import type { ScenarioResult, ScenarioSpec } from './lib/scenario.js';
import { startServerProcess } from './lib/serverProcess.js';
import type { ServerKind } from './lib/serverProcess.js';

const scenarios: Record<string, ScenarioSpec> = {
  oneBoard50Editors: {
    boards: 1,
    clientsPerBoard: 50,
    editIntervalMs: 1_000,
    warmupMs: 3_000,
    measureMs: 15_000,
    seed: 50,
  },
  hundredBoards500Connections: {
    boards: 100,
    clientsPerBoard: 5,
    editIntervalMs: 2_000,
    warmupMs: 3_000,
    measureMs: 15_000,
    seed: 500,
  },
};

const servers: ServerKind[] = ['ours', 'reference'];
const log = (message: string) => process.stderr.write(`${message}\n`);

async function measure(kind: ServerKind, name: string, spec: ScenarioSpec): Promise<ScenarioResult> {
  log(`${name}: ${kind} server`);
  const server = await startServerProcess(kind, spec.boards);
  try {
    const result = await runScenario(server, spec);
    log(
      `  p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms over ${result.edits} edits; rss ${result.rssMB} MB`,
    );
    return result;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  // A hard stop, should anything hang: the whole run normally takes about two minutes.
  const watchdog = setTimeout(() => {
    log('benchmark took longer than 5 minutes; giving up');
    process.exit(2);
  }, 5 * 60_000);
  watchdog.unref();

  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  if (loadAtStart > os.cpus().length * 0.75) {
    log(`note: load average is ${loadAtStart.toFixed(2)} before the run; other work skews the figures`);
  }
  const results: Record<string, Partial<Record<ServerKind, ScenarioResult>>> = {};
  for (const [name, spec] of Object.entries(scenarios)) {
    results[name] = {};
    // One server at a time, never both at once.
    for (const kind of servers) results[name][kind] = await measure(kind, name, spec);
  }
  const cpus = os.cpus();
  const output = {
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAvg1mAtStart: Math.round(loadAtStart * 100) / 100,
    },
    load: scenarios,
    scenarios: results,
    durationS: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
