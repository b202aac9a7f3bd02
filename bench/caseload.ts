/**
 * Caseload benchmark: the server time of the caseload query over 5,000 generated clients (for a
 * coordinator who sees ~200 and a professional who sees all of them), per typical request, and
 * the projection's cost per board change (summarizing a demo-sized board into its SQL row).
 * Everything runs in this process on a fresh SQLite file in a temporary directory, no boards are
 * loaded for the caseload. Prints one JSON object on stdout; progress goes to stderr.
 *
 *   npm run bench   (after the sync benchmark), or: npx tsx bench/caseload.ts
 */
import { summarize, time } from './lib/timing.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { addStep, goalsOf, readBoard, updateGoal } from '../shared/doc/board.js';
import { readObservations } from '../shared/doc/signalPlan.js';
import { caseloadService } from '../server/caseload/caseload.js';
import type { CaseloadFilter } from '../server/caseload/caseload.js';
import { summaryStore } from '../server/caseload/summaries.js';
import { openDatabase } from '../server/db/database.js';
import { sqliteData } from '../server/storage/sqlite.js';
import { demoData } from '../server/demo/data.js';
import { demoBoard } from '../server/demo/seed.js';
import { seedSignalPlan } from '../server/demo/signalPlans.js';
import { generateCaseload } from './lib/caseloadData.js';
import { machineInfo } from './lib/machine.js';

const spec = { cases: 5_000, neighbourhoods: 20, coordinators: 25, professionals: 300, seed: 5_000 };
/** Runs per request: fewer for the viewer of all 5,000, whose every query lists them all. */
const queryRuns = { coordinator: 200, everywhere: 60 };
const projectionRuns = 1_000;

const log = (message: string) => process.stderr.write(`${message}\n`);
async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-bench-caseload-'));
  const db = openDatabase(dataDir);
  try {
    log(`generating ${spec.cases} clients`);
    const data = generateCaseload(db, spec);
    const caseload = caseloadService(sqliteData(db));

    const requests: Record<string, CaseloadFilter> = {
      'no filter, by risk': { sort: 'risk', limit: 100 },
      'state red': { state: 'red', limit: 100 },
      'state none': { state: 'none', limit: 100 },
      neighbourhood: { neighbourhood: data.neighbourhood, limit: 100 },
      perspective: { perspective: 'refugee', limit: 100 },
      owner: { owner: data.owner, limit: 100 },
      'search "jan"': { q: 'jan', limit: 100 },
      'search "yilmaz" (accents folded)': { q: 'yilmaz', limit: 100 },
      'by name': { sort: 'name', limit: 100 },
      'by last change': { sort: 'lastChange', limit: 100 },
    };
    const viewers = {
      [`coordinator (${data.coordinator.visible} clients)`]: {
        ...data.coordinator,
        runs: queryRuns.coordinator,
      },
      [`professional on every case (${data.everywhere.visible} clients)`]: {
        ...data.everywhere,
        runs: queryRuns.everywhere,
      },
    };
    const query: Record<
      string,
      Record<string, ReturnType<typeof summarize> & { matches: number; answerKB: number }>
    > = {};
    for (const [viewerName, viewer] of Object.entries(viewers)) {
      log(`caseload query: ${viewerName}`);
      query[viewerName] = {};
      for (const [requestName, filter] of Object.entries(requests)) {
        // Each request records a visit, as the route does: that write is part of the server time.
        const timings = await time(viewer.runs, () =>
          caseload.query(viewer.professionalId, viewer.userId, filter),
        );
        const answer = await caseload.query(viewer.professionalId, viewer.userId, filter);
        const stats = summarize(timings);
        query[viewerName][requestName] = {
          ...stats,
          matches: answer.total,
          answerKB: Math.round(Buffer.byteLength(JSON.stringify(answer)) / 102.4) / 10,
        };
        log(`  ${requestName}: p50 ${stats.p50Ms} ms, p99 ${stats.p99Ms} ms (${answer.total} matches)`);
      }
    }

    log('projection per board change');
    const demoCase = demoData.cases[0]!;
    const today = new Date();
    const doc = demoBoard(demoCase, today);
    seedSignalPlan(doc, demoCase, 3, today, 'Regievoerder');
    const summaries = summaryStore(sqliteData(db));
    const goalIds = [...goalsOf(doc).keys()];
    const goal = goalIds[0]!;
    const step = addStep(doc, goal, { text: 'Bench', dueDate: '2020-01-01' });
    const board = readBoard(doc);
    const timings = await time(projectionRuns, (run) => {
      // A change as a member makes it (a step ticked off), then its projection into the row.
      doc.transact(() => {
        const steps = goalsOf(doc).get(goal)!.get('steps') as Y.Map<Y.Map<unknown>>;
        steps.get(step)!.set('done', run % 2 === 0);
        if (run % 50 === 0) updateGoal(doc, goalIds[run % goalIds.length]!, { status: 'active' });
      });
      return summaries.project('case0', doc, new Date());
    });
    const projection = {
      ...summarize(timings),
      board: {
        goals: board.goals.length,
        steps: board.goals.reduce((n, g) => n + g.steps.length, 0),
        activePerspectives: board.perspectives.filter((p) => p.active).length,
        observations: readObservations(doc).length,
        bytes: Y.encodeStateAsUpdate(doc).byteLength,
      },
      note: 'summaryStore.project: read the board, summarize, upsert the SQL row (includes a small edit)',
    };
    log(`  p50 ${projection.p50Ms} ms, p99 ${projection.p99Ms} ms`);

    const output = {
      machine: machineInfo(loadAtStart),
      data: { ...spec, coordinatorSees: data.coordinator.visible, everywhereSees: data.everywhere.visible },
      caseloadQuery: query,
      projectionPerChange: projection,
      durationS: Math.round((Date.now() - started) / 100) / 10,
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
