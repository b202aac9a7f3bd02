import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/app.js';
import type { RunningServer } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Config } from '../../server/config.js';
import type { Db } from '../../server/db/database.js';
import type { LogDestination } from '../../server/logger.js';

export interface TestServer extends RunningServer {
  dataDir: string;
  config: Config;
  /** Stops the server and starts it again on the same data directory (a restart). */
  restart(): Promise<TestServer>;
}

/** Starts the real server on port 0 with a fresh data directory and no demo data. */
export async function startTestServer(
  overrides: Omit<Partial<Config['sync']>, 'hold'> & {
    /** Bounds of the updates a connection holds for what they depend on (SPEC V5). */
    hold?: Partial<Config['sync']['hold']>;
    dataDir?: string;
    /** A fixed port (e.g. to bring a stopped server back where browsers expect it); default 0. */
    port?: number;
    demoData?: boolean;
    clientDir?: string | null;
    session?: Partial<Config['session']>;
    accessRecheckMs?: number;
    /** How soon after a board change its caseload summary is written. */
    projectionDebounceMs?: number;
    /** How often a version of a board being edited is kept (default 15 minutes). */
    versionEveryMs?: number;
    /** E-mail of notifications, e.g. `{ smtpUrl }` of an SMTP server the test started. */
    mail?: Partial<Config['mail']>;
    /** Two-factor sign-in: `{ required: true }` is production's REQUIRE_2FA. */
    twoFactor?: Partial<Config['twoFactor']>;
    /** Where the access log's key and checkpoints live (default: `keys/` beside the data folder). */
    audit?: Partial<Config['audit']>;
    /** Log lines go to this stream at this level (default: none, 'silent'). */
    logLevel?: Config['logLevel'];
    logDestination?: LogDestination;
    /** The clock retention periods are measured by (SPEC RT1), and the periods themselves. */
    retentionClock?: () => Date;
    retention?: Partial<Config['retention']>;
  } = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-test-'));
  const base = loadConfig({
    NODE_ENV: 'test',
    PORT: String(overrides.port ?? 0),
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
  });
  const config: Config = {
    ...base,
    demoData: overrides.demoData ?? false,
    clientDir: overrides.clientDir === undefined ? null : overrides.clientDir,
    session: { ...base.session, ...overrides.session },
    accessRecheckMs: overrides.accessRecheckMs ?? base.accessRecheckMs,
    projectionDebounceMs: overrides.projectionDebounceMs ?? base.projectionDebounceMs,
    versionEveryMs: overrides.versionEveryMs ?? base.versionEveryMs,
    mail: { ...base.mail, ...overrides.mail },
    twoFactor: { ...base.twoFactor, ...overrides.twoFactor },
    // A keys folder of its own beside each data folder (not one shared `keys/` in the temp folder).
    audit: {
      ...base.audit,
      keyFile: path.join(`${dataDir}-keys`, 'audit.key'),
      checkpointFile: path.join(`${dataDir}-keys`, 'audit-checkpoints.jsonl'),
      ...overrides.audit,
    },
    logLevel: overrides.logLevel ?? base.logLevel,
    retention: { ...base.retention, ...overrides.retention },
    sync: {
      maxMessageBytes: overrides.maxMessageBytes ?? base.sync.maxMessageBytes,
      unloadAfterMs: overrides.unloadAfterMs ?? base.sync.unloadAfterMs,
      compactAfterUpdates: overrides.compactAfterUpdates ?? base.sync.compactAfterUpdates,
      hold: { ...base.sync.hold, ...overrides.hold },
    },
  };
  const running = await startServer(config, {
    logDestination: overrides.logDestination,
    retentionClock: overrides.retentionClock,
  });
  const server: TestServer = {
    ...running,
    dataDir,
    config,
    async restart() {
      await running.close();
      return startTestServer({ ...overrides, dataDir });
    },
  };
  return server;
}

let counter = 0;
/** Inserts a minimal case (with its neighbourhood) so its documents can be opened. */
export function insertCase(db: Db, id = `case${++counter}`): string {
  db.prepare("INSERT OR IGNORE INTO districts (id, name) VALUES ('d1', 'Testwijk')").run();
  db.prepare(
    "INSERT OR IGNORE INTO neighbourhoods (id, district_id, name) VALUES ('n1', 'd1', 'Testbuurt')",
  ).run();
  db.prepare(
    `INSERT INTO cases (id, client_name, neighbourhood_id, recovery_context, created_at)
     VALUES (?, 'Test Cliënt', 'n1', 'stroke', '2026-01-01T00:00:00Z')`,
  ).run(id);
  return id;
}
