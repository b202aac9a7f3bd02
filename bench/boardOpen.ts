/**
 * Opening a board, ours (one instance on SQLite: sessions and case access, shape validation and
 * persistence on) against the reference `@y/websocket-server` 0.1.1 in the same run, each server
 * in its own child process, both up and measured in turn (one idles while the other is measured,
 * so a change in the machine's load shows in both; the 50-at-once runs alternate run by run):
 *   (a) 50 providers connecting at once to one board until all are synced (p50 over runs);
 *   (b) a board with 10,000 edits of history opened cold (out of memory) and warm;
 *   (c) one editor at 50 Hz on a board with 49 others: p50/p99 edit-to-everyone;
 *   (d) memory, and memory per idle open board (100 boards), and whether it comes back once they
 *       are left (ours unloads idle boards; the reference, without persistence, never does);
 *   (e) all of it once more after a minute of sync load (100 clients on 10 boards).
 * Prints one JSON object on stdout and a table on stderr.
 *
 *   npx tsx bench/boardOpen.ts
 *
 * Env, for a shorter run: BENCH_SERVERS (ours,reference), BENCH_BUSY_MS (default 60000),
 * BENCH_MEASURE_MS (the 50 Hz load, default 15000), BENCH_HISTORY_EDITS (default 10000);
 * BENCH_CPU_PROFILE_DIR=<folder> makes every server process write a V8 CPU profile there.
 */
import { runScenario } from './lib/scenario.js';
import { historyOpen, idleBoards, manyAtOnce, oneEditor, spread } from './lib/boardOpen.js';
import type { Spread } from './lib/boardOpen.js';
import { startServerProcess } from './lib/serverProcess.js';
import type { ServerMemory, ServerProcess } from './lib/serverProcess.js';
import { wholeNumberFromEnv } from './lib/env.js';
import { machineInfo } from './lib/machine.js';
import os from 'node:os';

const log = (message: string) => process.stderr.write(`${message}\n`);
const busyMs = wholeNumberFromEnv('BENCH_BUSY_MS', 60_000);
const measureMs = wholeNumberFromEnv('BENCH_MEASURE_MS', 15_000);
const historyEdits = wholeNumberFromEnv('BENCH_HISTORY_EDITS', 10_000);
const kinds = (process.env.BENCH_SERVERS ?? 'ours,reference').split(',').map((s) => s.trim());
for (const kind of kinds)
  if (kind !== 'ours' && kind !== 'reference') throw new Error(`BENCH_SERVERS: unknown "${kind}"`);

/** Ours lets a board go this long after its last client left (production: 30 s), so cold opens are quick to get. */
const unloadAfterMs = 2_000;
const unloadedWithin = unloadAfterMs + 10_000;
const busyBoards = 10;
/** Each phase its own boards (the busy load has bench-0 … bench-9). */
const phaseBoards = (phase: number) => {
  const first = busyBoards + phase * 120;
  return {
    atOnce: Array.from({ length: 7 }, (_, i) => first + i),
    history: first + 7,
    oneEditor: first + 8,
    idle: Array.from({ length: 100 }, (_, i) => first + 10 + i),
  };
};

type Kind = 'ours' | 'reference';
type Servers = Partial<Record<Kind, ServerProcess>>;

/**
 * Runs `measure` on every server in turn, one at a time (the other one idles meanwhile), so a
 * change in the machine's load between the two shows in both.
 */
async function eachServer<T>(servers: Servers, what: string, measure: (s: ServerProcess) => Promise<T>) {
  const out: Partial<Record<Kind, T>> = {};
  for (const [kind, server] of Object.entries(servers) as [Kind, ServerProcess][]) {
    out[kind] = await measure(server);
    log(`  ${kind}: ${what} ${summaryOf(out[kind])}`);
  }
  return out;
}

function summaryOf(value: unknown): string {
  const v = value as Record<string, unknown>;
  if ('p99Ms' in v) return `p50 ${String(v.p50Ms)} ms, p99 ${String(v.p99Ms)} ms`;
  if ('cold' in v) {
    const h = v as unknown as Awaited<ReturnType<typeof historyOpen>>;
    return `cold p50 ${h.cold.p50Ms} ms, warm p50 ${h.warm.p50Ms} ms`;
  }
  if ('perIdleBoardHeapMB' in v) {
    const i = v as unknown as Awaited<ReturnType<typeof idleBoards>>;
    return `${i.perIdleBoardHeapMB} MB heap per idle board, ${i.afterLeaving.loadedDocuments} still loaded after`;
  }
  return '';
}

