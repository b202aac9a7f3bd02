/**
 * Storage benchmark: appends to the document log (server/storage) on SQLite and on PostgreSQL,
 * with and without group commit. One editor appending one update at a time measures the latency
 * of a lone append; 50 editors over 10 boards, each appending its next update as soon as the last
 * is durable, measure throughput and latency under load, and how many transactions carried them.
 * SQLite lives in a temporary directory, PostgreSQL in a schema of its own on BENCH_DATABASE_URL
 * (default the test database), dropped afterwards; without PostgreSQL only SQLite is measured.
 * Prints one JSON object on stdout; progress goes to stderr.
 *
 *   npm run bench   (after the others), or: npx tsx bench/storage.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { openStorage } from '../server/storage/storage.js';
import type { Storage } from '../server/storage/storage.js';
import { machineInfo } from './lib/machine.js';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const scenarios = {
  lone: { editors: 1, boards: 1, appendsPerEditor: 1_000 },
  load: { editors: 50, boards: 10, appendsPerEditor: 100 },
};
const warmupAppends = 50;

const log = (message: string) => process.stderr.write(`${message}\n`);
const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Nearest-rank percentiles, in milliseconds. */
function summarize(timings: number[]) {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return { p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted.at(-1)!) };
}

/** Real updates as an editor types them: a few characters into the notes of a board. */
function typedUpdates(count: number, clientID: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; updates.length < count; i++) doc.getText('notes').insert(i % 7, i % 3 ? 'ab' : 'x');
  doc.destroy();
  return updates;
}

async function run(storage: Storage, scenario: (typeof scenarios)[keyof typeof scenarios], tag: string) {
  const { editors, boards, appendsPerEditor } = scenario;
  const updates = Array.from({ length: editors }, (_, e) =>
    typedUpdates(appendsPerEditor + warmupAppends, e + 1),
  );
  const log_ = storage.documents;
  // Warm up: connections, statements, the heads rows.
  await Promise.all(
    updates.map(async (mine, e) => {
      for (let i = 0; i < warmupAppends; i++) await log_.append(`bench:${tag}:${e % boards}`, mine[i]!);
    }),
  );
  const before = log_.stats();
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    updates.map(async (mine, e) => {
      for (let i = warmupAppends; i < mine.length; i++) {
        const at = performance.now();
        await log_.append(`bench:${tag}:${e % boards}`, mine[i]!, `u${e}`);
        latencies.push(performance.now() - at);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = log_.stats();
  const transactions = after.batches - before.batches;
  return {
    ...scenario,
    appends: latencies.length,
    appendsPerS: Math.round(latencies.length / seconds),
    ...summarize(latencies),
    transactions,
    meanBatch: Math.round(((after.items - before.items) / transactions) * 10) / 10,
  };
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function measure(engine: 'sqlite' | 'postgres') {
  const results: Record<string, unknown> = {};
  for (const groupCommit of [true, false]) {
    for (const [name, scenario] of Object.entries(scenarios)) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-bench-storage-'));
      const schema = `bench_storage_${process.pid}_${Date.now().toString(36)}`;
      const storage = await openStorage(
        { databaseUrl: engine === 'postgres' ? databaseUrl : null, dataDir },
        { groupCommit, postgres: { schema } },
      );
      try {
        const key = `${name}${groupCommit ? 'GroupCommit' : 'OneTransactionEach'}`;
        results[key] = await run(storage, scenario, key);
        log(`  ${engine} ${key}: ${JSON.stringify(results[key])}`);
      } finally {
        await storage.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
        if (engine === 'postgres') {
          const client = new pg.Client({ connectionString: databaseUrl });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await client.end();
        }
      }
    }
  }
  return results;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  log('Storage benchmark: document log appends');
  const sqlite = await measure('sqlite');
  const postgres = (await postgresReachable())
    ? await measure('postgres')
    : { skipped: `PostgreSQL not reachable at ${databaseUrl.replace(/\/\/[^@]*@/, '//')}` };
  const output = {
    machine: machineInfo(loadAtStart),
    sqlite: { settings: 'WAL, synchronous=NORMAL (as the server opens it)', ...sqlite },
    postgres,
    note: 'latency: call of append() until its transaction committed; load: each editor appends its next update once the last is durable',
    durationS: Math.round((Date.now() - started) / 100) / 10,
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

await main();
