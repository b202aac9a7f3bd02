/**
 * Our sync server under test, in its own process: the whole app as server/app.ts starts it
 * (sessions and case access, shape validation, SQLite persistence), on a fresh temporary data directory,
 * without demo data or the built client, listening on a free loopback port.
 *
 * Env: BENCH_BOARDS = number of cases to create (`bench-0` … `bench-<n-1>`);
 * BENCH_UNLOAD_AFTER_MS = how long a board stays in memory after its last client left (the
 * server's SYNC_UNLOAD_AFTER_MS; its default when unset).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Config } from '../../server/config.js';
import { addMember, addProfessional, signIn } from '../../test/utils/accounts.js';
import { insertCase } from '../../test/utils/server.js';
import { benchCaseId, serveDriver } from '../lib/ipc.js';

const boards = Number(process.env.BENCH_BOARDS ?? '1');
if (!Number.isInteger(boards) || boards < 1 || boards > 10_000) {
  throw new Error(`BENCH_BOARDS must be 1–10000, got ${process.env.BENCH_BOARDS ?? ''}`);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-bench-'));
const base = loadConfig({
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DEMO_DATA: 'false',
  LOG_LEVEL: 'warn',
  // The bench signs its member in without a second factor, which production would require.
  REQUIRE_2FA: 'false',
  ...(process.env.BENCH_UNLOAD_AFTER_MS ? { SYNC_UNLOAD_AFTER_MS: process.env.BENCH_UNLOAD_AFTER_MS } : {}),
});
const config: Config = { ...base, demoData: false, clientDir: null };
const server = await startServer(config);
// One signed-in member on every board: the clients use that session, as browsers would.
const member = addProfessional(server);
for (let board = 0; board < boards; board++) {
  insertCase(server.db, benchCaseId(board));
  addMember(server.db, benchCaseId(board), member.professionalId);
}
const { cookie } = await signIn(server, member.userId);

serveDriver(
  server.port,
  async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  { cookie },
  () => server.services.registry.size,
);