/** (a)–(d) on every server, measurement by measurement; the 50-at-once runs alternate run by run. */
async function phase(servers: Servers, n: number) {
  const boards = phaseBoards(n);
  const memoryAtStart = await eachServer(servers, 'memory', async (s) => {
    const { rssMB, heapUsedMB, heapUsedAfterGcMB, loadedDocuments } = await s.memory();
    return { rssMB, heapUsedMB, heapUsedAfterGcMB, loadedDocuments };
  });
  log(' (a) 50 providers at once');
  const runs: Partial<Record<Kind, { time: number[]; cpu: number[] }>> = {};
  for (const board of boards.atOnce) {
    for (const [kind, server] of Object.entries(servers) as [Kind, ServerProcess][]) {
      const { time, serverCpu } = await manyAtOnce(server, [board]);
      const mine = (runs[kind] ??= { time: [], cpu: [] });
      mine.time.push(...time.runs);
      mine.cpu.push(...serverCpu.runs);
    }
  }
  const atOnce = Object.fromEntries(
    Object.entries(runs).map(([k, r]) => [k, { time: spread(r.time), serverCpu: spread(r.cpu) }]),
  ) as Partial<Record<Kind, { time: Spread; serverCpu: Spread }>>;
  for (const [kind, r] of Object.entries(atOnce))
    log(
      `  ${kind}: p50 ${r.time.p50Ms} ms (${r.time.minMs}–${r.time.maxMs}), server CPU p50 ${r.serverCpu.p50Ms} ms`,
    );
  log(` (b) ${historyEdits} edits of history`);
  const history = await eachServer(servers, 'opened', (s) =>
    historyOpen(s, boards.history, { edits: historyEdits, coldRuns: 3, warmRuns: 9, unloadedWithin }),
  );
  log(' (c) one editor at 50 Hz, 49 others');
  const editor = await eachServer(servers, 'edit to everyone', (s) =>
    oneEditor(s, boards.oneEditor, { clients: 50, hz: 50, warmupMs: 2_000, measureMs }),
  );
  log(' (d) 100 idle boards');
  const idle = await eachServer(servers, 'memory', (s) => idleBoards(s, boards.idle, unloadedWithin));
  const result: Partial<Record<Kind, PhaseResult>> = {};
  for (const kind of Object.keys(servers) as Kind[])
    result[kind] = {
      memoryAtStart: memoryAtStart[kind]!,
      atOnce: atOnce[kind]!,
      history: history[kind]!,
      editor: editor[kind]!,
      idle: idle[kind]!,
    };
  return result;
}

interface PhaseResult {
  memoryAtStart: Pick<ServerMemory, 'rssMB' | 'heapUsedMB' | 'heapUsedAfterGcMB' | 'loadedDocuments'>;
  atOnce: { time: Spread; serverCpu: Spread };
  history: Awaited<ReturnType<typeof historyOpen>>;
  editor: Awaited<ReturnType<typeof oneEditor>>;
  idle: Awaited<ReturnType<typeof idleBoards>>;
}

/** Both servers up (each in its own process), fresh; then a minute of load on each; then again. */
async function measureAll(kinds: readonly Kind[]) {
  const servers: Servers = {};
  try {
    for (const kind of kinds)
      servers[kind] = await startServerProcess(kind, busyBoards + 2 * 120, {
        BENCH_UNLOAD_AFTER_MS: String(unloadAfterMs),
      });
    const started = await eachServer(servers, 'memory', (s) => s.memory());
    log('fresh servers');
    const fresh = await phase(servers, 0);
    log(`busy: sync load for ${busyMs} ms on each (100 clients on 10 boards, 100 edits/s)`);
    const busy = await eachServer(servers, 'busy load', (s) =>
      runScenario(s, {
        boards: busyBoards,
        clientsPerBoard: 10,
        editIntervalMs: 1_000,
        warmupMs: 0,
        measureMs: busyMs,
        seed: 10,
      }),
    );
    log('after the busy load');
    const afterBusy = await phase(servers, 1);
    const end = await eachServer(servers, 'memory', (s) => s.memory());
    return Object.fromEntries(
      kinds.map((kind) => [
        kind,
        {
          atStart: { rssMB: started[kind]!.rssMB, heapUsedAfterGcMB: started[kind]!.heapUsedAfterGcMB },
          fresh: fresh[kind]!,
          busyLoad: {
            p50Ms: busy[kind]!.p50Ms,
            p99Ms: busy[kind]!.p99Ms,
            edits: busy[kind]!.edits,
            rssMB: busy[kind]!.rssMB,
          },
          afterBusy: afterBusy[kind]!,
          atEnd: {
            rssMB: end[kind]!.rssMB,
            heapUsedAfterGcMB: end[kind]!.heapUsedAfterGcMB,
            loadedDocuments: end[kind]!.loadedDocuments,
          },
        },
      ]),
    ) as Partial<Record<Kind, Result>>;
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
  }
}

