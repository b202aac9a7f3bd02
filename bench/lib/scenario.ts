import os from 'node:os';
import * as Y from 'yjs';
import { goalsOf } from '../../shared/doc/board.js';
import { caseDocumentName } from '../../shared/protocol.js';
import { editBoard, goalsPerBoard, random, seedBoard } from './board.js';
import type { EditKind } from './board.js';
import { connectBoards, sleep, waitFor } from './clients.js';
import type { BenchClient, Routing } from './clients.js';
import { benchCaseId } from './ipc.js';
import { BoardLatency, Recorder, summarize } from './latency.js';
import type { LatencySummary } from './latency.js';
import type { ServerProcess } from './serverProcess.js';

export interface ScenarioSpec {
  boards: number;
  clientsPerBoard: number;
  /** Each client makes one edit per interval; all clients are spread evenly over it. */
  editIntervalMs: number;
  warmupMs: number;
  measureMs: number;
  seed: number;
  /** Several instances: how their clients are spread over them (default round-robin). */
  routing?: Routing;
}

export interface ScenarioResult extends LatencySummary {
  rssMB: number;
  heapUsedMB: number;
  heapUsedAfterGcMB: number | null;
  /** The server's own event-loop delay and CPU time during the load (warm-up included). */
  serverEventLoopDelayP99Ms: number;
  serverEventLoopDelayMaxMs: number;
  serverCpuMs: number;
  /** The server process before any client connected (includes the tsx loader's own share). */
  atStart: { rssMB: number; heapUsedMB: number };
  /** Measured edits that had not reached every other client when the drain time ran out. */
  incomplete: number;
  editsByKind: Record<EditKind, number>;
  /** Edits skipped because their author was disconnected at that moment. */
  skipped: number;
  /** Close codes servers sent to clients during the run (none expected). */
  closeCodes: Record<string, number>;
  /** Edits per second actually made during the measured window. */
  achievedEditsPerSecond: number;
  /** The machine's 1-minute load average when the load ended (other work on the box shows here). */
  loadAvg1m: number;
  /** How late (ms) the load generator made its edits at worst, against the schedule. */
  maxScheduleLagMs: number;
  /** Several instances only: clients per instance, and each instance's own figures at the end. */
  instances?: {
    port: number;
    clients: number;
    rssMB: number;
    cpuMs: number;
    eventLoopDelayP99Ms: number;
  }[];
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * Runs one load against one running server and measures it. A server of several instances gets
 * the clients of every board spread over its ports round-robin (see connectBoards), so most
 * edits reach some of their board through another instance.
 */
export async function runScenario(server: ServerProcess, spec: ScenarioSpec): Promise<ScenarioResult> {
  const names = Array.from({ length: spec.boards }, (_, b) => caseDocumentName(benchCaseId(b)));
  const idle = await server.memory();
  const started = performance.now();
  const boards = await connectBoards(
    server.ports,
    names,
    spec.clientsPerBoard,
    server.headers,
    spec.routing ?? 'round-robin',
  );
  const clients = boards.flat();
  log(`  ${clients.length} clients synced in ${Math.round(performance.now() - started)} ms`);

  try {
    for (const [b, board] of boards.entries()) seedBoard(board[0]!.doc, b);
    await waitFor(
      () => clients.every((c) => goalsOf(c.doc).size === goalsPerBoard),
      30_000,
      'the seeded boards to reach every client',
    );

    const recorder = new Recorder();
    const trackers = boards.map((board) => {
      const tracker = new BoardLatency(recorder, board.length);
      for (const client of board) tracker.watch(client.index, client.doc);
      return tracker;
    });

    const pick = random(spec.seed);
    const editsByKind: Record<EditKind, number> = { type: 0, move: 0 };
    let skipped = 0;
    let maxLag = 0;
    let measuredEdits = 0;
    const total = clients.length;
    const step = spec.editIntervalMs / total;
    const endAt = spec.warmupMs + spec.measureMs;
    const maxEdits = Math.ceil(endAt / step) + 1;
    await server.memory(); // starts the server's event-loop and CPU figures afresh
    const t0 = performance.now();
    log(
      `  warm-up ${spec.warmupMs} ms, then measuring ${spec.measureMs} ms (${Math.round(1000 / step)} edits/s)`,
    );
    for (let k = 0; k < maxEdits; k++) {
      const due = k * step;
      if (due >= endAt) break;
      const wait = t0 + due - performance.now();
      if (wait > 1) await sleep(wait);
      const now = performance.now();
      maxLag = Math.max(maxLag, now - (t0 + due));
      const author = clients[k % total]!;
      const measured = due >= spec.warmupMs;
      if (!author.provider.wsconnected) {
        skipped++;
        continue;
      }
      const before = Y.getState(author.doc.store, author.doc.clientID);
      const kind = editBoard(author.doc, pick);
      const clock = Y.getState(author.doc.store, author.doc.clientID);
      if (clock > before) trackers[author.board]!.sent(author.doc.clientID, clock, now, measured);
      if (measured) {
        editsByKind[kind]++;
        measuredEdits++;
      }
    }
    const loadEnded = performance.now();
    try {
      await waitFor(() => recorder.pending === 0, 10_000, 'the last edits to arrive');
    } catch {
      log(`  ${recorder.pending} edits did not reach every client`);
    }
    const memory = await server.memory();
    return {
      ...summarize(recorder.latencies),
      rssMB: memory.rssMB,
      heapUsedMB: memory.heapUsedMB,
      heapUsedAfterGcMB: memory.heapUsedAfterGcMB,
      serverEventLoopDelayP99Ms: memory.eventLoopDelayP99Ms,
      serverEventLoopDelayMaxMs: memory.eventLoopDelayMaxMs,
      serverCpuMs: memory.cpuMs,
      atStart: { rssMB: idle.rssMB, heapUsedMB: idle.heapUsedMB },
      incomplete: recorder.pending,
      editsByKind,
      skipped,
      closeCodes: countCloses(clients),
      achievedEditsPerSecond: Math.round(measuredEdits / ((loadEnded - t0 - spec.warmupMs) / 1000)),
      loadAvg1m: Math.round(os.loadavg()[0]! * 100) / 100,
      maxScheduleLagMs: Math.round(maxLag),
      ...(memory.perInstance && server.ports.length > 1
        ? {
            instances: memory.perInstance.map((m, i) => ({
              port: server.ports[i]!,
              clients: clients.filter((c) => c.port === server.ports[i]).length,
              rssMB: m.rssMB,
              cpuMs: m.cpuMs,
              eventLoopDelayP99Ms: m.eventLoopDelayP99Ms,
            })),
          }
        : {}),
    };
  } finally {
    for (const client of clients) client.destroy();
    await sleep(300);
  }
}

function countCloses(clients: readonly BenchClient[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const client of clients) for (const code of client.closes) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}
