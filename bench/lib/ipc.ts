import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IntervalHistogram } from 'node:perf_hooks';

/**
 * Messages between the benchmark driver (parent) and a server under test (child process).
 * The child reports its port once listening and answers memory requests from inside its own
 * process, so the load generator never shares an event loop or heap with the server.
 */
export interface ReadyMessage {
  type: 'ready';
  port: number;
  /** Headers every client sends (our server wants a signed-in member's session cookie). */
  headers: Record<string, string>;
}

export interface MemoryMessage {
  type: 'memory';
  rssMB: number;
  heapUsedMB: number;
  /** heapUsed after a forced full GC (null when the child runs without --expose-gc). */
  heapUsedAfterGcMB: number | null;
  /** The server's event-loop delay since the previous memory request (or its start). */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** CPU time (user + system, ms to 0.1) the server process used since the previous memory request. */
  cpuMs: number;
  /** Documents the server holds in memory right now, when the server can tell. */
  loadedDocuments?: number;
}

export type FromServer = ReadyMessage | MemoryMessage;
/** `gc: false`: figures as they are, without the full GC first (for CPU time around a step). */
export type ToServer = { type: 'memory'; gc?: boolean } | { type: 'stop' };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function isFromServer(value: unknown): value is FromServer {
  return isObject(value) && (value.type === 'ready' || value.type === 'memory');
}

export function isToServer(value: unknown): value is ToServer {
  return isObject(value) && (value.type === 'memory' || value.type === 'stop');
}

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/**
 * Memory of the current process, measured first as is and then after a full GC if possible,
 * with its event-loop delay since the previous call.
 */
export function measureMemory(
  loopDelay: IntervalHistogram,
  cpuSince: NodeJS.CpuUsage,
  collect = true,
): MemoryMessage {
  const now = process.memoryUsage();
  const eventLoopDelayP99Ms = Math.round(loopDelay.percentile(99) / 1e5) / 10;
  const eventLoopDelayMaxMs = Math.round(loopDelay.max / 1e5) / 10;
  loopDelay.reset();
  const cpu = process.cpuUsage(cpuSince);
  let heapUsedAfterGcMB: number | null = null;
  if (collect && typeof globalThis.gc === 'function') {
    globalThis.gc();
    heapUsedAfterGcMB = mb(process.memoryUsage().heapUsed);
  }
  return {
    type: 'memory',
    rssMB: mb(now.rss),
    heapUsedMB: mb(now.heapUsed),
    heapUsedAfterGcMB,
    eventLoopDelayP99Ms,
    eventLoopDelayMaxMs,
    cpuMs: Math.round((cpu.user + cpu.system) / 100) / 10,
  };
}

/**
 * Wires a server child to the driver: answers memory requests (with `loadedDocuments`, the
 * number of documents in memory, when given), stops on request.
 */
export function serveDriver(
  port: number,
  stop: () => Promise<void>,
  headers: Record<string, string> = {},
  loadedDocuments?: () => number,
): void {
  const send = (message: FromServer) => process.send?.(message);
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let cpuSince = process.cpuUsage();
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(0), 5_000);
    force.unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`server stop failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('message', (message: unknown) => {
    if (!isToServer(message)) return;
    if (message.type === 'memory') {
      const report = measureMemory(loopDelay, cpuSince, message.gc !== false);
      cpuSince = process.cpuUsage();
      send(loadedDocuments ? { ...report, loadedDocuments: loadedDocuments() } : report);
    } else shutdown();
  });
  // The driver went away: do not linger.
  process.on('disconnect', shutdown);
  send({ type: 'ready', port, headers });
}

/** Case ids the benchmark uses, one per board; both servers get the same document names. */
export const benchCaseId = (board: number) => `bench-${board}`;
