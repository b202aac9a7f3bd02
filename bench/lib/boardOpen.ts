import * as Y from 'yjs';
import { goalsOf } from '../../shared/doc/board.js';
import { caseDocumentName } from '../../shared/protocol.js';
import { editBoard, goalsPerBoard, random, seedBoard } from './board.js';
import { connectBoards, connectClient, sleep, waitFor } from './clients.js';
import type { BenchClient } from './clients.js';
import { benchCaseId } from './ipc.js';
import { BoardLatency, Recorder, summarize } from './latency.js';
import { summarize as timingsOf } from './timing.js';
import type { LatencySummary } from './latency.js';
import type { ServerMemory, ServerProcess } from './serverProcess.js';

/**
 * The measurements of bench/boardOpen.ts, each against one running server: opening a board
 * (many providers at once; a board with a long history, cold and warm), one editor at 50 Hz,
 * and memory per idle open board. Times until synced come from each provider's own `sync`
 * event, so they do not depend on how often anything is polled.
 */

const nameOf = (board: number) => caseDocumentName(benchCaseId(board));
const round = (ms: number) => Math.round(ms * 10) / 10;

export interface Spread {
  p50Ms: number;
  minMs: number;
  maxMs: number;
  runs: number[];
}

export function spread(runs: number[]): Spread {
  const sorted = [...runs].sort((a, b) => a - b);
  return {
    p50Ms: timingsOf(runs).p50Ms,
    minMs: sorted[0]!,
    maxMs: sorted.at(-1)!,
    runs: runs.map(round),
  };
}

/** Connects `count` providers to one board at once; resolves with each one's ms until synced. */
async function openAtOnce(
  server: ServerProcess,
  board: number,
  count: number,
): Promise<{ clients: BenchClient[]; ms: number[] }> {
  process.setMaxListeners(Math.max(process.getMaxListeners(), count + 20));
  const started = performance.now();
  const ms: number[] = [];
  const clients = Array.from({ length: count }, (_, index) => {
    const client = connectClient(server.port, nameOf(board), board, index, server.headers);
    const onSync = (synced: boolean) => {
      if (!synced) return;
      ms[index] = performance.now() - started;
      client.provider.off('sync', onSync);
    };
    client.provider.on('sync', onSync);
    return client;
  });
  await waitFor(() => clients.every((_, i) => ms[i] !== undefined), 30_000, `${count} providers to sync`);
  return { clients, ms };
}

const closeAll = (clients: readonly BenchClient[]) => clients.forEach((c) => c.destroy());

/** The server's CPU time (ms) since the previous ask; no GC forced, so it does not count one. */
const cpuSince = async (server: ServerProcess) => (await server.memory(false)).cpuMs;

/**
 * (a) `count` providers connect at once to a board nobody has open, once per board given: the
 * time until the last is synced, and the server's CPU time meanwhile (less sensitive to what
 * else runs on the machine than the time).
 */
export async function manyAtOnce(server: ServerProcess, boards: readonly number[], count = 50) {
  const runs: number[] = [];
  const cpu: number[] = [];
  for (const board of boards) {
    await cpuSince(server);
    const { clients, ms } = await openAtOnce(server, board, count);
    cpu.push(await cpuSince(server));
    runs.push(round(Math.max(...ms)));
    closeAll(clients);
    await sleep(200);
  }
  return { time: spread(runs), serverCpu: spread(cpu) };
}

/** Until the server holds at most `count` documents in memory (when it says how many it holds). */
export async function untilLoadedAtMost(server: ServerProcess, count: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { loadedDocuments } = await server.memory(false);
    if (loadedDocuments === undefined || loadedDocuments <= count) return loadedDocuments ?? null;
    if (Date.now() > deadline) return loadedDocuments;
    await sleep(250);
  }
}

/** One provider opens the board: ms until synced and server CPU ms, checked to hold the whole board. */
async function openOne(server: ServerProcess, board: number, expectClock: [number, number]) {
  await cpuSince(server);
  const { clients, ms } = await openAtOnce(server, board, 1);
  const cpuMs = await cpuSince(server);
  const [author, clock] = expectClock;
  const doc = clients[0]!.doc;
  if (Y.getState(doc.store, author) !== clock || goalsOf(doc).size !== goalsPerBoard)
    throw new Error('the opened board misses part of its history');
  closeAll(clients);
  return { ms: round(ms[0]!), cpuMs };
}

/**
 * (b) A board with `edits` edits of history (typed one transaction each, as people do), then
 * opened by one provider: cold, with the board out of memory (ours loads it from storage; the
 * reference keeps every board in memory, so its cold open is the first open after the writer
 * left), and warm, right after another open. `unloadedWithin`: how long ours takes to let go.
 */
