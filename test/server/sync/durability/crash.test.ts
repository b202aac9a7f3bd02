import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { caseDocumentName, isFinalClose } from '../../../../shared/protocol.js';
import { connectClient } from '../../../utils/clients.js';
import type { SyncClient } from '../../../utils/clients.js';
import {
  createOwnGoal,
  editOnce,
  emptyRecord,
  missingEdits,
  openEditor,
  seeded,
} from '../../../utils/editors.js';
import type { BoardRecord, Editor } from '../../../utils/editors.js';
import { eventually } from '../../../utils/eventually.js';
import { seedPostgres } from '../../../utils/instances.js';
import {
  freePort,
  killServerProcesses,
  seedDataDir,
  startServerProcess,
} from '../../../utils/serverProcess.js';
import type { ServerProcess } from '../../../utils/serverProcess.js';
import { freshPostgresSchema, postgresTestsEnabled, testDatabaseUrl } from '../../../utils/services.js';
import { boardJson } from '../../../utils/syncFixture.js';

/**
 * SPEC D2 and "no edit is ever lost" under real conditions: the real server runs as a child
 * process on one data directory and is killed with SIGKILL while twelve stock providers on two
 * boards keep typing, adding steps and moving cards, online and offline; it is started again each
 * time on the same address. Asserts correctness only; the figures are printed for the record.
 */
const boards = 2;
const editorsPerBoard = 6;
const editsBetweenKills = 25; // per editor, online, before each kill
const editsWhileDown = 5; // per editor, before the server comes back

// Every stock provider in Node listens for the process's exit; this test opens more than ten at once.
process.setMaxListeners(64);

let dataDir: string | null = null;
const clients: SyncClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await killServerProcesses();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
});

