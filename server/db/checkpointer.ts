import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Moves SQLite's WAL checkpoints off the event loop. With the default auto-checkpoint, every
 * thousandth write stalls the server for a disk flush (7–17 ms measured here), which every editor
 * waiting for an update feels. A worker thread with its own connection checkpoints instead; the
 * main connection keeps a far-off auto-checkpoint as a safety net should the worker stop.
 */
const source = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'stop') { db.close(); process.exit(0); }
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next round will do it */ }
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, everyMs = 1_000): Checkpointer {
  const worker = new Worker(source, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  worker.unref();
  const timer = setInterval(() => worker.postMessage('tick'), everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      worker.ref(); // keep the process alive until the worker has closed its connection
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      await exited;
    },
  };
}
