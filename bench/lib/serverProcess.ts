import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFromServer } from './ipc.js';
import type { FromServer, MemoryMessage, ToServer } from './ipc.js';

export type ServerKind = 'ours' | 'reference';

export interface ServerProcess {
  kind: ServerKind;
  port: number;
  /** What every client must send to be let in (a session cookie for ours). */
  headers: Record<string, string>;
  /** Asks the server process for its own memory figures. */
  memory(): Promise<MemoryMessage>;
  /** Stops the server process (gracefully, then by force) and waits for it to exit. */
  stop(): Promise<void>;
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

/** Starts one server under test in a child process (node --import tsx) and waits for its port. */
export async function startServerProcess(kind: ServerKind, boards: number): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_BOARDS: String(boards) };
  delete env.YPERSISTENCE;
  delete env.CALLBACK_URL;
  delete env.NODE_OPTIONS;
  const child: ChildProcess = fork(path.join(serversDir, `${kind}.ts`), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env,
    // The child's own output goes to our stderr: stdout carries only the result JSON.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (chunk: Buffer) => process.stderr.write(`[${kind}] ${chunk.toString()}`));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${kind}] ${chunk.toString()}`));

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = (type: FromServer['type']) =>
    new Promise<FromServer>((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if (!isFromServer(message) || message.type !== type) return;
        cleanup();
        resolve(message);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`${kind} server exited (code ${code}) while waiting for "${type}"`));
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
    ready = await withTimeout(next('ready'), 30_000, `${kind} server start`);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  if (ready.type !== 'ready') throw new Error('unexpected message');

  return {
    kind,
    port: ready.port,
    headers: ready.headers,
    async memory() {
      const answer = next('memory');
      send({ type: 'memory' });
      const message = await withTimeout(answer, 10_000, `${kind} memory`);
      if (message.type !== 'memory') throw new Error('unexpected message');
      return message;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) send({ type: 'stop' });
      try {
        await withTimeout(exited, 8_000, `${kind} stop`);
      } catch {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