/** Fresh providers on every board, synced: what anyone opening the boards now would see. */
async function readBoards(url: string, names: string[], headers: Record<string, string>) {
  const readers = names.map((name) => connectClient(url, name, undefined, headers));
  clients.push(...readers);
  await eventually(() => expect(readers.every((r) => r.provider.synced)).toBe(true), 10_000);
  return readers;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/**
 * `kills` SIGKILLs while the providers edit; `env` chooses where the data lives (default SQLite
 * in the data directory; DATABASE_URL for PostgreSQL).
 */
async function killedMidEdit(kills: number, env: NodeJS.ProcessEnv = {}, engine = 'SQLite') {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-crash-'));
  const { caseIds, cookie } = env.DATABASE_URL
    ? await seedPostgres(env.DATABASE_URL, boards)
    : await seedDataDir(dataDir, boards);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const headers = { cookie, origin: `http://localhost:${port}` };
  const names = caseIds.map((id) => caseDocumentName(id));
  const records: BoardRecord[] = names.map(() => emptyRecord());
  let server: ServerProcess = await startServerProcess(dataDir, port, env);

  const editors: { editor: Editor; board: number }[] = [];
  for (let board = 0; board < boards; board++)
    for (let i = 0; i < editorsPerBoard; i++) {
      const editor = openEditor(url, names[board]!, headers, 'abcdefghijkl'[i]!);
      clients.push(editor.client);
      editors.push({ editor, board });
    }
  await eventually(
    () => expect(editors.every(({ editor }) => editor.client.provider.synced)).toBe(true),
    10_000,
  );
  for (const { editor, board } of editors) createOwnGoal(editor, records[board]!);

  const random = seeded(10);
  const driver = setInterval(() => {
    for (const { editor, board } of editors) if (random() < 0.3) editOnce(editor, records[board]!, random);
  }, 10);
  const editedSince = async (marks: number[], atLeast: number) =>
    eventually(
      () =>
        expect(Math.min(...editors.map(({ editor }, i) => editor.made - marks[i]!))).toBeGreaterThanOrEqual(
          atLeast,
        ),
      15_000,
    );
  const mark = () => editors.map(({ editor }) => editor.made);

  const reconnectMs: number[][] = [];
  let offlineEdits = 0;
  try {
    for (let kill = 0; kill < kills; kill++) {
      await editedSince(mark(), editsBetweenKills);
      const killedAt = Date.now();
      await server.kill();
      const down = mark();
      await editedSince(down, editsWhileDown);
      server = await startServerProcess(dataDir, port, env);
      offlineEdits += mark().reduce((sum, made, i) => sum + made - down[i]!, 0);
      // Any sync after the kill is with the new server (a provider may beat the "listening" line).
      await eventually(
        () => expect(editors.every(({ editor }) => editor.syncedAt > killedAt)).toBe(true),
        15_000,
      );
      const readyAt = server.readyAt;
      reconnectMs.push(editors.map(({ editor }) => Math.max(0, editor.syncedAt - readyAt)));
    }
    await editedSince(mark(), editsBetweenKills);
  } finally {
    clearInterval(driver);
  }

  // Everything anyone typed is on the server: a fresh provider reads it, and every screen agrees.
  const readers = await readBoards(url, names, headers);
  await eventually(() => {
    for (const { editor, board } of editors)
      expect(boardJson(editor.client.doc)).toEqual(boardJson(readers[board]!.doc));
  }, 10_000);
  const onServer = readers.map((reader) => boardJson(reader.doc));
  const lost = readers.map((reader, board) => missingEdits(reader.doc, records[board]!));
  const memory = server.memory();
  const closeCodes = new Map<number, number>();
  for (const { editor } of editors) {
    expect(editor.client.provider.wsconnected).toBe(true);
    expect(editor.client.provider.synced).toBe(true);
    expect(editor.client.closes.filter((c) => isFinalClose(c.code))).toEqual([]);
    for (const { code } of editor.client.closes) closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
  }

  // What reached the disk is all of it: no provider left to send anything again, killed once more.
  for (const client of clients.splice(0)) client.destroy();
  await server.kill();
  await startServerProcess(dataDir, port, env); // killed by afterEach
  const afterRestart = await readBoards(url, names, headers);
  expect(afterRestart.map((reader) => boardJson(reader.doc))).toEqual(onServer);

  const made = editors.reduce((sum, { editor }) => sum + editor.made, 0);
  const all = reconnectMs.flat();
  console.log(
    [
      `crash suite on ${engine} (${os.cpus().length} cores, node ${process.version}): ${editors.length} stock providers on ${boards} boards, ${kills + 1} SIGKILLs`,
      `  edits made: ${made} (${offlineEdits} while the server was down); edits lost: ${lost.reduce((s, l) => s + l.lost, 0)}`,
      ...reconnectMs.map(
        (ms, i) =>
          `  reconnect after kill ${i + 1} (server listening -> provider synced): p50 ${percentile(ms, 50)} ms, p99 ${percentile(ms, 99)} ms`,
      ),
      `  reconnect over all kills: p50 ${percentile(all, 50)} ms, p99 ${percentile(all, 99)} ms`,
      `  closes the providers saw: ${[...closeCodes].map(([code, n]) => `${n} x ${code}`).join(', ')} (none 44xx)`,
      `  server RSS after the run: ${Math.round(memory.rssKiB / 1024)} MiB (peak ${Math.round(memory.peakKiB / 1024)} MiB)`,
    ].join('\n'),
  );
  for (const { problems } of lost) expect(problems).toEqual([]);
  return dataDir;
}

describe('[D2] the server killed mid-edit', () => {
  it(`3 SIGKILLs while ${boards * editorsPerBoard} providers edit: every edit is on the server, every provider connected again, none refused`, async () => {
    await killedMidEdit(3);
  }, 60_000);
});

const postgres = await postgresTestsEnabled();

describe.skipIf(!postgres)('[D2] the server killed mid-edit, data on PostgreSQL', () => {
  let schema: ReturnType<typeof freshPostgresSchema> | null = null;
  afterAll(async () => {
    await killServerProcesses();
    await schema?.drop();
  });

  it(`2 SIGKILLs while ${boards * editorsPerBoard} providers edit, DATABASE_URL set: every edit is in PostgreSQL, none refused`, async () => {
    schema = freshPostgresSchema('crash');
    const client = new pg.Client({ connectionString: testDatabaseUrl });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema.schema}`).finally(() => client.end());
    const url = new URL(testDatabaseUrl);
    url.searchParams.set('options', `-c search_path=${schema.schema}`);
    const dir = await killedMidEdit(2, { DATABASE_URL: url.toString() }, 'PostgreSQL');
    // All of it went to PostgreSQL: with DATABASE_URL no SQLite file is even made.
    expect(fs.existsSync(path.join(dir, 'veelzijdig.sqlite'))).toBe(false);
    const reader = new pg.Client({ connectionString: url.toString() });
    await reader.connect();
    const inPostgres = await reader
      .query<{ n: string }>('SELECT count(*) AS n FROM document_updates')
      .finally(() => reader.end());
    expect(Number(inPostgres.rows[0]!.n)).toBeGreaterThan(0);
  }, 60_000);
});
