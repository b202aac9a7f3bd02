import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sessionStore } from '../../server/auth/sessions.js';
import { openDatabase } from '../../server/db/database.js';
import { accountService } from '../../server/services/accounts.js';
import { sqliteData } from '../../server/storage/sqlite.js';
import { addMember } from './accounts.js';
import { insertCase } from './server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A port nobody listens on right now, to start a server on that stays at one address across restarts. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Fills a fresh data directory before the server first starts: `cases` cases with one member who
 * may write, that member's account and a session. Sessions live in SQLite, so the same cookie
 * works for every server started on this directory.
 */
export async function seedDataDir(
  dataDir: string,
  cases: number,
): Promise<{ caseIds: string[]; cookie: string }> {
  const db = openDatabase(dataDir);
  const data = sqliteData(db);
  try {
    const caseIds = Array.from({ length: cases }, () => insertCase(db));
    db.prepare(
      "INSERT INTO professionals (id, name, role_title, domain) VALUES ('prof-crash', 'Crash Tester', 'Tester', 'social')",
    ).run();
    const userId = await accountService(data).create({
      username: 'crash-tester',
      displayName: 'Crash Tester',
      role: 'professional',
      professionalId: 'prof-crash',
    });
    for (const caseId of caseIds) addMember(db, caseId, 'prof-crash');
    const { token } = await sessionStore(data, { idleMinutes: 480, maxHours: 12 }).create(userId);
    return { caseIds, cookie: `vz_session=${token}` };
  } finally {
    db.close();
  }
}

/** The real server (`server/main.ts`) as a child process of the test. */
export interface ServerProcess {
  pid: number;
  /** When the server said it listens (ms since the epoch). */
  readyAt: number;
  /** Kills it with SIGKILL: no shutdown code runs, as in a crash; resolves once it is gone. */
  kill(): Promise<void>;
  /** Resident and peak memory from /proc/<pid>/status, in KiB. */
  memory(): { rssKiB: number; peakKiB: number };
}

/**
 * Starts `node --import tsx server/main.ts` on `dataDir` and `port`; resolves once it listens.
 * `env` adds variables, e.g. DATABASE_URL for documents on PostgreSQL (default: SQLite).
 */
export function startServerProcess(
  dataDir: string,
  port: number,
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'server/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DEMO_DATA: 'false',
        LOG_LEVEL: 'silent',
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Veelzijdig runs at')) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      resolve({
        pid: child.pid!,
        readyAt: Date.now(),
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
        memory() {
          const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
          const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
          return { rssKiB: kib('VmRSS'), peakKiB: kib('VmHWM') };
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.once('exit', (code, signal) =>
      reject(new Error(`server exited (${code ?? signal}) before it listened:\n${output}`)),
    );
  });
}

const running = new Set<ChildProcess>();
/** Kills every server process a test started and did not kill itself (for afterEach). */
export async function killServerProcesses(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}
