/**
 * One instance of our server among several, in its own process: the whole app as server/app.ts
 * starts it, on the shared PostgreSQL schema and Redis the driver hands it (README "Running
 * several instances"), with a temporary folder of its own for DATA_DIR and its key files.
 *
 * Env (from bench/lib/serverProcess.ts): DATABASE_URL, REDIS_URL, REDIS_CHANNEL_PREFIX,
 * AUDIT_KEY, TWO_FACTOR_KEY, INSTANCE_NAME, and BENCH_BOARDS = number of cases. With
 * BENCH_SEED=1 this instance (started first, so it migrated the schema) also writes the cases
 * `bench-0` … `bench-<n-1>`, one member of all of them and that member's session into
 * PostgreSQL, and reports the session cookie; the others are started after it.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Config } from '../../server/config.js';
import { benchCaseId, serveDriver } from '../lib/ipc.js';

const boards = Number(process.env.BENCH_BOARDS ?? '1');
if (!Number.isInteger(boards) || boards < 1 || boards > 10_000) {
  throw new Error(`BENCH_BOARDS must be 1–10000, got ${process.env.BENCH_BOARDS ?? ''}`);
}
const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set for an instance`);
  return value;
};

// keys/ and the audit checkpoint go next to DATA_DIR (the config's default), inside this folder
// (made, and removed after the stop, by the driver; else one of our own).
const root =
  process.env.BENCH_INSTANCE_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-bench-instance-'));
process.once('exit', () => fs.rmSync(root, { recursive: true, force: true }));
const base = loadConfig({
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: path.join(root, 'data'),
  DEMO_DATA: 'false',
  LOG_LEVEL: 'warn',
  REQUIRE_2FA: 'false',
  DATABASE_URL: required('DATABASE_URL'),
  REDIS_URL: required('REDIS_URL'),
  REDIS_CHANNEL_PREFIX: required('REDIS_CHANNEL_PREFIX'),
  AUDIT_KEY: required('AUDIT_KEY'),
  TWO_FACTOR_KEY: required('TWO_FACTOR_KEY'),
  INSTANCE_NAME: required('INSTANCE_NAME'),
});
const config: Config = { ...base, demoData: false, clientDir: null };
const server = await startServer(config);

let headers: Record<string, string> = {};
if (process.env.BENCH_SEED === '1') {
  // The same as bench/servers/ours.ts seeds into SQLite: one member on every board, signed in.
  const db = server.storage.db;
  const now = new Date().toISOString();
  const professionalId = 'prof-bench';
  const userId = randomUUID();
  await db
    .insertInto('professionals')
    .values({ id: professionalId, name: 'Bench Tester', role_title: 'Tester', domain: 'social' })
    .execute();
  await db
    .insertInto('users')
    .values({
      id: userId,
      username: 'bench-tester',
      display_name: 'Bench Tester',
      role: 'professional',
      professional_id: professionalId,
      created_at: now,
    })
    .execute();
  await db.insertInto('districts').values({ id: 'd1', name: 'Testwijk' }).execute();
  await db.insertInto('neighbourhoods').values({ id: 'n1', district_id: 'd1', name: 'Testbuurt' }).execute();
  const ids = Array.from({ length: boards }, (_, b) => benchCaseId(b));
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    await db
      .insertInto('cases')
      .values(
        chunk.map((id) => ({
          id,
          client_name: 'Test Cliënt',
          neighbourhood_id: 'n1',
          recovery_context: 'stroke' as const,
          created_at: '2026-01-01T00:00:00Z',
        })),
      )
      .execute();
    await db
      .insertInto('case_members')
      .values(
        chunk.map((id) => ({
          case_id: id,
          professional_id: professionalId,
          case_role: 'test',
          access: 'write' as const,
        })),
      )
      .execute();
  }
  const { token } = await server.services.sessions.create(userId);
  headers = { cookie: `vz_session=${token}` };
}

serveDriver(
  server.port,
  async () => {
    const closing = performance.now();
    await server.close();
    const ms = Math.round(performance.now() - closing);
    if (ms > 2_000) process.stderr.write(`closing took ${ms} ms\n`);
  },
  headers,
);