export async function historyOpen(
  server: ServerProcess,
  board: number,
  options: { edits: number; coldRuns: number; warmRuns: number; unloadedWithin: number },
) {
  const [writer] = (await connectBoards(server.ports, [nameOf(board)], 1, server.headers))[0]!;
  seedBoard(writer!.doc, board);
  const pick = random(board);
  const writeStarted = performance.now();
  for (let i = 0; i < options.edits; i++) {
    editBoard(writer!.doc, pick);
    if (i % 100 === 99) await sleep(0); // the socket gets to send, as between keystrokes
  }
  const author = writer!.doc.clientID;
  const clock = Y.getState(writer!.doc.store, author);
  // A second provider has every edit once the server has sent them all on.
  const [watcher] = (await connectBoards(server.ports, [nameOf(board)], 1, server.headers))[0]!;
  await waitFor(() => Y.getState(watcher!.doc.store, author) === clock, 120_000, 'the history to arrive');
  const writeMs = Math.round(performance.now() - writeStarted);
  const updateBytes = Y.encodeStateAsUpdate(writer!.doc).byteLength;
  closeAll([writer!, watcher!]);

  const cold: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < options.coldRuns; i++) {
    await sleep(100);
    const loaded = await untilLoadedAtMost(server, 0, options.unloadedWithin);
    if (loaded !== null && loaded > 0 && server.kind !== 'reference')
      throw new Error(`ours still holds ${loaded} documents after ${options.unloadedWithin} ms`);
    cold.push(await openOne(server, board, [author, clock]));
  }
  const warm: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < options.warmRuns; i++) {
    await sleep(50);
    warm.push(await openOne(server, board, [author, clock]));
  }
  return {
    edits: options.edits,
    writeMs,
    stateBytes: updateBytes,
    cold: spread(cold.map((r) => r.ms)),
    warm: spread(warm.map((r) => r.ms)),
    coldServerCpu: spread(cold.map((r) => r.cpuMs)),
    warmServerCpu: spread(warm.map((r) => r.cpuMs)),
  };
}

/**
 * (c) `clients` providers on one board, one of them editing `hz` times a second: the time until
 * each edit reached all the others (after a warm-up).
 */
export async function oneEditor(
  server: ServerProcess,
  board: number,
  options: { clients: number; hz: number; warmupMs: number; measureMs: number },
): Promise<LatencySummary & { maxScheduleLagMs: number; incomplete: number; serverCpuMsPerEdit: number }> {
  const clients = (await connectBoards(server.ports, [nameOf(board)], options.clients, server.headers))[0]!;
  try {
    seedBoard(clients[0]!.doc, board);
    await waitFor(
      () => clients.every((c) => goalsOf(c.doc).size === goalsPerBoard),
      30_000,
      'the seeded board to reach every client',
    );
    const recorder = new Recorder();
    const tracker = new BoardLatency(recorder, clients.length);
    for (const client of clients) tracker.watch(client.index, client.doc);
    const editor = clients[0]!;
    const pick = random(board);
    const step = 1000 / options.hz;
    const endAt = options.warmupMs + options.measureMs;
    let maxLag = 0;
    await cpuSince(server);
    let edits = 0;
    const t0 = performance.now();
    for (let k = 0; k * step < endAt; k++) {
      const due = t0 + k * step;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const now = performance.now();
      maxLag = Math.max(maxLag, now - due);
      const before = Y.getState(editor.doc.store, editor.doc.clientID);
      editBoard(editor.doc, pick);
      edits++;
      const clock = Y.getState(editor.doc.store, editor.doc.clientID);
      if (clock > before) tracker.sent(editor.doc.clientID, clock, now, k * step >= options.warmupMs);
    }
    await waitFor(() => recorder.pending === 0, 10_000, 'the last edits to arrive').catch(() => undefined);
    const cpuMs = await cpuSince(server);
    return {
      serverCpuMsPerEdit: Math.round((cpuMs / edits) * 1000) / 1000,
      ...summarize(recorder.latencies),
      maxScheduleLagMs: Math.round(maxLag),
      incomplete: recorder.pending,
    };
  } finally {
    closeAll(clients);
    await sleep(300);
  }
}

const mbPer = (after: number | null, before: number | null, n: number) =>
  after === null || before === null ? null : Math.round(((after - before) / n) * 1000) / 1000;

/**
 * (d) One provider on each of `boards`, each board set up with the seeded content, then all
 * idle: memory before, while open, and once they left and the server let the boards go.
 */
export async function idleBoards(server: ServerProcess, boards: readonly number[], unloadedWithin: number) {
  const before = await server.memory();
  const open = await connectBoards(server.ports, boards.map(nameOf), 1, server.headers);
  const clients = open.flat();
  clients.forEach((client, i) => seedBoard(client.doc, boards[i]!));
  await sleep(1_000); // the seeded boards are stored and sent on; then nothing happens
  const idle = await server.memory();
  closeAll(clients);
  const loadedAfter = await untilLoadedAtMost(server, before.loadedDocuments ?? 0, unloadedWithin);
  await sleep(200);
  const after = await server.memory();
  const n = boards.length;
  const summary = (m: ServerMemory) => ({
    rssMB: m.rssMB,
    heapUsedAfterGcMB: m.heapUsedAfterGcMB,
    loadedDocuments: m.loadedDocuments ?? null,
  });
  return {
    boards: n,
    before: summary(before),
    whileOpen: summary(idle),
    afterLeaving: { ...summary(after), loadedDocuments: loadedAfter },
    perIdleBoardHeapMB: mbPer(idle.heapUsedAfterGcMB, before.heapUsedAfterGcMB, n),
    perIdleBoardRssMB: mbPer(idle.rssMB, before.rssMB, n),
    /** What stays in the heap after the boards left, per board (0 when all of it came back). */
    leftPerBoardHeapMB: mbPer(after.heapUsedAfterGcMB, before.heapUsedAfterGcMB, n),
  };
}
