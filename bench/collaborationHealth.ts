/**
 * Collaboration-health benchmark: the server time of the overview page (SPEC CH4–CH7; issue 16
 * asks for under 200 ms for a district of 5,000 clients) for the whole district and for one
 * neighbourhood: the scan results of every closed round and the aims from SQL rows. Runs in this
 * process on a fresh SQLite file in a temporary directory. Prints one JSON object on stdout;
 * progress goes to stderr.
 *
 *   npm run bench   (after the other benchmarks), or: npx tsx bench/collaborationHealth.ts
 */
import { summarize, time } from './lib/timing.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collaborationHealthService } from '../server/collaborationHealth/service.js';
import type { Scope } from '../server/collaborationHealth/service.js';
import { openDatabase } from '../server/db/database.js';
import { sqliteData } from '../server/storage/sqlite.js';
import { defaultMinGroup } from '../shared/collaborationHealth.js';
import { generateHealthData } from './lib/collaborationHealthData.js';
import { machineInfo } from './lib/machine.js';

const spec = {
  cases: 5_000,
  neighbourhoods: 10,
  coordinators: 25,
  professionals: 300,
  referrals: 8_000,
  relapses: 600,
  meetings: 200,
  ratings: 15_000,
  rounds: 6,
  respondentsPerRound: 250,
  seed: 5_000,
};
const runs = 100;
const warmup = 5;

const log = (message: string) => process.stderr.write(`${message}\n`);

/** How many rows each table the overview reads holds, so a reader sees what was measured. */
const tables = [
  'cases',
  'case_summaries',
  'case_members',
  'professionals',
  'teams',
  'referrals',
  'board_versions',
  'meetings',
  'meeting_minutes',
  'client_rating_log',
  'health_rounds',
  'health_responses',
  'health_answers',
  'health_comments',
] as const;

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-bench-collaboration-health-'));
  const db = openDatabase(dataDir);
  try {
    log(`generating ${spec.cases} clients, ${spec.referrals} referrals, ${spec.rounds} rounds`);
    const place = generateHealthData(db, spec);
    db.exec('ANALYZE');
    const rows = Object.fromEntries(
      tables.map((t) => [t, db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${t}`).get()!.n]),
    );
    const data = sqliteData(db);
    const health = collaborationHealthService(data, { minGroup: defaultMinGroup });

    const scopes: Record<string, Scope> = {
      district: { districtId: place.districtId, neighbourhoodId: null },
      neighbourhood: { districtId: place.districtId, neighbourhoodId: place.neighbourhoodId },
    };
    const overview: Record<
      string,
      ReturnType<typeof summarize> & {
        clients: number;
        closedRounds: number;
        answerKB: number;
        firstCallMs: number;
      }
    > = {};
    for (const [name, scope] of Object.entries(scopes)) {
      log(`overview: ${name}`);
      // The first call of a fresh process also works out the closed rounds' results, which the
      // service keeps (their answers never change); the runs after it read them from memory.
      const fresh = collaborationHealthService(data, { minGroup: defaultMinGroup });
      const started = performance.now();
      await fresh.overview(scope);
      const firstCallMs = Math.round((performance.now() - started) * 1000) / 1000;
      const timings = await time(runs, () => health.overview(scope), warmup);
      const answer = await health.overview(scope);
      const stats = summarize(timings);
      overview[name] = {
        ...stats,
        clients: answer.aims.clients,
        closedRounds: new Set(answer.trend.map((p) => p.roundId)).size,
        answerKB: Math.round(Buffer.byteLength(JSON.stringify(answer)) / 102.4) / 10,
        firstCallMs,
      };
      log(`  p50 ${stats.p50Ms} ms, p99 ${stats.p99Ms} ms (${answer.aims.clients} clients)`);
    }

    const output = {
      machine: machineInfo(loadAtStart),
      data: { ...spec, rows },
      overview,
      goal: 'issue 16: the page answers in under 200 ms for a district of 5,000 clients',
      note: 'collaborationHealthService.overview: closed rounds results + aims rows, SQLite, same process',
      durationS: Math.round((Date.now() - started) / 100) / 10,
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