interface Result {
  atStart: { rssMB: number; heapUsedAfterGcMB: number | null };
  fresh: PhaseResult;
  busyLoad: { p50Ms: number | null; p99Ms: number | null; edits: number; rssMB: number };
  afterBusy: PhaseResult;
  atEnd: { rssMB: number; heapUsedAfterGcMB: number | null; loadedDocuments: number | undefined };
}

const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100;

/** The figures the issue names, ours against the reference, with the 1.2× goal. */
function rows(ours: PhaseResult, reference: PhaseResult | undefined) {
  const pick: [string, (p: PhaseResult) => number | null][] = [
    ['50 providers synced, p50 ms', (p) => p.atOnce.time.p50Ms],
    ['  server CPU for it, p50 ms', (p) => p.atOnce.serverCpu.p50Ms],
    [`${historyEdits}-edit board cold, p50 ms`, (p) => p.history.cold.p50Ms],
    ['  server CPU for it, p50 ms', (p) => p.history.coldServerCpu.p50Ms],
    [`${historyEdits}-edit board warm, p50 ms`, (p) => p.history.warm.p50Ms],
    ['  server CPU for it, p50 ms', (p) => p.history.warmServerCpu.p50Ms],
    ['50 Hz edit to 49, p50 ms', (p) => p.editor.p50Ms],
    ['50 Hz edit to 49, p99 ms', (p) => p.editor.p99Ms],
    ['  server CPU per edit, ms', (p) => p.editor.serverCpuMsPerEdit],
    ['heap per idle open board, MB', (p) => p.idle.perIdleBoardHeapMB],
    ['server rss at the phase start, MB', (p) => p.memoryAtStart.rssMB],
    ['server heap after GC there, MB', (p) => p.memoryAtStart.heapUsedAfterGcMB],
  ];
  return pick.map(([what, get]) => {
    const r = ratio(get(ours), reference ? get(reference) : null);
    return {
      what,
      ours: get(ours),
      reference: reference ? get(reference) : null,
      ratio: r,
      withinGoal: r === null ? null : r <= 1.2,
    };
  });
}

async function main() {
  const watchdog = setTimeout(() => {
    log('benchmark took longer than 15 minutes; giving up');
    process.exit(2);
  }, 15 * 60_000);
  watchdog.unref();
  const loadAtStart = os.loadavg()[0]!;
  const results = await measureAll(kinds as Kind[]);
  const comparison = results.ours
    ? {
        fresh: rows(results.ours.fresh, results.reference?.fresh),
        afterBusy: rows(results.ours.afterBusy, results.reference?.afterBusy),
      }
    : null;
  if (comparison) {
    for (const [name, table] of Object.entries(comparison)) {
      log(`\n${name === 'fresh' ? 'fresh server' : `after ${busyMs / 1000} s of sync load`}`);
      log(
        `${'figure'.padEnd(36)}${'ours'.padStart(10)}${'reference'.padStart(11)}${'ratio'.padStart(8)}  ≤1.2×`,
      );
      for (const row of table)
        log(
          `${row.what.padEnd(36)}${String(row.ours).padStart(10)}${String(row.reference).padStart(11)}` +
            `${String(row.ratio).padStart(8)}  ${row.withinGoal === null ? '' : row.withinGoal ? 'yes' : 'NO'}`,
        );
    }
    for (const [kind, r] of Object.entries(results))
      log(
        `${kind}: rss ${r.atStart.rssMB} MB at start, ${r.busyLoad.rssMB} MB under the busy load, ${r.atEnd.rssMB} MB at the end ` +
          `(${r.atEnd.loadedDocuments ?? '?'} boards in memory)`,
      );
  }
  const output = {
    machine: machineInfo(loadAtStart),
    load: { busyMs, measureMs, historyEdits, oursUnloadAfterMs: unloadAfterMs },
    servers: results,
    oursVsReference: comparison,
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
