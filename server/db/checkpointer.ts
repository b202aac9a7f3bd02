import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The WAL is brought back to nothing once it is past this size (and every reset trims it to it). */
export const walLimitBytes = 16 * 1024 * 1024;

/**
 * Moves SQLite's WAL checkpoints off the event loop. With the default auto-checkpoint, every
 * thousandth write stalls the server for a disk flush (7–17 ms measured here), which every editor
 * waiting for an update feels. A worker thread with its own connection checkpoints instead; the
 * main connection keeps a far-off auto-checkpoint as a safety net should the worker stop.
 *
 * The WAL stays bounded: a passive checkpoint copies what it can without waiting for anyone, and
 * once the file is past `limitBytes` (a long read held it open, so it could not start over) the
 * worker truncates it as soon as no reader needs it, without waiting: a writer is never held up.
 * `journal_size_limit` trims it whenever SQLite starts it over.
 */
const source = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('journal_size_limit = ' + workerData.limitBytes);
const walBytes = () => { try { return fs.statSync(workerData.file + '-wal').size; } catch { return 0; } };
parentPort.on('message', (message) => {
  if (message === 'stop') { db.close(); process.exit(0); }
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next round will do it */ }
  if (walBytes() > workerData.limitBytes) {
    // TRUNCATE waits for readers and holds writers back meanwhile: here it never waits.
    db.pragma('busy_timeout = 0');
    try { db.pragma('wal_checkpoint(TRUNCATE)'); } catch { /* a reader: the next round */ }
    db.pragma('busy_timeout = 5000');
  }
  parentPort.postMessage({ walBytes: walBytes() });
});
`;

export interface Checkpointer {
  /** The WAL's size after the next round (for tests and the bench). */
  nextRound(): Promise<{ walBytes: number }>;
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, everyMs = 1_000, limitBytes = walLimitBytes): Checkpointer {
  const worker = new Worker(source, {
    eval: true,
    workerData: { file, limitBytes, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  worker.unref();
  const timer = setInterval(() => worker.postMessage('tick'), everyMs);
  timer.unref();
  return {
    nextRound: () =>
      new Promise((resolve) => worker.once('message', (round: { walBytes: number }) => resolve(round))),
    async stop() {
      clearInterval(timer);
      worker.ref(); // keep the process alive until the worker has closed its connection
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      await exited;
    },
  };
}
